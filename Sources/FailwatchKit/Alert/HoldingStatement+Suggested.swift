// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

extension HoldingStatement {
    /// The statements an opening alert suggests: one per language of the provider (`languages:`;
    /// without any, every language with a template), from the provider's own template, else
    /// `alerts: holding_statement:`, else the built-in one; languages without any template are
    /// left out, and English stands in when none is left.
    ///
    /// - Parameters:
    ///   - symptoms: the incident's most reported symptoms, most first (two are named).
    ///   - places: the provider's places named most, most first (three are named).
    ///   - statusURL: where customers read updates; `nil` leaves that part out.
    public static func suggested(
        provider: ProviderConfig, defaults: [String: HoldingTemplate], symptoms: [Symptom], places: [String],
        statusURL: URL?
    ) -> [HoldingStatement] {
        func template(_ language: String) -> HoldingTemplate? {
            provider.holdingStatements[language] ?? defaults[language] ?? HoldingTemplate.builtIn[language]
        }
        let written = Set(provider.holdingStatements.keys).union(defaults.keys).union(HoldingTemplate.builtIn.keys)
        var languages =
            provider.languages.isEmpty ? written.sorted() : provider.languages.filter { template($0) != nil }
        if languages.isEmpty { languages = ["en"] }
        return languages.compactMap { language in
            guard let template = template(language) else { return nil }
            let text = template.render([
                "provider": provider.name,
                "symptom": Symptom.statementPhrase(Array(symptoms.prefix(2)), language: language),
                "places": Symptom.list(Array(places.prefix(3)), language: language),
                "status_url": statusURL?.absoluteString ?? "",
            ])
            return HoldingStatement(language: language, text: text)
        }
    }
}
