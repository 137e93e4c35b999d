// SPDX-License-Identifier: Apache-2.0
import Foundation
import Yams

/// The `providers:` section: who is watched and the names people use for them.
extension ConfigReader {
    /// Reads every provider; ids are unique and never `any`.
    mutating func readProviders(_ top: Fields, timeZone: TimeZone) -> [ProviderConfig] {
        var providers: [ProviderConfig] = []
        var firstLine: [String: Int] = [:]
        for (index, node) in items(of: top, "providers", hint: "list at least one provider with a 'name:'").enumerated()
        {
            guard let (provider, mark) = readProvider(node, index: index, timeZone: timeZone) else { continue }
            if let line = firstLine[provider.id] {
                report(
                    "duplicate provider id '\(provider.id)' (first defined on line \(line)); hint: give each provider its own 'id:'",
                    at: mark)
                continue
            }
            firstLine[provider.id] = mark?.line ?? 1
            providers.append(provider)
        }
        return providers
    }

    private mutating func readProvider(_ node: Node, index: Int, timeZone: TimeZone) -> (ProviderConfig, Mark?)? {
        let context = Self.label("provider", node, index: index)
        guard
            let fields = fields(
                of: node, allowed: Self.providerKeys, context: context, expected: "a mapping with a name:")
        else { return nil }
        guard let name = text(fields, "name") else {
            if fields["name"] == nil { reportMissing("name", in: fields) }
            return nil
        }
        let id: String
        let idMark: Mark?
        if let given = text(fields, "id") {
            (id, idMark) = (given.value, given.mark)
            if !Self.isProviderID(id) {
                report(
                    "invalid provider id '\(given.raw)' \(context); hint: use lower-case letters, digits and '-', "
                        + "e.g. '\(ProviderConfig.slug(of: id))'", at: given.mark)
                return nil
            }
        } else {
            (id, idMark) = (ProviderConfig.slug(of: name.value), name.mark)
            if id.isEmpty {
                report("cannot derive an id from the name '\(name.raw)' \(context); hint: add an 'id:'", at: name.mark)
                return nil
            }
        }
        if id == "any" {
            report(
                "'any' cannot be a provider id \(context), it means every provider in sources; hint: add another 'id:'",
                at: idMark)
            return nil
        }
        var provider = ProviderConfig(id: id, name: name.value)
        provider.aliases = textList(fields, "aliases").map(\.value)
        provider.handles = prefixed(textList(fields, "handles"), with: "@", key: "handles", context: context)
        provider.hashtags = prefixed(textList(fields, "hashtags"), with: "#", key: "hashtags", context: context)
        provider.domains = domains(textList(fields, "domains"), context: context)
        provider.exclude = textList(fields, "exclude").map(\.value)
        provider.languages = languages(textList(fields, "languages"), context: context)
        provider.places = textList(fields, "places").map(\.value)
        provider.outageTerms = textList(fields, "outage_terms").map(\.value)
        provider.negativeTerms = textList(fields, "negative_terms").map(\.value)
        provider.internalMonitor = readInternalMonitor(fields)
        provider.detection = readDetection(fields["detection"], context: context)
        provider.statusURL = statusURL(fields)
        provider.holdingStatements = holdingTemplates(fields)
        provider.maintenance = readMaintenance(fields, timeZone: timeZone)
        return (provider, idMark)
    }

    static func isProviderID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first != "-" else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Handles and hashtags, each given its prefix if written without; no spaces inside.
    private mutating func prefixed(_ items: [Scalar], with prefix: String, key: String, context: String) -> [String] {
        items.compactMap { item in
            let body = item.value.hasPrefix(prefix) ? String(item.value.dropFirst()) : item.value
            guard !body.isEmpty, !body.contains(where: \.isWhitespace) else {
                report("'\(item.raw)' in '\(key)' \(context) must be one word without spaces", at: item.mark)
                return nil
            }
            return prefix + body
        }
    }

    /// Host names, lower-cased; a URL or path is refused with a hint.
    private mutating func domains(_ items: [Scalar], context: String) -> [String] {
        items.compactMap { item in
            let host = item.value.lowercased()
            let valid =
                host.contains(".") && !host.hasPrefix(".") && !host.hasSuffix(".")
                && host.unicodeScalars.allSatisfy { !$0.properties.isWhitespace && $0 != "/" && $0 != ":" }
            guard valid else {
                report(
                    "'\(item.raw)' in 'domains' \(context) is not a host name; hint: write the host only, e.g. vodafone.de",
                    at: item.mark)
                return nil
            }
            return host
        }
    }

    /// Two- or three-letter language codes, lower-cased.
    private mutating func languages(_ items: [Scalar], context: String) -> [String] {
        items.compactMap { item in
            let code = item.value.lowercased()
            guard (2...3).contains(code.count), code.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else {
                report(
                    "'\(item.raw)' in 'languages' \(context) is not a language code; hint: use codes such as de, en, fr",
                    at: item.mark)
                return nil
            }
            return code
        }
    }
}
