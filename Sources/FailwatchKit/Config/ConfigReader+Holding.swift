// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// `holding_statement:` (in `alerts:` or a provider) and a provider's `status_url:`: the first
/// statement an opening alert suggests, per language.
extension ConfigReader {
    /// A mapping of language code to template, e.g. `{de: "Wir wissen von …", en: "We are aware …"}`.
    mutating func holdingTemplates(_ fields: Fields) -> [String: HoldingTemplate] {
        guard let node = fields["holding_statement"] else { return [:] }
        guard case .mapping(let mapping) = node else {
            report(
                "expected a mapping of language to text for 'holding_statement' \(fields.context);"
                    + " hint: holding_statement: {de: \"Wir wissen von einer Störung bei {symptom} …\"}",
                at: node.mark)
            return [:]
        }
        var templates: [String: HoldingTemplate] = [:]
        for (languageNode, textNode) in mapping {
            let language = (languageNode.scalar?.string ?? "").lowercased()
            guard (2...3).contains(language.count), language.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) })
            else {
                report(
                    "'\(languageNode.scalar?.string ?? "")' in 'holding_statement' \(fields.context) is not a"
                        + " language code; hint: use codes such as de, en, fr",
                    at: languageNode.mark)
                continue
            }
            guard
                let text = scalar(
                    textNode, key: "holding_statement.\(language)", context: fields.context, expected: "a text value")
            else { continue }
            do {
                templates[language] = try HoldingTemplate(text.value.trimmingCharacters(in: .whitespacesAndNewlines))
            } catch {
                report("'holding_statement.\(language)' \(fields.context): \(error)", at: text.mark)
            }
        }
        return templates
    }

    /// `status_url:`, the page customers read for updates; `nil` when absent or not a web link.
    mutating func statusURL(_ fields: Fields) -> URL? {
        guard let scalar = text(fields, "status_url") else { return nil }
        guard let url = URL(string: scalar.value), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host?.isEmpty == false
        else {
            report(
                "invalid url '\(scalar.raw)' for 'status_url' \(fields.context); hint: the page customers read, e.g. https://status.example.at",
                at: scalar.mark)
            return nil
        }
        return url
    }
}
