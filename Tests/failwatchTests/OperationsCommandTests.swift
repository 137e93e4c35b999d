// SPDX-License-Identifier: Apache-2.0
import FailwatchKit
import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// failwatch on a server for a year: secrets from an env file, a quiet cron job that mails only
/// news, read-only commands that never create a store, replays that cannot stop production,
/// housekeeping and backups. The built binary, as cron and an operator run it.
@Suite struct OperationsCommandTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fw-ops-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    static let feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Ops</title><link>https://example.org/</link>
        <item><title>Vodafone down again?</title><link>https://example.org/a</link><guid>a</guid>
        <pubDate>Sat, 21 Nov 2026 08:00:00 +0000</pubDate><description>No internet since an hour</description></item>
        <item><title>Vodafone opens a shop</title><link>https://example.org/b</link><guid>b</guid>
        <pubDate>Sat, 01 Aug 2026 08:00:00 +0000</pubDate></item>
        </channel></rss>
        """

    /// A feeds.yml watching Vodafone with `sources` (flow-style lines), and `extra` appended.
    func config(
        sources: [String] = [
            #"{name: good, url: "file:good.xml", interval: 5m, backfill: all}"#,
            #"{name: flaky, url: "file:flaky.xml", interval: 5m, backfill: all}"#,
        ],
        extra: String = ""
    ) throws -> String {
        try Self.feed.write(to: folder.appendingPathComponent("good.xml"), atomically: true, encoding: .utf8)
        let yaml =
            "version: 1\nstore: {path: store.sqlite}\nproviders:\n  - name: Vodafone\nsources:\n"
            + sources.map { "  - \($0)\n" }.joined() + extra
        let path = folder.appendingPathComponent("feeds.yml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func poll(_ config: String, at now: String, _ more: [String] = []) async throws -> FailwatchBinary.Result {
        try await FailwatchBinary.run(["poll", "--config", config, "--now", now] + more)
    }

    @Test func quietPollTellsAFailureOnceADayAndItsRecovery() async throws {
        let config = try config()
        let first = try await poll(config, at: "2026-11-21T09:00:00Z", ["--quiet"])
        let same = try await poll(config, at: "2026-11-21T09:05:00Z", ["--quiet"])
        let strict = try await poll(config, at: "2026-11-21T09:10:00Z", ["--quiet", "--strict"])
        let loud = try await poll(config, at: "2026-11-21T09:15:00Z")
        let nextDay = try await poll(config, at: "2026-11-22T09:01:00Z", ["--quiet"])
        let afterReminder = try await poll(config, at: "2026-11-22T09:06:00Z", ["--quiet"])
        try Self.feed.write(to: folder.appendingPathComponent("flaky.xml"), atomically: true, encoding: .utf8)
        let back = try await poll(config, at: "2026-11-22T09:11:00Z", ["--quiet"])
        let calm = try await poll(config, at: "2026-11-22T09:16:00Z", ["--quiet"])
        let status = try await FailwatchBinary.run(["status", "--config", config, "--json"])

        #expect(first.exitCode == 0)
        #expect(first.stderr.contains("source 'flaky'") && first.stderr.contains("file not found"), "\(first.stderr)")
        #expect(same.exitCode == 0)
        #expect(same.stderr.isEmpty, "the same old failure is no news: \(same.stderr)")
        #expect(strict.exitCode == 3, "exit codes do not change with quiet output")
        #expect(strict.stderr.isEmpty, "\(strict.stderr)")
        #expect(loud.stderr.contains("source 'flaky'"), "without --quiet every failure is a line")
        #expect(
            nextDay.stderr.contains("still failing since 2026-11-21T09:00:00Z (5 runs in a row)"), "\(nextDay.stderr)")
        #expect(afterReminder.stderr.isEmpty, "\(afterReminder.stderr)")
        #expect(
            back.stderr.contains("source 'flaky'") && back.stderr.contains("recovered after 6 failed runs"),
            "\(back.stderr)")
        #expect(calm.stderr.isEmpty, "\(calm.stderr)")
        #expect(status.exitCode == 0)
        #expect(status.stdout.contains("\"consecutive_failures\" : 0"))
        #expect(!status.stdout.contains("\"failing_since\""), "a recovered source is failing since nothing")
    }

    @Test func statusShowsSinceWhenASourceFailsAndWhenItWasLastTold() async throws {
        let config = try config()
        _ = try await poll(config, at: "2026-11-21T09:00:00Z", ["--quiet"])
        _ = try await poll(config, at: "2026-11-21T09:05:00Z", ["--quiet"])

        let table = try await FailwatchBinary.run(["status", "--config", config])
        let json = try await FailwatchBinary.run(["status", "--config", config, "--json"])

        #expect(table.exitCode == 0, "\(table.stderr)")
        let line = table.stdout.split(separator: "\n").first { $0.hasPrefix("flaky ") }
        #expect(line?.contains("2 since 2026-11-21T09:00:00Z, told 2026-11-21T09:00:00Z") == true, "\(table.stdout)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stdout)")
        let sources = try #require(object["sources"] as? [[String: Any]])
        let flaky = try #require(sources.first { $0["name"] as? String == "flaky" })
        #expect(flaky["failing_since"] as? String == "2026-11-21T09:00:00Z")
        #expect(flaky["consecutive_failures"] as? Int == 2)
        #expect((object["runs"] as? [Any])?.count == 2)
    }

    @Test func readOnlyCommandsRefuseAMissingStoreInOneLineAndCreateNothing() async throws {
        let config = try config()
        let store = folder.appendingPathComponent("store.sqlite").path

        let status = try await FailwatchBinary.run(["status", "--config", config])
        let report = try await FailwatchBinary.run(["report", "--config", config, "--week", "2026-W47"])
        let backtest = try await FailwatchBinary.run(["backtest", "--db", store + "x", "--since", "2026-11-01"])

        for result in [status, report, backtest] {
            #expect(result.exitCode != 0)
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(result.stderr.contains("no such file"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: store))
        #expect(!FileManager.default.fileExists(atPath: store + "x"))
    }

    @Test func secretsComeFromTheEnvFileAndTheProcessEnvironmentWins() async throws {
        try await WebhookReceiver.with { receiver in try await secretsFromEnvFile(receiver) }
    }

    func secretsFromEnvFile(_ receiver: WebhookReceiver) async throws {
        let config = try config(
            extra: """
                env_file: secrets/failwatch.env
                sinks:
                  - {name: chat, kind: slack, url: "${FW_OPS_TEST_HOOK}"}

                """)
        let secrets = folder.appendingPathComponent("secrets")
        try FileManager.default.createDirectory(at: secrets, withIntermediateDirectories: true)
        let envFile = secrets.appendingPathComponent("failwatch.env")
        try "# for cron\nFW_OPS_TEST_HOOK=\"\(receiver.url("/from-file"))\"\n".write(
            to: envFile, atomically: true, encoding: .utf8)

        let fromFile = try await FailwatchBinary.run(["test-alert", "--config", config, "--timeout", "120"])
        let overridden = try await FailwatchBinary.run(
            ["test-alert", "--config", config, "--timeout", "120"], environment: ["FW_OPS_TEST_HOOK": receiver.url("/from-shell").absoluteString])
        let paths = receiver.requests.map(\.path)

        #expect(fromFile.exitCode == 0, "\(fromFile.stdout) \(fromFile.stderr)")
        #expect(overridden.exitCode == 0, "\(overridden.stdout) \(overridden.stderr)")
        #expect(paths == ["/from-file", "/from-shell"])
        #expect(!(fromFile.stdout + fromFile.stderr).contains("/from-file"), "the secret URL is never printed")
    }

    @Test func commandsThatSendNothingRunWithoutTheSinksSecrets() async throws {
        let config = try config(
            extra: """
                sinks:
                  - {name: chat, kind: slack, url: "${FW_OPS_TEST_UNSET_HOOK}"}

                """)
        // The store is made with the secret, as the service would.
        let made = try await FailwatchBinary.run(
            ["poll", "--config", config, "--now", "2026-11-21T09:00:00Z"],
            environment: ["FW_OPS_TEST_UNSET_HOOK": "http://127.0.0.1:9/hook"])

        let status = try await FailwatchBinary.run(["status", "--config", config])
        let report = try await FailwatchBinary.run(["report", "--config", config, "--week", "2026-W47", "--format", "md"])
        let explain = try await FailwatchBinary.run(["explain", "Vodafone is down", "--config", config])
        let reclassify = try await FailwatchBinary.run(["reclassify", "--config", config])
        let backtest = try await FailwatchBinary.run(
            ["backtest", "--db", folder.appendingPathComponent("store.sqlite").path, "--since", "2026-11-01", "--config", config])
        let check = try await FailwatchBinary.run(["check-config", "--config", config])
        let poll = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T09:10:00Z"])

        #expect(made.exitCode == 0, "\(made.stderr)")
        for result in [status, report, explain, reclassify, backtest, check] {
            #expect(result.exitCode == 0, "\(result.stderr)")
        }
        #expect(check.stderr.contains("warning: FW_OPS_TEST_UNSET_HOOK is not set"), "\(check.stderr)")
        #expect(poll.exitCode == 1, "poll sends, so it needs the secret")
        #expect(poll.stderr.contains("'FW_OPS_TEST_UNSET_HOOK' is not set"))
    }

    @Test func aFarNowIsRefusedOnAStoreInUseUnlessReplay() async throws {
        let config = try config()
        _ = try await poll(config, at: "2026-11-21T09:00:00Z")

        let ahead = try await poll(config, at: "2027-11-21T09:00:00Z")
        let before = try await poll(config, at: "2026-11-01T09:00:00Z")
        let replay = try await poll(config, at: "2027-11-21T09:00:00Z", ["--replay", "--json"])
        let normal = try await poll(config, at: "2026-11-21T09:10:00Z", ["--replay", "--json"])

        #expect(ahead.exitCode == 1)
        #expect(ahead.stderr.contains("365 days after the store's last run"), "\(ahead.stderr)")
        #expect(ahead.stderr.contains("--replay"))
        #expect(before.exitCode == 1)
        #expect(before.stderr.contains("20 days before"), "\(before.stderr)")
        #expect(replay.exitCode == 0, "\(replay.stderr)")
        #expect(normal.exitCode == 0, "\(normal.stderr)")
        #expect(normal.stdout.contains("\"not_due\":[]"), "a run a year ahead holds no source back: \(normal.stdout)")
    }

    @Test func dryRunStoresNothingAndSendsNothing() async throws {
        try await WebhookReceiver.with { receiver in try await dryRun(receiver) }
    }

    func dryRun(_ receiver: WebhookReceiver) async throws {
        let config = try config(
            extra: """
                sinks:
                  - {name: chat, kind: slack, url: "\(receiver.url("/hook"))"}

                """)
        let store = folder.appendingPathComponent("store.sqlite").path
        let fresh = try await poll(config, at: "2026-11-21T09:00:00Z", ["--dry-run"])
        _ = try await poll(config, at: "2026-11-21T09:00:00Z")
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let again = try await poll(config, at: "2026-11-21T09:30:00Z", ["--dry-run"])

        #expect(fresh.exitCode == 0, "\(fresh.stderr)")
        #expect(fresh.stderr.contains("dry run (nothing stored, nothing sent): poll: 2 sources: 1 ok, 1 failed; 2 new posts"))
        #expect(fresh.stdout.contains("would send nothing"))
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
        let runs = try AppDatabase.openReadOnly(path: store).recentRuns(limit: 10)
        #expect(runs.count == 1, "only the real run is logged")
        #expect(receiver.requests.isEmpty)
    }

    @Test func pruneDeletesWhatRetentionNoLongerKeepsAndBackupCopiesTheStore() async throws {
        let config = try config(extra: "retention: {posts: 60d, runs: 2d}\n")
        let store = folder.appendingPathComponent("store.sqlite").path
        let first = try await poll(config, at: "2026-11-21T09:00:00Z", ["--json"])
        _ = try await poll(config, at: "2026-11-21T09:10:00Z")
        _ = try await poll(config, at: "2026-11-22T09:05:00Z")
        let copy = folder.appendingPathComponent("copy.sqlite").path

        let backup = try await FailwatchBinary.run(["backup", copy, "--config", config])
        let twice = try await FailwatchBinary.run(["backup", copy, "--config", config])
        let prune = try await FailwatchBinary.run(["prune", "--config", config, "--now", "2027-02-10T09:00:00Z"])

        #expect(first.stdout.contains("\"pruned\":{\"alerts\":0,\"posts\":0,\"runs\":0}"), "\(first.stdout)")
        #expect(backup.exitCode == 0, "\(backup.stderr)")
        #expect(twice.exitCode == 1)
        #expect(twice.stderr.contains("exists"))
        #expect(prune.exitCode == 0, "\(prune.stderr)")
        #expect(prune.stderr.contains("prune: deleted 1 posts, 3 runs, 0 alerts"), "\(prune.stderr)")
        let pruned = try AppDatabase.openReadOnly(path: store)
        #expect(try pruned.postCount() == 0)
        #expect(try pruned.recentRuns(limit: 10).isEmpty)
        let copied = try AppDatabase.openReadOnly(path: copy)
        #expect(try copied.postCount() == 1, "the August post was never stored: older than retention")
        #expect(try copied.recentRuns(limit: 10).count == 3)
        #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
    }

    @Test func metricsExposeSourcesPostsAndIncidentsForTheTextfileCollector() async throws {
        let config = try config()
        _ = try await poll(config, at: "2026-11-21T09:00:00Z")
        let out = folder.appendingPathComponent("failwatch.prom").path

        let printed = try await FailwatchBinary.run(["metrics", "--config", config, "--now", "2026-11-21T09:00:00Z"])
        let written = try await FailwatchBinary.run(["metrics", "--config", config, "--now", "2026-11-21T09:00:00Z", "--out", out])

        #expect(printed.exitCode == 0, "\(printed.stderr)")
        let lines = printed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("# TYPE failwatch_source_up gauge"))
        #expect(lines.contains(#"failwatch_source_up{source="good"} 1"#))
        #expect(lines.contains(#"failwatch_source_up{source="flaky"} 0"#))
        #expect(lines.contains(#"failwatch_source_consecutive_failures{source="flaky"} 1"#))
        #expect(lines.contains(#"failwatch_provider_posts_24h{provider="vodafone",label="outage"} 1"#), "\(printed.stdout)")
        #expect(lines.contains(#"failwatch_incidents_open{provider="vodafone"} 0"#))
        #expect(lines.contains("failwatch_last_run_timestamp_seconds 1795251600"))
        #expect(lines.allSatisfy { $0.hasPrefix("#") || $0.split(separator: " ").count == 2 }, "one sample a line")
        #expect(written.exitCode == 0, "\(written.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == printed.stdout)
    }

    @Test func dryRunPrintsTheAlertsItWouldSend() async throws {
        // Two quiet days (one outage post an hour), then 40 people in ten minutes from 14:00.
        let day = Date(timeIntervalSince1970: 1_795_219_200)  // 2026-11-21T00:00:00Z
        var items = ""
        func item(_ id: String, _ author: String, at time: Date) {
            items += "<item><title>Vodafone down, no internet (\(id))</title><guid>\(id)</guid>"
                + "<author>\(author)@example.org</author><pubDate>\(time.formatted(.iso8601))</pubDate></item>"
        }
        for hour in 0..<62 { item("q\(hour)", "regular\(hour)", at: day.addingTimeInterval(Double(hour - 48) * 3_600 + 1_234)) }
        for person in 0..<40 { item("b\(person)", "person\(person)", at: day.addingTimeInterval(14 * 3_600 + Double(person) * 15)) }
        try "<rss version=\"2.0\"><channel><title>Forum</title>\(items)</channel></rss>".write(
            to: folder.appendingPathComponent("burst.xml"), atomically: true, encoding: .utf8)
        let config = try config(
            sources: [#"{name: forum, url: "file:burst.xml", backfill: all}"#],
            extra: """
                detection: {interval: 5m, quiet: 30m}
                sinks:
                  - {name: noc, kind: slack, url: "http://127.0.0.1:9/never-called"}

                """)

        let dry = try await poll(config, at: "2026-11-21T14:15:00Z", ["--dry-run"])

        #expect(dry.exitCode == 0, "\(dry.stderr)")
        #expect(dry.stdout.hasPrefix("would send to 'noc': "), "\(dry.stdout)\(dry.stderr)")
        #expect(dry.stdout.contains("Vodafone"))
        #expect(!dry.stderr.contains("alert:"), "nothing was sent, so nothing failed: \(dry.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("store.sqlite").path))
    }
}
