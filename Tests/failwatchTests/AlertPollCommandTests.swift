// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import FailwatchTestSupport
import Foundation
import Testing

/// `failwatch poll` raising alerts, as cron runs it: the built binary, a feed file with two quiet
/// days and a burst, and a webhook that is first down, then a loopback receiver.
@Suite struct AlertPollCommandTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fw-alerts-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// One complaint an hour for two days before 2026-11-21, then 40 people from 14:00 to 14:10.
    static let rss: String = {
        let day = Date(timeIntervalSince1970: 1_795_219_200)
        var items: [(String, String, Date)] = []
        for hour in -48..<14 { items.append(("quiet\(hour)", "regular\(hour + 48)", day.addingTimeInterval(Double(hour) * 3_600 + 1_234))) }
        for person in 0..<40 {
            items.append(("burst\(person)", "kunde\(person)", day.addingTimeInterval(14 * 3_600 + Double(person) * 15)))
        }
        let body = items.map { guid, author, time in
            "<item><guid>\(guid)</guid><title>Vodafone Störung? Kein Internet seit einer Stunde</title>"
                + "<author>\(author)</author><pubDate>\(FeedDate.iso8601UTC(time))</pubDate></item>"
        }.joined(separator: "\n")
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>forum</title>\(body)</channel></rss>"
    }()

    func config(hook: URL) throws -> String {
        let feed = folder.appendingPathComponent("forum.xml")
        try Self.rss.write(to: feed, atomically: true, encoding: .utf8)
        let yaml = """
            version: 1
            store:
              path: store.sqlite
            providers:
              - name: Vodafone
            sources:
              - name: forum
                url: \(feed.absoluteString)
                interval: 5m
            sinks:
              - name: noc
                kind: slack
                url: \(hook.absoluteString)
            detection: {sensitivity: balanced, interval: 5m, quiet: 30m}

            """
        let path = folder.appendingPathComponent("feeds.yml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func downWebhookIsOneLineThenTheAlertArrivesOnce() async throws {
        let refused = try RefusedPort()
        defer { refused.close() }
        let config = try config(hook: refused.url("/hook"))

        let down = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T14:15:00Z", "--json"])
        // 10 s later the alert waits for its retry: no attempt, no problem, but nobody was told.
        let waitingStrict = try await FailwatchBinary.run(
            ["poll", "--config", config, "--now", "2026-11-21T14:15:10Z", "--strict", "--quiet"])
        let strict = try await FailwatchBinary.run(
            ["poll", "--config", config, "--now", "2026-11-21T14:20:00Z", "--strict", "--quiet"])

        #expect(down.exitCode == 0, "\(down.stderr)")
        let lines = down.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(down.stderr)")
        #expect(lines.first?.contains("sink 'noc'") == true && lines.first?.contains("connection refused") == true)
        #expect(!down.stderr.contains("/hook"), "the webhook url is never printed")
        #expect(down.stdout.contains("\"alerts\":{\"failed\":0,\"held\":0,\"pending\":1"), "\(down.stdout)")
        #expect(down.stdout.contains("\"incidents\":{\"opened\":1"), "\(down.stdout)")
        #expect(waitingStrict.exitCode == 3, "\(waitingStrict.stderr)")
        #expect(waitingStrict.stderr.isEmpty, "\(waitingStrict.stderr)")
        #expect(strict.exitCode == 3)
        let waiting = try await FailwatchBinary.run(["status", "--config", config])
        #expect(waiting.stdout.contains("1 alert waiting in the outbox for noc"), "\(waiting.stdout)")
        #expect(waiting.stdout.contains("vodafone  2026-11-21T14:05:00Z  open"), "\(waiting.stdout)")
        // Runs exist: --runs 0 lists none rather than claiming there are none.
        let noRuns = try await FailwatchBinary.run(["status", "--config", config, "--runs", "0"])
        #expect(noRuns.exitCode == 0)
        #expect(!noRuns.stdout.contains("no runs yet") && !noRuns.stdout.contains("Last runs"), "\(noRuns.stdout)")

        try await WebhookReceiver.with { receiver in
            _ = try self.config(hook: receiver.url("/hook"))
            let back = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T15:00:00Z"])
            let again = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T15:30:00Z"])
            let keys = receiver.requests.compactMap { $0.header("Idempotency-Key") }

            #expect(back.exitCode == 0 && again.exitCode == 0)
            #expect(back.stderr.contains("alerts: 2 sent"), "\(back.stderr)")
            #expect(keys.count == 2 && keys.first?.hasSuffix("-0") == true && Set(keys).count == 2, "\(keys)")
            #expect(receiver.requests.first?.text.contains("kunde") == true)
        }

        let backtest = try await FailwatchBinary.run([
            "backtest", "--db", folder.appendingPathComponent("store.sqlite").path, "--since", "2026-11-21",
        ])
        #expect(backtest.exitCode == 0, "\(backtest.stderr)")
        let failwatch = backtest.stdout.split(separator: "\n").filter { $0.hasPrefix("failwatch ") }
        #expect(failwatch.count == 1, "\(backtest.stdout)")
        #expect(failwatch.first?.contains("2026-11-21T14:05:00Z  2026-11-21T14:00:00Z  5m") == true, "\(backtest.stdout)")
        #expect(backtest.stdout.contains("failwatch: 1 incident"))
        #expect(backtest.stdout.contains("huginn: "))
        #expect(backtest.stdout.contains("socialmetrix: "))
    }

    /// Under --quiet a sink that is down is told when it starts failing and when it delivers
    /// again, not on every run in between (cron mails every line).
    @Test func quietPollTellsASinkProblemOnceAndItsRecovery() async throws {
        try await WebhookReceiver.with(replies: [.status(503, body: "busy"), .status(503, body: "busy")]) { receiver in
            let config = try self.config(hook: receiver.url("/hook"))
            let poll = { (now: String) in try await FailwatchBinary.run(["poll", "--config", config, "--now", now, "--quiet"]) }
            let started = try await poll("2026-11-21T14:15:00Z")
            let same = try await poll("2026-11-21T14:20:00Z")
            let status = try await FailwatchBinary.run(["status", "--config", config, "--now", "2026-11-21T14:21:00Z"])
            #expect(status.stdout.contains("Sinks failing\nSINK  FAILS  SINCE                 LAST ERROR\nnoc   2      2026-11-21T14:15:00Z"), "\(status.stdout)")
            let back = try await poll("2026-11-21T14:25:00Z")

            #expect(started.stderr.split(separator: "\n").count == 1, "\(started.stderr)")
            #expect(started.stderr.hasPrefix("failwatch: alert: sink 'noc'") && started.stderr.contains("http 503"), "\(started.stderr)")
            #expect(same.stderr.isEmpty, "the same old failure is no news: \(same.stderr)")
            #expect(
                back.stderr == "failwatch: alert: sink 'noc': delivers again after 2 failed runs (failing since 2026-11-21T14:15:00Z)\n",
                "\(back.stderr)")
            #expect(receiver.requests.count == 3)
        }
    }

    /// A silence set with the command holds the opening; when it ends while the incident is
    /// still open, the next poll sends it.
    @Test func aSilencedIncidentAlertsWhenTheSilenceEndsWhileItIsOpen() async throws {
        try await WebhookReceiver.with { receiver in
            let config = try self.config(hook: receiver.url("/hook"))
            _ = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T13:55:00Z"])
            let silence = try await FailwatchBinary.run([
                "silence", "vodafone", "--for", "25m", "--reason", "planned works", "--by", "ana", "--config", config,
                "--now", "2026-11-21T14:00:00Z",
            ])
            #expect(silence.exitCode == 0, "\(silence.stderr)")
            let dryRun = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T14:15:00Z", "--dry-run"])
            #expect(dryRun.stdout.contains("would hold for 'noc': Vodafone: "), "\(dryRun.stdout)")
            #expect(dryRun.stdout.contains("(silenced by ana until 2026-11-21T14:25:00Z: planned works)"), "\(dryRun.stdout)")
            let held = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T14:15:00Z"])
            #expect(held.stderr.contains("incidents: 1 opened; alerts: 1 held (silence or maintenance)"), "\(held.stderr)")
            #expect(receiver.requests.isEmpty)
            let status = try await FailwatchBinary.run(["status", "--config", config, "--now", "2026-11-21T14:16:00Z"])
            #expect(status.stdout.contains("1 alert held in the outbox for noc until the silence ends"), "\(status.stdout)")

            let ended = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T14:25:00Z"])
            #expect(ended.stderr.contains("alerts: 1 sent"), "\(ended.stderr)")
            #expect(receiver.requests.compactMap { $0.header("Idempotency-Key") }.first?.hasSuffix("-0") == true)
        }
    }
}
