// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchKit
import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// One poll run against real loopback servers: isolation per source, HTTP semantics, backfill.
@Suite struct PollRunTests {
    static let now = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z

    static func rss(_ items: [(guid: String, title: String, date: String)]) -> String {
        let body = items.map {
            "<item><guid>\($0.guid)</guid><title>\($0.title)</title><pubDate>\($0.date)</pubDate></item>"
        }.joined()
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>\(body)</channel></rss>"
    }

    static let recent = rss([
        ("1", "Vodafone Störung, seit 20 min kein Internet", "Sat, 21 Nov 2026 08:40:00 +0000"),
        ("2", "Telekom: alles gut hier", "Sat, 21 Nov 2026 08:30:00 +0000"),
    ])

    func run(
        _ sources: [(name: String, url: URL)], store: AppDatabase, now: Date = PollRunTests.now,
        timeout: String = "60s"
    ) async throws -> RunSummary {
        var yaml = """
            version: 1
            fetch:
              timeout: \(timeout)
              max_body: 1MiB
              max_decompressed: 2MiB
            providers:
              - name: Vodafone
              - name: Telekom
            sources:

            """
        for source in sources {
            yaml += "  - name: \(source.name)\n    url: \(source.url.absoluteString)\n    interval: 5m\n"
        }
        let config = try FeedsConfig.parse(
            yaml: yaml, fileName: "feeds.yml", baseDirectory: FileManager.default.temporaryDirectory,
            environment: [:])
        let run = PollRun(
            config: config, store: store, fetcher: URLSessionFetcher(policy: FetchPolicy(config.fetch)),
            classifier: Classifier(providers: config.providers.map(ProviderTerms.init)), now: now)
        return try await run.run()
    }

    func report(_ summary: RunSummary, _ name: String) -> SourceReport? {
        summary.sources.first { $0.name == name }
    }

    @Test func unchangedFeedIsNotModifiedOnTheNextRun() async throws {
        try await LoopbackServer.with { server in
            server.feed("/feed", body: Self.recent, etag: "\"v1\"")
            let store = try AppDatabase.inMemory()

            let first = try await run([("news", server.url("/feed"))], store: store)
            let second = try await run([("news", server.url("/feed"))], store: store, now: Self.now + 300)

            #expect(first.postsNew == 2)
            #expect(second.sourcesNotModified == 1)
            #expect(server.requests(to: "/feed").last?.header("If-None-Match") == "\"v1\"")
            #expect(try store.postCount() == 2)
        }
    }

    @Test func brokenSourcesDoNotStopTheOthers() async throws {
        try await LoopbackServer.with { server in
            server.feed("/good", body: Self.recent)
            server.route("/error", .text("oops", status: 500))
            server.route("/gone", .text("", status: 410))
            server.route("/html", .text("<!DOCTYPE html><html><body>Login</body></html>", contentType: "text/html"))
            server.route("/bomb", .gzipBomb(expandedBytes: 64 * 1024 * 1024))
            let other = Self.rss([("t1", "Telekom Störung in Wien", "Sat, 21 Nov 2026 08:10:00 +0000")])
            server.route("/truncated", .text(String(other.prefix(150))))
            server.redirectChain(["/loop-a", "/loop-b", "/loop-a"])
            let store = try AppDatabase.inMemory()

            let summary = try await run(
                ["good", "error", "gone", "html", "bomb", "truncated", "loop-a"].map { ($0, server.url("/\($0)")) },
                store: store)

            #expect(report(summary, "good")?.postsNew == 2)
            #expect(report(summary, "error")?.problem == "http 500")
            #expect(report(summary, "gone")?.problem?.contains("410") == true)
            #expect(report(summary, "html")?.problem?.hasPrefix("parse: ") == true)
            #expect(report(summary, "bomb")?.problem?.contains("decompressed body larger than") == true)
            #expect(report(summary, "loop-a")?.problem?.contains("redirect loop") == true)
            // A truncated feed keeps what could be read and says so.
            #expect(report(summary, "truncated")?.outcomeName == "ok")
            #expect(report(summary, "truncated")?.problem?.hasPrefix("warning: ") == true)
            #expect(summary.sourcesFailed == 5)
        }
    }

    @Test func slowSourceTimesOutWithoutHoldingUpTheRun() async throws {
        try await LoopbackServer.with { server in
            // The good source is a file, so only the hanging one depends on the short timeout.
            let good = FileManager.default.temporaryDirectory.appendingPathComponent("fw-good-\(UUID()).xml")
            try Self.recent.write(to: good, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: good) }
            server.route("/hang", .neverAnswering)
            let store = try AppDatabase.inMemory()

            let summary = try await run([("hang", server.url("/hang")), ("good", good)], store: store, timeout: "1s")

            #expect(report(summary, "hang")?.problem?.contains("timed out") == true)
            #expect(report(summary, "good")?.postsNew == 2)
            // Bounded by the 1 s timeout, not the hang; generous for a loaded machine.
            #expect(summary.duration < 45)
        }
    }

    @Test func rateLimitedSourceIsPostponedUntilRetryAfter() async throws {
        try await LoopbackServer.with { server in
            server.route("/limited", sequence: [.retryLater(status: 429, retryAfter: "600"), .text(Self.recent)])
            let store = try AppDatabase.inMemory()

            let limited = try await run([("reddit", server.url("/limited"))], store: store)
            let tooEarly = try await run([("reddit", server.url("/limited"))], store: store, now: Self.now + 300)
            let later = try await run([("reddit", server.url("/limited"))], store: store, now: Self.now + 601)

            #expect(limited.sourcesPostponed == 1)
            #expect(limited.sourcesFailed == 0)
            #expect(tooEarly.notDue == ["reddit"])
            #expect(later.postsNew == 2)
            #expect(server.requests(to: "/limited").count == 2)
        }
    }

    @Test func firstRunBackfillsOnlyTheWindow() async throws {
        try await LoopbackServer.with { server in
            let feed = Self.rss([
                ("new", "Vodafone down?", "Sat, 21 Nov 2026 08:00:00 +0000"),
                ("old", "Vodafone down? (last month)", "Mon, 19 Oct 2026 08:00:00 +0000"),
                ("undated", "Vodafone down, no date", "not a date"),
            ])
            server.feed("/feed", body: feed)
            let store = try AppDatabase.inMemory()

            let summary = try await run([("news", server.url("/feed"))], store: store)

            #expect(summary.postsNew == 2)
        }
    }

    @Test func classifiesPostsPerProvider() async throws {
        try await LoopbackServer.with { server in
            server.feed("/feed", body: Self.recent)
            let store = try AppDatabase.inMemory()

            _ = try await run([("news", server.url("/feed"))], store: store)

            let counts = try store.labelCounts(since: Self.now - 3600, until: Self.now)
            #expect(counts["vodafone"]?[.outage] == 1)
            #expect(counts["telekom"]?[.outage] == nil)
            #expect(counts["telekom"]?.values.reduce(0, +) == 1)
        }
    }
}
