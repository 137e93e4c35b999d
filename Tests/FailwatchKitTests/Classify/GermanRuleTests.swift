// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchKit
import Testing

private let rules = Classifier()

@Test(arguments: [
    "Der Streik der Lokführer ist seit heute Abend beendet",  // the verb comes last
    "Die Störung im Mobilfunknetz wurde am Vormittag behoben",
])
func aBadThingEndedLateInTheClauseIsGoodNews(text: String) {
    let c = rules.classify(text, language: "de")
    #expect(c.sentiment > 0.3, "\(c.reasons)")
    #expect(!c.complaint)
}

@Test func aBadThingNotYetEndedStaysBad() {
    let c = rules.classify("Die Störung ist immer noch nicht behoben", language: "de")
    #expect(c.sentiment < 0, "\(c.reasons)")
    #expect(c.complaint)
}

@Test func servicePraiseOutweighsEverydayDelight() {
    let service = rules.classify("Der Zug war pünktlich und das Personal sehr freundlich", language: "de")
    #expect(service.label == .positive, "\(service.reasons)")
    let delight = rules.classify("Schönes Wetter heute, bin mit der Bahn unterwegs", language: "de")
    #expect(delight.label != .positive, "\(delight.reasons)")
}

@Test(arguments: ["Zug verpasst xD", "Zug verpasst :D", "Guten Morgen liebe Kollegen, ich sitze im Zug"])
func germanSmilesAndVocativesAreNoPraise(text: String) {
    let c = rules.classify(text, language: "de")
    #expect(c.label != .positive, "\(c.reasons)")
}

@Test(arguments: [
    "Was für Idioten in der Bahn",
    "Taschendiebe im ICE unterwegs",  // compound read by its head
    "Scheißbahn, wieder zu spät",  // curse prefix
    "Die Hotline ist ein Armutszeugnis",
])
func germanInsultsCrimeAndCursesAreNegative(text: String) {
    let c = rules.classify(text, language: "de")
    #expect(c.sentiment < -0.2, "\(c.reasons)")
    #expect(c.label != .neutral && c.label != .positive)
}

@Test(arguments: [
    "Ich kann nicht arbeiten, weil das WLAN nicht funktioniert"  // verb last in a subordinate clause
])
func germanOutOfServiceIsAnOutage(text: String) {
    let c = rules.classify(text, language: "de")
    #expect(c.label == .outage, "\(c.reasons)")
}

@Test func aLiftOutOfServiceIsNoTelecomOutage() {
    let c = rules.classify("Der Aufzug am Bahnhof ist seit Tagen außer Betrieb", language: "de")
    #expect(!c.outage, "\(c.reasons)")
}

@Test(arguments: [
    "Bei mir geht das Internet schon wieder nicht",  // "bei mir geht" alone would mean it works
    "Seit heute Morgen funktioniert das Telefon nicht mehr",
    "Bei 1&1 geht seit einer Stunde gar nichts",  // "nichts": whatever the thing
    "Warum geht bei Vodafone das Internet nicht?",
    "Das WLAN funktioniert überhaupt nicht",
    "Ich bin sauer, weil das Internet nicht mehr geht",  // the verb last in a subordinate clause
    "Bei mir läuft seit gestern nix mehr",
    "Der Router geht nicht an",
    "Nichts lädt mehr",
    "Der Router fällt seit gestern immer wieder aus",  // a verb of failing, its particle last
    "Verbindung bricht alle 10 Minuten ab",
    "Die Fritzbox streikt",
    "Bei Sunrise isch scho wieder alles usgfalle",  // Swiss
])
func aFailureSaidInGermanWordOrderIsAnOutage(text: String) {
    let c = rules.classify(text, language: "de")
    #expect(c.label == .outage, "\(c.reasons)")
}

@Test(arguments: [
    "Das geht gar nicht!",  // that is unacceptable: no failing thing named
    "Es geht nicht um das Internet, sondern um den Preis",
    "Bei mir läuft alles, bei euch nicht?",  // the negation is in another clause
    "Bei mir geht das Internet wieder",
    "Das hängt davon ab",
    "Ohne Internet geht heutzutage nichts",  // a rule, not a report
    "So funktioniert das mit dem Router aber nicht",
    "Die Preise fallen weg",
])
func theSameWordOrderWithoutAFailingThingIsNoOutage(text: String) {
    let c = rules.classify(text, language: "de")
    #expect(!c.outage, "\(c.reasons)")
}
