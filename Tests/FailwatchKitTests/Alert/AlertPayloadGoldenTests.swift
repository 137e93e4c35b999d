import Foundation
import Testing

// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchKit

/// The exact JSON each platform receives for one hostile alert, pinned in
/// Fixtures/alert/<kind>.json (regenerate with RECORD_SNAPSHOTS=1 and review the diff).
@Suite struct AlertPayloadGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/alert")

    @Test(arguments: SinkKind.allCases)
    func payloadMatchesGolden(kind: SinkKind) throws {
        let rendered = AlertFixtures.render(AlertFixtures.hostile, for: kind, mention: mention(for: kind))
        let pretty = String(decoding: rendered.encoded(pretty: true), as: UTF8.self) + "\n"
        let file = Self.fixtures.appendingPathComponent("\(kind.rawValue).json")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
            || !FileManager.default.fileExists(atPath: file.path)
        {
            try pretty.write(to: file, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(pretty == golden, "payload for \(kind.rawValue) differs from \(file.lastPathComponent)")
    }

    @Test(arguments: SinkKind.allCases)
    func bodyIsTheCompactSortedEncodingAndValidJSON(kind: SinkKind) throws {
        let body = AlertFixtures.body(AlertFixtures.hostile, for: kind)
        #expect(body == AlertFixtures.render(AlertFixtures.hostile, for: kind).encoded())
        let parsed = try JSONSerialization.jsonObject(with: body)
        #expect(parsed is [String: Any] || (kind == .alertmanager && parsed is [[String: Any]]))
        #expect(!body.contains(UInt8(ascii: "\n")))
    }

    private func mention(for kind: SinkKind) -> String? {
        switch kind {
        case .slack: "<!subteam^S0614TZR7>"
        case .mattermost: "@oncall"
        case .discord: "<@&987654321>"
        case .teams: "NOC on call"
        case .googlechat: "<users/all>"
        case .webhook, .pagerduty, .alertmanager: nil
        }
    }
}
