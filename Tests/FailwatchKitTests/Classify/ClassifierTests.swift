// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchKit
import Foundation
import Testing

private let rules = Classifier()

@Test(arguments: [
    "Telekom Störung seit 20 min, geht nix!",
    "Ist Vodafone down?",
    "Bei euch auch kein Netz?",
    "#störung in Berlin",
    "Internet seit heute morgen tot",
    "Router blinkt orange, kein Internet",
    "STOERUNG bei O2 schon wieder",
    "Internet geht ned",  // Austrian
    "S Internet gaht nöd",  // Swiss
    "Schon wieder Störig bei Swisscom",  // Swiss
    "Netzausfall in ganz Hamburg",  // compound
])
func germanOutagesAreOutages(text: String) {
    let c = rules.classify(text, language: "de")
    #expect(c.label == .outage, "\(c.reasons)")
    #expect(c.outage && c.complaint)
    #expect(c.sentiment < 0)
}

@Test(arguments: [
    "Is Comcast down?",
    "no internet since this morning",
    "anyone else having problems with their wifi?",
    "my internet is down again",
    "Wifi keeps dropping out every 5 minutes",
    "Your website is down and I'm trying to check in!",
])
func englishOutagesAreOutages(text: String) {
    let c = rules.classify(text, language: "en")
    #expect(c.label == .outage, "\(c.reasons)")
}

@Test(arguments: [
    ("the download speed is great", "en"),
    ("countdown to the new year", "en"),
    ("she is so down to earth", "en"),
    ("calm down everyone", "en"),
    ("you let me down", "en"),
    ("keine Störung bei mir", "de"),
    ("not down for me, works fine", "en"),
    ("Internet läuft wieder", "de"),
    ("Der Download läuft", "de"),
])
func hardNegativesAreNoOutages(text: String, language: String) {
    let c = rules.classify(text, language: language)
    #expect(!c.outage, "\(c.reasons)")
}

@Test(arguments: [
    ("das ist nicht schlecht", "de"),
    ("not bad at all", "en"),
])
func negatedNegativeIsNotNegative(text: String, language: String) {
    let c = rules.classify(text, language: language)
    #expect(c.sentiment > 0)
    #expect(!c.complaint)
}

@Test(arguments: [
    ("das ist nicht gut", "de"),
    ("not good", "en"),
    ("gefällt mir nicht", "de"),
])
func negatedPositiveIsNegative(text: String, language: String) {
    let c = rules.classify(text, language: language)
    #expect(c.sentiment < 0, "\(c.reasons)")
    #expect(c.label != .positive)
}

@Test func intensifiersCapitalsAndExclamationsStrengthen() {
    let plain = rules.classify("the service is good", language: "en").sentiment
    #expect(rules.classify("the service is very good", language: "en").sentiment > plain)
    #expect(rules.classify("the service is GOOD", language: "en").sentiment > plain)
    #expect(rules.classify("the service is good!!!", language: "en").sentiment > plain)
    #expect(rules.classify("das ist sehr gut", language: "de").sentiment > rules.classify("das ist gut", language: "de").sentiment)
}

@Test func emojiCarrySentiment() {
    #expect(rules.classify("Zug fällt aus 😡", language: "de").sentiment < rules.classify("Zug fällt aus", language: "de").sentiment)
    #expect(rules.classify("neuer Router 😍", language: "de").sentiment > 0.3)
}

@Test(arguments: [
    "Still waiting for my refund, third time I call",
    "Seit Wochen warte ich auf die Rechnung, Hotline ist eine Frechheit",
    "Why do you keep charging me twice?",
])
func grievancesAreComplaints(text: String) {
    let c = rules.classify(text)
    #expect(c.label == .complaint, "\(c.reasons)")
}

@Test(arguments: [("I love the new update, thanks!", "en"), ("Super schnell und freundlich, danke!", "de")])
func praiseIsPositive(text: String, language: String) {
    #expect(rules.classify(text, language: language).label == .positive)
}

@Test func guessesLanguageWhenNotGiven() {
    #expect(rules.classify("Bei mir geht seit heute nichts mehr").language == "de")
    #expect(rules.classify("My internet has been down all day").language == "en")
    #expect(rules.classify("x", language: "de-AT").language == "de")
}

@Test func reasonsNameTermsAndRules() {
    let c = rules.classify("Telekom Störung, kein Netz", language: "de")
    #expect(c.reasons.contains { $0.contains("kein netz") })
    #expect(c.reasons.contains { $0.contains("stoerung") })
    #expect(rules.classify("x", language: "de", explain: false).reasons.isEmpty)
}

@Test func userOutageAndNegativeTermsCount() {
    let extended = Classifier(extraOutageTerms: ["sync verloren"], extraNegativeTerms: ["Schneckenpost"])
    #expect(rules.classify("Sync verloren", language: "de").label != .outage)
    #expect(extended.classify("Sync verloren", language: "de").label == .outage)
    #expect(extended.classify("Schneckenpost", language: "de").sentiment < rules.classify("Schneckenpost", language: "de").sentiment)
}

@Test(arguments: ["waited 2 hours again #customerservicefail", "#bahnchaos heute"])
func complaintHashtagsCount(text: String) {
    #expect(rules.classify(text).complaint)
}

@Test func classificationRoundTripsThroughJSON() throws {
    let c = rules.classify("Telekom Störung, kein Netz", language: "de")
    let data = try JSONEncoder().encode(c)
    var decoded = try JSONDecoder().decode(Classification.self, from: data)
    #expect(decoded.label == c.label && decoded.reasons == c.reasons && decoded.providers == c.providers)
    decoded.complaintScore = c.complaintScore
    decoded.lexiconSentiment = c.lexiconSentiment
    decoded.cueCounts = c.cueCounts
    #expect(decoded == c)
}
