// SPDX-License-Identifier: Apache-2.0

/// Symptoms as a provider names them in a statement to its customers, per language, and the
/// words that join a list; vocabulary a maintainer extends here, one table per language.
extension Symptom {
    /// What each symptom is called in a sentence like "a problem with {symptom}"; `nil` key: no
    /// symptom known, the provider's services in general.
    static let statementWords: [String: [Symptom?: String]] = [
        "de": [
            .internet: "Internet", .mobileData: "mobilen Daten", .signal: "Mobilfunkempfang", .calls: "Telefonie",
            .sms: "SMS", .tv: "TV", .phone: "Festnetz", .email: "E-Mail", .hosting: "Hosting", .app: "Apps",
            nil: "unseren Diensten",
        ],
        "en": [
            .internet: "internet", .mobileData: "mobile data", .signal: "mobile reception", .calls: "calls",
            .sms: "text messages", .tv: "TV", .phone: "landline", .email: "e-mail", .hosting: "hosting", .app: "apps",
            nil: "our services",
        ],
    ]

    /// The word joining the last two items of a list ("Linz und Wels").
    static let listAnd: [String: String] = ["de": "und", "en": "and"]

    /// The symptoms in words for `language` (English when it has no table): "Internet und TV",
    /// or the services in general when none is known.
    public static func statementPhrase(_ symptoms: [Symptom], language: String) -> String {
        let words = statementWords[language] ?? statementWords["en"] ?? [:]
        let named = symptoms.filter { $0 != .unknown }.compactMap { words[$0] }
        return named.isEmpty ? words[nil] ?? "" : list(named, language: language)
    }

    /// "A", "A and B", "A, B and C" in `language`.
    public static func list(_ items: [String], language: String) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: ", ") + " \(listAnd[language] ?? "and") " + last
    }
}
