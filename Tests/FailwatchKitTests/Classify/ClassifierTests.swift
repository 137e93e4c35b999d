// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
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
    // The sentiment is what the words say (a bare "Ist X down?" is 0), never praise.
    #expect(c.sentiment <= 0)
}

@Test(arguments: [
    "Is Comcast down?",
    "no internet since this morning",
    "anyone else having problems with their wifi?",
    "my internet is down again",
    "Wifi keeps dropping out every 5 minutes",
    "my internet does not work",
    "can't get online since 8am",
    "BT broadband has been dropping all evening",
    "my phone has had no bars all day",
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
    ("I don't work on Sundays", "en"),
    ("Stock price dropped today", "en"),
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

@Test(arguments: [
    ("Streik beendet, die Züge fahren wieder", "de"),
    ("Die Störung ist vorbei", "de"),
])
func theEndOfABadThingIsGoodNews(text: String, language: String) {
    let c = rules.classify(text, language: language)
    #expect(c.sentiment > 0, "\(c.reasons)")
    #expect(!c.complaint)
}

@Test func aSalutationIsNoPraise() {
    let c = rules.classify("Liebe Telekom, wann kommt endlich der Techniker?", language: "de")
    #expect(c.label != .positive, "\(c.reasons)")
    #expect(rules.classify("Ich liebe mein neues Glasfaser-Internet", language: "de").sentiment > 0)
}

@Test(arguments: [
    ("Guten Morgen, schönen Tag euch", "de", 0.5),
    ("Wir sind gestern mit dem ICE gefahren", "de", 0.0),  // "gefahren" is travelled, not "Gefahren"
    ("Reise in der 2. Klasse nach Köln", "de", 0.0),  // travel class, not "klasse!"
    ("I'll call you tomorrow", "en", 0.0),  // not "ill"
    ("We'll see", "en", 0.0),  // not "well"
])
func everydayWordsCarryNoSentiment(text: String, language: String, bound: Double) {
    let c = rules.classify(text, language: language)
    #expect(abs(c.sentiment) <= bound, "\(c.reasons)")
}

@Test(arguments: ["Danke für nichts", "Na toll, schon wieder kein Netz", "Das ist unter aller Sau"])
func germanPhrasesOutweighTheirWords(text: String) {
    #expect(rules.classify(text, language: "de").sentiment < 0)
}

@Test(arguments: ["Fehlplanung bei der Bahn", "Schon wieder Bahnchaos", "Personalmangel im Kundenservice"])
func germanCompoundsAreReadByTheirHead(text: String) {
    let c = rules.classify(text, language: "de")
    #expect(c.sentiment < 0, "\(c.reasons)")
    #expect(c.label != .positive && c.label != .neutral)
}

@Test func aYesNoQuestionAsksRatherThanComplains() {
    #expect(!rules.classify("Is my flight to Boston delayed?", language: "en").complaint)
    #expect(!rules.classify("@DB_Bahn Fährt der ICE heute mit Verspätung?", language: "de").complaint)
    #expect(rules.classify("@airline Why is my flight delayed again?", language: "en").complaint)
}

@Test func bulkPathGivesTheSameVerdicts() {
    let workspace = Classifier.Workspace()
    for (text, language) in [
        ("Telekom Störung seit 20 min, geht nix!", "de"), ("I love the new update, thanks!", "en"),
        ("Why do you keep charging me twice?", "en"), ("", "de"), ("Liebe Bahn 😡😡 kein WLAN", "de"),
    ] {
        let one = rules.classify(text, language: language, explain: false)
        var bytes = Array(text.utf8)
        let bulk = bytes.withUnsafeMutableBufferPointer {
            rules.classify(utf8: UnsafeBufferPointer($0), language: language, workspace: workspace)
        }
        #expect(bulk == one, "\(text)")
    }
}
