// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// `failwatch report` as cron runs it: a store written by failwatch, a file out, a digest to chat.
@Suite struct ReportCommandTests {
    /// Sink URLs for the configuration; nothing listens there unless a test says so.
    let unused = ["SLACK_URL": "http://127.0.0.1:9/slack", "HOOK_URL": "http://127.0.0.1:9/hook", "HOOK_SECRET": "key"]

    /// Monday 16 Nov 2026 10:00 in Berlin: inside 2026-W47.
    let tuesday = Date(timeIntervalSince1970: 1_794_783_600 + 86_400 + 10 * 3600)

    /// A folder with feeds.yml (sinks from `${SLACK_URL}` and `${HOOK_URL}`) and a store holding
    /// a few posts about Vodafone, recorded through the store's own API.
    private func setUp() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let yaml = """
            version: 1
            timezone: Europe/Berlin
            store: {path: store.sqlite}
            providers: [{id: vodafone, name: Vodafone}, {id: telekom, name: Deutsche Telekom}]
            sources: [{name: demo, url: "https://example.org/feed.xml"}]
            sinks:
              - {name: slack-comms, kind: slack, url: "${SLACK_URL}"}
              - {name: archive, kind: webhook, url: "${HOOK_URL}", secret: "${HOOK_SECRET}"}

            """
        try yaml.write(to: dir.appendingPathComponent("feeds.yml"), atomically: true, encoding: .utf8)
        let store = try AppDatabase.open(path: dir.appendingPathComponent("store.sqlite").path)
        let posts = (0..<5).map { index in
            let text = index == 0 ? "<script>alert(1)</script> Vodafone down" : "Vodafone kein Internet \(index)"
            return Post(
                sourceName: "demo", guid: "g\(index)", link: "https://example.org/p/\(index)", author: "anna", title: nil,
                text: text, language: "de", published: tuesday.addingTimeInterval(Double(index) * 600), fetched: tuesday,
                contentHash: ContentHash.of(author: "anna", text: text),
                verdict: Classification(
                    label: .outage, sentiment: -0.5, language: "de",
                    providers: [ProviderVerdict(id: "vodafone", label: .outage, sentiment: -0.5)]))
        }
        let run = try store.startRun(at: tuesday.addingTimeInterval(-86_400 * 10))
        try store.record(
            SourceReport(name: "demo", kind: "feed", url: "https://example.org/feed.xml", outcome: .fetched(.init(posts: posts)), duration: 0.1),
            runID: run, at: tuesday)
        return dir
    }

    @Test func writesTheWeekAsJSONAndPostsTheDigestToEverySink() async throws {
        let dir = try setUp()
        let out = dir.appendingPathComponent("week.json").path
        try await WebhookReceiver.with(replies: [.ok, .ok]) { receiver in
            let result = try await FailwatchBinary.run(
                [
                    "report", "--config", dir.appendingPathComponent("feeds.yml").path, "--week", "2026-W47",
                    "--format", "json", "--out", out, "--post-summary", "--link", "https://reports.example.org/w47.html",
                    "--timeout", "120",  // a busy CI machine must not turn the loopback receiver into a timeout
                ],
                environment: [
                    "SLACK_URL": receiver.url("/slack/SECRET").absoluteString,
                    "HOOK_URL": receiver.url("/hook/SECRET").absoluteString, "HOOK_SECRET": "key",
                ])
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("slack-comms: delivered"))
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
            #expect(json["schema"] as? String == "failwatch.report/1")
            let providers = try #require(json["providers"] as? [[String: Any]])
            #expect((providers.first?["current"] as? [String: Any])?["outage"] as? Int == 5)
            let requests = receiver.requests
            #expect(requests.map(\.path) == ["/slack/SECRET", "/hook/SECRET"])
            #expect(requests.first?.text.contains("https://reports.example.org/w47.html") == true)
            #expect(requests.first?.text.contains("<script>") == false)
            #expect(requests.last?.json?["schema"] as? String == "failwatch.digest.v1")
            #expect(!(result.stdout + result.stderr).contains("SECRET"))
        }
    }

    @Test func csvWithOutWritesTheDaysAndTheIncidentsBesideInAFolderItCreates() async throws {
        let dir = try setUp()
        let out = dir.appendingPathComponent("reports/week.csv").path
        let result = try await FailwatchBinary.run(
            ["report", "--config", dir.appendingPathComponent("feeds.yml").path, "--week", "2026-W47", "--format", "csv",
             "--out", out, "--provider", "vodafone"], environment: unused)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let days = try String(contentsOfFile: out, encoding: .utf8)
        #expect(days.components(separatedBy: "\r\n").count == 1 + 7 + 1)
        #expect(days.contains("2026-W47,2026-11-17,vodafone,Vodafone,5,5,"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports/week-incidents.csv").path))
    }

    @Test func nowPicksTheDefaultWeekAndTheReportTime() async throws {
        let dir = try setUp()
        let config = dir.appendingPathComponent("feeds.yml").path
        let pinned = try await FailwatchBinary.run(
            ["report", "--config", config, "--format", "md", "--week", "2026-W47", "--now", "2026-11-23T06:00:00Z"],
            environment: unused)
        let lastWeek = try await FailwatchBinary.run(
            ["report", "--config", config, "--format", "md", "--now", "2026-11-23T06:00:00Z"], environment: unused)
        #expect(pinned.exitCode == 0)
        #expect(lastWeek.stdout == pinned.stdout)
        #expect(pinned.stdout.contains("generated Mon 23 Nov 07:00"), "\(pinned.stdout.prefix(400))")
    }

    @Test(arguments: [
        (["--week", "2026-W60"], "report: '2026-W60' is not a week"),
        (["--provider", "nobody"], "report: no provider 'nobody' in the configuration; hint: configured providers are vodafone, telekom"),
    ])
    func badInputIsOneLineAndExitOne(arguments: [String], message: String) async throws {
        let dir = try setUp()
        let result = try await FailwatchBinary.run(
            ["report", "--config", dir.appendingPathComponent("feeds.yml").path, "--format", "md"] + arguments,
            environment: unused)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
