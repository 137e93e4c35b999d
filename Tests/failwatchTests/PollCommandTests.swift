// SPDX-License-Identifier: Apache-2.0
import FailwatchKit
import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// `failwatch poll` as cron runs it: the built binary against files and loopback servers.
@Suite struct PollCommandTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fw-poll-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    static let rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Demo</title><link>https://example.org/</link>
        <item><title>Vodafone Störung in Köln?</title><link>https://example.org/1</link><guid>1</guid>
        <pubDate>Sat, 21 Nov 2026 08:00:00 +0100</pubDate><description>Seit 20 min kein Internet</description></item>
        <item><title>Telekom baut Glasfaser aus</title><link>https://example.org/2</link><guid>2</guid>
        <pubDate>Sat, 21 Nov 2026 07:00:00 +0100</pubDate></item>
        </channel></rss>
        """

    /// Writes a feeds.yml with the given sources (name → URL) into the test folder.
    func config(_ sources: [(String, String)], interval: String = "5m") throws -> String {
        var yaml = """
            version: 1
            store:
              path: store.sqlite
            providers:
              - name: Vodafone
                aliases: [Vodafone Kabel]
              - name: Telekom
            sources:

            """
        for (name, url) in sources {
            yaml += "  - name: \(name)\n    kind: feed\n    url: \(url)\n    interval: \(interval)\n"
        }
        let path = folder.appendingPathComponent("feeds.yml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func feedFile(_ name: String, _ body: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try body.write(to: url, atomically: true, encoding: .utf8)
        return url.absoluteString
    }

    @Test func storesPostsOnceAcrossRuns() async throws {
        let feed = try feedFile("demo.xml", Self.rss)
        let config = try config([("demo", feed)])

        let first = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T09:00:00Z"])
        let unchanged = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T09:05:00Z"])
        let grown = Self.rss.replacingOccurrences(
            of: "</channel>", with: "<item><title>Noch immer kein Netz</title><guid>3</guid></item></channel>")
        try grown.write(to: try #require(URL(string: feed)), atomically: true, encoding: .utf8)
        let third = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T09:10:00Z"])

        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stderr.contains("2 new posts"))
        #expect(unchanged.stderr.contains("1 not modified; 0 new posts"))
        #expect(third.stderr.contains("1 new posts, 2 already known"), "\(third.stderr)")
        let store = try AppDatabase.open(path: folder.appendingPathComponent("store.sqlite").path)
        #expect(try store.postCount() == 3)
        let day = try store.labelCounts(
            since: Date(timeIntervalSince1970: 1_795_219_200), until: Date(timeIntervalSince1970: 1_795_305_600))
        #expect(day["vodafone"]?[.outage] == 1)
        #expect(day["telekom"]?[.outage] == nil)
    }

    @Test func firstRunSaysHowManyOldItemsItSkippedAndBackfillAllKeepsThem() async throws {
        let feed = try feedFile("demo.xml", Self.rss)
        let windowed = try config([("demo", feed)])
        let month = try await FailwatchBinary.run(["poll", "--config", windowed, "--now", "2026-12-21T09:00:00Z"])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("store.sqlite"))
        let yaml = try String(contentsOfFile: windowed, encoding: .utf8) + "    backfill: all\n"
        try yaml.write(toFile: windowed, atomically: true, encoding: .utf8)
        let years = try await FailwatchBinary.run(["poll", "--config", windowed, "--now", "2036-11-21T09:00:00Z"])

        #expect(month.exitCode == 0, "\(month.stderr)")
        #expect(month.stderr.contains("0 new posts, 0 already known, 2 older than the first-run window"), "\(month.stderr)")
        #expect(years.stderr.contains("2 new posts, 0 already known ("), "\(years.stderr)")
    }

    @Test func sourceIsNotAskedBeforeItsInterval() async throws {
        let config = try config([("demo", try feedFile("demo.xml", Self.rss))], interval: "15m")

        _ = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T09:00:00Z"])
        let early = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T09:05:00Z", "--json"])

        #expect(early.exitCode == 0)
        #expect(early.stdout.contains("\"not_due\":[\"demo\"]"))
    }

    @Test func oneBrokenSourceDoesNotStopTheOthers() async throws {
        let good = try feedFile("good.xml", Self.rss)
        let html = try feedFile("page.html", "<!DOCTYPE html><html><body><p>Hello</p></body></html>")
        let config = try config([("good", good), ("missing", folder.appendingPathComponent("nope.xml").absoluteString), ("html", html)])

        let result = try await FailwatchBinary.run(["poll", "--config", config, "--json", "--now", "2026-11-21T09:00:00Z"])
        let strict = try await FailwatchBinary.run(["poll", "--config", config, "--strict", "--quiet", "--now", "2026-11-21T10:00:00Z"])

        #expect(result.exitCode == 0)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 2, "\(result.stderr)")
        #expect(errors.contains { $0.hasPrefix("failwatch: source 'missing'") })
        #expect(errors.contains { $0.hasPrefix("failwatch: source 'html'") && $0.contains("parse") })
        #expect(result.stdout.contains("\"ok\":1"))
        #expect(result.stdout.contains("\"failed\":2"))
        #expect(strict.exitCode == 3)
        #expect(strict.stderr.isEmpty, "the same two failures, told an hour ago: \(strict.stderr)")
    }

    @Test func badConfigurationIsOneLineAndExitOne() async throws {
        let path = folder.appendingPathComponent("feeds.yml").path
        try "version: 1\nsources:\n  - name: x\n    kind: feed\n    url: [unclosed\n".write(
            toFile: path, atomically: true, encoding: .utf8)

        let result = try await FailwatchBinary.run(["poll", "--config", path])

        #expect(result.exitCode == 1)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("feeds.yml:"))
    }

    @Test func secondRunWaitsThenGivesUpWithItsOwnExitCode() async throws {
        let config = try config([("demo", try feedFile("demo.xml", Self.rss))])
        let lock = try RunLock.acquire(path: folder.appendingPathComponent("store.sqlite.lock").path, wait: 0)

        let result = try await FailwatchBinary.run(["poll", "--config", config, "--wait", "0.5"])

        #expect(result.exitCode == 75)
        #expect(result.stderr.contains("another failwatch run holds"))
        withExtendedLifetime(lock) {}
    }

    @Test func unusableStoreIsOneLineAndExitOne() async throws {
        let config = try config([("demo", try feedFile("demo.xml", Self.rss))])
        let notADatabase = folder.appendingPathComponent("junk.sqlite")
        try Data(repeating: 0x42, count: 8192).write(to: notADatabase)

        let junk = try await FailwatchBinary.run(["poll", "--config", config, "--db", notADatabase.path])
        let noFolder = try await FailwatchBinary.run(["poll", "--config", config, "--db", "/nonexistent/dir/x.sqlite"])

        #expect(junk.exitCode == 1)
        #expect(junk.stderr.contains("not a failwatch database"))
        #expect(noFolder.exitCode == 1)
        #expect(noFolder.stderr.hasPrefix("failwatch: "))
    }

    @Test func databaseLockedByAnotherProcessIsAClearError() async throws {
        let config = try config([("demo", try feedFile("demo.xml", Self.rss))])
        let db = folder.appendingPathComponent("store.sqlite").path
        _ = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T09:00:00Z"])
        // Another program holds a write transaction on the store until the poll has given up.
        let locked = folder.appendingPathComponent("locked").path
        let release = folder.appendingPathComponent("release").path
        async let holder = ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            arguments: [
                "python3", "-c",
                "import os,sqlite3,sys,time; c=sqlite3.connect(sys.argv[1]); c.execute('BEGIN EXCLUSIVE');"
                    + " open(sys.argv[2],'w').close(); t=time.time()\n"
                    + "while not os.path.exists(sys.argv[3]) and time.time()-t<300: time.sleep(0.05)",
                db, locked, release,
            ],
            environment: ProcessInfo.processInfo.environment)
        let giveUp = ContinuousClock.now + .seconds(300)
        while !FileManager.default.fileExists(atPath: locked) && ContinuousClock.now < giveUp {
            try await Task.sleep(for: .milliseconds(50))
        }

        let result = try await FailwatchBinary.run(
            ["poll", "--config", config, "--now", "2026-11-21T10:00:00Z", "--wait", "1"])
        #expect(FileManager.default.createFile(atPath: release, contents: nil))
        #expect(try await holder.exitCode == 0)

        #expect(result.exitCode == 1)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("locked"))
    }

    @Test func readOnlyFileSystemIsAClearError() async throws {
        guard FileManager.default.fileExists(atPath: "/sys/kernel") else { return }
        let config = try config([("demo", try feedFile("demo.xml", Self.rss))])

        let result = try await FailwatchBinary.run(["poll", "--config", config, "--db", "/sys/kernel/failwatch.sqlite"])

        #expect(result.exitCode == 1)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("/sys/kernel/failwatch.sqlite"))
    }

    @Test func reclassifyAppliesANewProviderToStoredPosts() async throws {
        let feed = try feedFile("demo.xml", Self.rss)
        let config = try config([("demo", feed)])
        let onlyVodafone = try String(contentsOfFile: config, encoding: .utf8)
            .replacingOccurrences(of: "  - name: Telekom\n", with: "")
        try onlyVodafone.write(toFile: config, atomically: true, encoding: .utf8)
        _ = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T09:00:00Z"])
        let store = try AppDatabase.open(path: folder.appendingPathComponent("store.sqlite").path)
        let day = (Date(timeIntervalSince1970: 1_795_219_200), Date(timeIntervalSince1970: 1_795_305_600))
        #expect(try store.labelCounts(since: day.0, until: day.1)["telekom"] == nil)

        // The user adds Telekom to feeds.yml and judges the stored posts again.
        _ = try self.config([("demo", feed)])
        let result = try await FailwatchBinary.run(["reclassify", "--config", config])

        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("reclassified 2 posts"))
        #expect(try store.labelCounts(since: day.0, until: day.1)["telekom"]?.values.reduce(0, +) == 1)
        #expect(try store.labelCounts(since: day.0, until: day.1)["vodafone"]?[.outage] == 1)
    }

    @Test func configuredModelIsUsedAndAMissingOneIsOneLine() async throws {
        let config = try config([("demo", try feedFile("demo.xml", Self.rss))])
        let yaml = try String(contentsOfFile: config, encoding: .utf8)
        try yaml.replacingOccurrences(of: "version: 1\n", with: "version: 1\nclassifier:\n  model: model.txt\n")
            .write(toFile: config, atomically: true, encoding: .utf8)

        let missing = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T09:00:00Z"])
        let labelled = (0..<20).map { index in
            #"{"text":"Vodafone down again \#(index), no internet","label":"outage"}"# + "\n"
                + #"{"text":"Vodafone support was lovely \#(index)","label":"positive"}"#
        }.joined(separator: "\n")
        let data = folder.appendingPathComponent("labelled.jsonl")
        try labelled.write(to: data, atomically: true, encoding: .utf8)
        let trained = try await FailwatchBinary.run(
            ["train", "--data", data.path, "--out", folder.appendingPathComponent("model.txt").path])
        let withModel = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T09:00:00Z"])

        #expect(missing.exitCode == 1)
        #expect(missing.stderr.split(separator: "\n").count == 1)
        #expect(missing.stderr.contains("model.txt"))
        #expect(trained.exitCode == 0, "\(trained.stderr)")
        #expect(withModel.exitCode == 0, "\(withModel.stderr)")
        #expect(withModel.stderr.contains("2 new posts"))
    }

    @Test func statusShowsSourceHealth() async throws {
        let config = try config([("demo", try feedFile("demo.xml", Self.rss)), ("gone", "file:///nonexistent/feed.xml")])
        _ = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T09:00:00Z"])

        let status = try await FailwatchBinary.run(["status", "--config", config])

        #expect(status.exitCode == 0)
        let lines = status.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("demo ") && $0.contains("2026-11-21T09:00:00Z") })
        #expect(lines.contains { $0.hasPrefix("gone ") && $0.contains("1 ") })
    }
}
