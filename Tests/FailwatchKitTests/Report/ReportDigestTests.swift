// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import FailwatchKit

@Suite struct ReportDigestTests {
    let link = "https://reports.example.org/failwatch/2026-W47.html"

    @Test func digestGivesOneLinePerProviderAndTheLink() throws {
        let lines = ReportDigest.lines(try ReportGoldenTests.seeded(), link: link)
        #expect(lines.first == "failwatch weekly report 2026-W47 (Mon 16 Nov – Sun 22 Nov 2026)")
        #expect(lines.contains { $0.hasPrefix("Vodafone: 63 mentions (+17, +37%)") && $0.hasSuffix("1 incident") })
        #expect(lines.contains { $0.hasPrefix("Deutsche Telekom:") && $0.hasSuffix("1 incident (1 without official word)") })
        #expect(lines.contains("Quiet Net: 0 mentions (±0), 0 complaints (±0), net –"))
        #expect(lines.last == "Report: \(link)")
    }

    @Test(arguments: SinkKind.allCases.filter { !$0.isOnCall })
    func everyPlatformGetsValidJSONThatPingsNobody(kind: SinkKind) throws {
        let sink = SinkConfig(
            name: "chat", kind: kind, url: try #require(URL(string: "https://chat.example.org/hook/SECRET")),
            secret: kind == .webhook ? "key" : nil, mention: "@channel")
        let request = try #require(
            ReportDigest.request(try ReportGoldenTests.seeded(), link: link, sink: sink, now: ReportSeed.generatedAt))
        #expect(request.method == "POST")
        let object = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
        let text = String(decoding: request.body, as: UTF8.self)
        #expect(!text.contains("@channel"))
        #expect(text.contains("2026-W47"))
        switch kind {
        case .discord:
            #expect((object["allowed_mentions"] as? [String: Any])?["parse"] as? [Any] == nil || text.contains("\"parse\":[]"))
        case .webhook:
            #expect(object["schema"] as? String == "failwatch.digest.v1")
            #expect(request.headers[WebhookSignature.signatureHeader]?.hasPrefix("sha256=") == true)
        case .teams:
            #expect(object["type"] as? String == "message")
        case .slack, .mattermost, .googlechat:
            #expect(object["text"] is String)
        case .pagerduty, .alertmanager:
            Issue.record("on-call sinks take no digest")
        }
    }

    /// A sink scoped to one provider hears only that provider's figures.
    @Test(arguments: SinkKind.allCases.filter { !$0.isOnCall })
    func aScopedSinkGetsOnlyItsProviders(kind: SinkKind) throws {
        let sink = SinkConfig(
            name: "liwest-noc", kind: kind, url: try #require(URL(string: "https://chat.example.org/hook")),
            providers: .only(["telekom"]), secret: kind == .webhook ? "key" : nil)
        let request = try #require(
            ReportDigest.request(try ReportGoldenTests.seeded(), link: nil, sink: sink, now: ReportSeed.generatedAt))
        let text = String(decoding: request.body, as: UTF8.self)
        #expect(text.contains("Deutsche Telekom"))
        #expect(!text.contains("Vodafone") && !text.contains("Quiet Net"), "\(text)")
        #expect(!text.contains("Report:"), "no link was given")
    }

    /// PagerDuty and Alertmanager page people: the weekly digest never goes there.
    @Test(arguments: [SinkKind.pagerduty, .alertmanager])
    func onCallSinksGetNoDigest(kind: SinkKind) throws {
        let sink = SinkConfig(
            name: "oncall", kind: kind, url: try #require(URL(string: "https://oncall.example.org/")),
            onCall: OnCallSettings(routingKey: "key"))
        #expect(ReportDigest.request(try ReportGoldenTests.seeded(), link: nil, sink: sink, now: ReportSeed.generatedAt) == nil)
    }

    /// Without --link the digest names no place: no server path reaches the chat.
    @Test func withoutALinkTheDigestHasNoReportLine() throws {
        let lines = ReportDigest.lines(try ReportGoldenTests.seeded(), link: nil)
        #expect(!lines.contains { $0.hasPrefix("Report:") || $0.contains("/") && $0.contains(".html") })
    }

    /// The exact body each platform receives, pinned in Fixtures/digest/<kind>.json.
    @Test(arguments: SinkKind.allCases.filter { !$0.isOnCall })
    func digestPayloadMatchesGolden(kind: SinkKind) throws {
        let lines = ReportDigest.lines(try ReportGoldenTests.seeded(), link: link)
        let payload = try #require(ReportDigest.payload(try ReportGoldenTests.seeded(), lines: lines, link: link, kind: kind))
        let pretty = String(decoding: payload.encoded(pretty: true), as: UTF8.self) + "\n"
        let folder = ReportGoldenTests.fixtures.deletingLastPathComponent().appendingPathComponent("digest")
        let file = folder.appendingPathComponent("\(kind.rawValue).json")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil || !FileManager.default.fileExists(atPath: file.path) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try pretty.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(pretty == (try String(contentsOf: file, encoding: .utf8)), "digest for \(kind.rawValue) differs from its golden file")
    }
}
