import Foundation
import Testing

// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchKit
@testable import FailwatchCore

/// The sanitising every renderer relies on.
@Suite struct AlertTextTests {
    @Test func cleanMakesOneLineWithoutDirectionTricks() {
        #expect(AlertText.clean("a\n\tb  \u{202E}c\u{202C}\u{0007}d ", limit: 100) == "a b c d")
    }

    @Test func cleanCutsWithAnEllipsis() {
        #expect(AlertText.clean("abcdefgh", limit: 5) == "abcd…")
        #expect(AlertText.clean("abcde", limit: 5) == "abcde")
    }

    @Test func cleanKeepsEmojiSequences() {
        #expect(AlertText.clean("👩‍💻 down", limit: 10) == "👩‍💻 down")
    }

    @Test(arguments: [
        ("@channel", "@\u{200B}channel"), ("<!here>", "<\u{200B}!here>"), ("<@U1>", "<\u{200B}@\u{200B}U1>"),
        ("<users/all>", "<\u{200B}users/all>"), ("mail me @ home", "mail me @ home"),
    ])
    func mentionsAreBroken(input: String, expected: String) {
        #expect(AlertText.defuseMentions(input) == expected)
    }

    @Test func linksAreSplitFromTextWithoutTrailingPunctuation() {
        #expect(
            AlertText.segments("see https://a.example/x?y=1. and (http://b.example/(z)) ok") == [
                .text("see "), .link("https://a.example/x?y=1"), .text(". and ("), .link("http://b.example/(z)"),
                .text(") ok"),
            ])
    }

    @Test func wordsStartingWithHttpAreNotLinks() {
        #expect(AlertText.segments("httpd crashed, xhttp://no") == [.text("httpd crashed, xhttp://no")])
    }

    @Test func linkStopsAtMarkup() {
        #expect(AlertText.segments("https://a.example/<script>") == [.link("https://a.example/"), .text("<script>")])
    }

    @Test func headlineReadsLikeTheSpec() {
        #expect(AlertFixtures.hostile.headline == "Vodafone: 34 outage complaints from 29 people in 10 min — usually 2")
        #expect(AlertFixtures.hostile.idempotencyKey == "inc-42-0")
    }

    @Test func timesAreShownInTheConfiguredZoneWithDateWhenNotToday() {
        let message = AlertFixtures.hostile
        #expect(message.time(message.firstComplaint) == "15:05 Europe/Berlin")
        #expect(message.time(message.createdAt.addingTimeInterval(-2 * 86_400)) == "2026-11-21 15:20 Europe/Berlin")
    }

    @Test func messageSurvivesACodableRoundTrip() throws {
        let data = try JSONEncoder().encode(AlertFixtures.hostile)
        #expect(try JSONDecoder().decode(AlertMessage.self, from: data) == AlertFixtures.hostile)
    }
}
