// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import FailwatchKit
@testable import FailwatchCore

/// Every kind of message (update, resolution, test; the opening one is in
/// ``AlertPayloadGoldenTests``) as each platform receives it, pinned in
/// Fixtures/alert/<kind>-<platform>.json, and what a test alert may never do: ping.
@Suite struct AlertKindGoldenTests {
    static let mentions: [SinkKind: String] = [
        .slack: "<!here>", .mattermost: "@channel", .discord: "@everyone", .teams: "@here", .googlechat: "<users/all>",
    ]

    static func message(_ kind: AlertMessage.Kind) -> AlertMessage {
        if kind == .test {
            return AlertMessage.sample(
                provider: .init(id: "vodafone", name: "Vodafone"), now: AlertFixtures.now, timeZoneID: "Europe/Berlin")
        }
        var message = AlertFixtures.hostile
        message.kind = kind
        message.updateNumber = kind == .updated ? 1 : 2
        message.official = .init(
            statusPage: "DSL outage in Berlin (identified, major)", lastOfficialPost: AlertFixtures.now.addingTimeInterval(-300))
        return message
    }

    @Test(arguments: [AlertMessage.Kind.updated, .resolved, .test], SinkKind.allCases)
    func payloadMatchesGolden(kind: AlertMessage.Kind, sink: SinkKind) throws {
        let rendered = AlertFixtures.render(Self.message(kind), for: sink, mention: Self.mentions[sink])
        try Self.expectGolden(rendered, "\(kind.rawValue)-\(sink.rawValue).json")
    }

    /// Compares a payload with its golden file (written when missing or with RECORD_SNAPSHOTS=1).
    static func expectGolden(_ rendered: JSONValue, _ name: String) throws {
        let pretty = String(decoding: rendered.encoded(pretty: true), as: UTF8.self) + "\n"
        let file = AlertPayloadGoldenTests.fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil || !FileManager.default.fileExists(atPath: file.path) {
            try pretty.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(pretty == (try String(contentsOf: file, encoding: .utf8)), "\(name) differs")
    }

    /// An update naming the providers that joined the event (`alerts: common_cause: combined`): a
    /// program gets them as `joined`, a chat in the headline and one line each.
    @Test(arguments: [SinkKind.webhook, .slack, .teams])
    func aJoinedUpdateMatchesGolden(sink: SinkKind) throws {
        var message = Self.message(.updated)
        message.commonCause = "WhatsApp named in 52% of posts; Kabelfix and Wellnetz spike too"
        message.providersAtOnce = 3
        message.joined = [
            .init(
                provider: .init(id: "kabelfix", name: "Kabelfix"), incidentID: "kabelfix-1795276800", complaints: 14,
                authors: 12, interval: 900, usual: 0.3),
            .init(
                provider: .init(id: "wellnetz", name: "Wellnetz"), incidentID: "wellnetz-1795276800", complaints: 1,
                authors: 1, interval: 300, usual: 0.1),
        ]
        try Self.expectGolden(
            AlertFixtures.render(message, for: sink, mention: Self.mentions[sink]), "joined-\(sink.rawValue).json")
        #expect(message.headline.hasPrefix("Vodafone, update 1: Kabelfix and Wellnetz join this event — "))
        #expect(message.notes.contains("Wellnetz is part of this event: 1 outage complaint from 1 person in 5 min (usually 0.1); no alert of its own."))
    }

    /// `failwatch test-alert` shows which mention real alerts carry, but it pings nobody.
    @Test(arguments: SinkKind.allCases.filter(\.isChat))
    func aTestAlertNamesTheMentionButPingsNobody(sink: SinkKind) throws {
        let mention = try #require(Self.mentions[sink])
        let payload = AlertFixtures.render(Self.message(.test), for: sink, mention: mention)
        let body = String(decoding: payload.encoded(), as: UTF8.self)
        for ping in ["<!here>", "<!channel>", "<!everyone>", "@here", "@channel", "@everyone", "@all", "<users/all>"] {
            #expect(!body.contains(ping), "\(sink.rawValue) test alert carries a live \(ping)")
        }
        #expect(body.contains("real alerts begin with"), "\(body)")
        if sink == .discord {
            let object = try #require(try JSONSerialization.jsonObject(with: payload.encoded()) as? [String: Any])
            #expect((object["allowed_mentions"] as? [String: Any])?["parse"] as? [String] == [])
        }
        // An opening alert still pings as configured.
        let opened = String(decoding: AlertFixtures.render(Self.message(.updated), for: sink, mention: mention).encoded(), as: UTF8.self)
        #expect(!opened.contains("real alerts begin with"))
    }
}
