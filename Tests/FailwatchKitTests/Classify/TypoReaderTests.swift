// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
import Testing

// Misspelt service and failure words are read as meant; real words near them are not. Every
// sentence is written for these tests.

private let rules = Classifier()

@Test(arguments: [
    ("@telco my intrnet is not workng since this morning", "en"),
    ("@telco mobile data not wokring in town rn", "en"),
    ("@telco no serivce at all since 9, anyone else?", "en"),
    ("@telco conection keeps droping out tonight", "en"),
    ("@telco Internet ist seit zwei Stunden ausgefalen", "de"),
    ("Storung bei @telco in Graz?", "de"),
])
func aMisspeltServiceOrFailureWordStillReportsTheOutage(text: String, lang: String) {
    let c = rules.classify(text, language: lang)
    #expect(c.outage, "\(c.reasons)")
}

@Test(arguments: [
    "@telco I'm paying too much and saying so won't change a thing",
    "@telco though I like you, filing a complaint is such a pain",
    "@telco I'm not spending another penny on your ending offers",
    "@telco my tests in the lab are not working out today",
])
func realWordsNearTheVocabularyAreReadAsWritten(text: String) {
    let c = rules.classify(text, language: "en", explain: true)
    #expect(!c.reasons.contains { $0.hasPrefix("misspelling") }, "\(c.reasons)")
}

@Test func explainSaysWhichWordWasReadAsWhich() {
    let c = rules.classify("@telco the wifi is not workng", language: "en", explain: true)
    #expect(c.reasons.contains("misspelling \"workng\" read as \"working\""), "\(c.reasons)")
}

@Test func wordsShorterThanSixLettersAreNotRead() {
    let c = rules.classify("@telco txets not sending", language: "en", explain: true)
    #expect(!c.reasons.contains { $0.hasPrefix("misspelling") }, "\(c.reasons)")
}
