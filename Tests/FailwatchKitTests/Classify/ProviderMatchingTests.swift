// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchKit
import Testing

private let providers = [
    ProviderTerms(
        id: "telekom", name: "Telekom", handles: ["@Telekom_hilft"], hashtags: ["#telekom"], domains: ["telekom.de"],
        exclude: ["Telekom Baskets"]),
    ProviderTerms(id: "vodafone", name: "Vodafone", aliases: ["Vodafon"], outageTerms: ["Kabelbruch"]),
    ProviderTerms(id: "einsundeins", name: "1&1", aliases: ["1und1", "1 und 1", "1&1"]),
    ProviderTerms(id: "o2", name: "O2"),
]
private let classifier = Classifier(providers: providers)

private func ids(_ text: String) -> [String] {
    classifier.classify(text, language: "de").providers.map(\.id)
}

@Test(arguments: ["1&1 hat Störung", "1und1 hat Störung", "1 und 1 hat Störung", "1UND1 hat Störung"])
func matchesAliases(text: String) {
    #expect(ids(text) == ["einsundeins"])
}

@Test(arguments: [
    "TELEKOM ist down", "@telekom_hilft ist down", "#Telekom ist down", "siehe https://www.telekom.de/stoerung",
])
func matchesNamesHandlesHashtagsAndDomains(text: String) {
    #expect(ids(text) == ["telekom"])
}

@Test func matchesWholeWordsOnly() {
    #expect(ids("CO2 Ausstoß steigt").isEmpty)
    #expect(ids("Telekommunikation ist wichtig").isEmpty)
}

@Test func ignoresExcludedPhrases() {
    #expect(ids("Telekom Baskets gewinnen in Bonn").isEmpty)
    #expect(ids("Telekom Baskets gewinnen, aber Telekom ist down").contains("telekom"))
}

@Test func judgesEachProviderByItsOwnClauses() {
    let c = classifier.classify("Bei Telekom alles ruhig, Vodafone hat seit einer Stunde Probleme", language: "de")
    let verdicts = Dictionary(uniqueKeysWithValues: c.providers.map { ($0.id, $0.label) })
    #expect(verdicts["vodafone"]?.isComplaint == true, "\(c.reasons)")
    #expect(verdicts["telekom"]?.isComplaint == false)
}

@Test func someoneElsesOutageIsNotOurs() {
    let c = classifier.classify("Vodafone ist down. Zum Glück bin ich bei O2, läuft alles", language: "de")
    let verdicts = Dictionary(uniqueKeysWithValues: c.providers.map { ($0.id, $0.label) })
    #expect(verdicts["vodafone"] == .outage)
    #expect(verdicts["o2"] != .outage)
}

@Test func providerTermsCountOnlyWhenTheProviderIsNamed() {
    #expect(classifier.classify("Kabelbruch in der Straße", language: "de").label != .outage)
    #expect(classifier.classify("Vodafone: Kabelbruch in der Straße", language: "de").label == .outage)
}
