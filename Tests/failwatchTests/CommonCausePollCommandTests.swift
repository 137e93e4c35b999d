// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchTestSupport
import Foundation
import Testing

/// `failwatch poll` every five minutes while one app outage makes two of three watched ISPs spike
/// ten minutes apart, as cron runs it: a loopback forum feed, a loopback webhook, `--now` on
/// every run. With `alerts: common_cause: combined` the chat gets one thread for the event; with
/// `each` (the default) every provider's own alert says the cause.
@Suite struct CommonCausePollCommandTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fw-cause-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    static let day = AppOutageScenario.day

    /// The scenario's posts as one forum feed.
    static let rss: String = {
        let body = AppOutageScenario.items.map { item in
            "<item><guid>\(item.guid)</guid><title>\(item.text)</title><author>\(item.author)</author>"
                + "<pubDate>\(FeedDate.iso8601UTC(item.published))</pubDate></item>"
        }.joined(separator: "\n")
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>forum</title>\(body)</channel></rss>"
    }()

    /// `kabelfixInterval`: Kabelfix's own detection interval, when not the top level's 5 minutes.
    func config(feed: URL, hook: URL, commonCause: String?, kabelfixInterval: String? = nil) throws -> String {
        let alerts = commonCause.map { "alerts: {common_cause: \($0)}\n" } ?? ""
        let kabelfix = kabelfixInterval.map { "\n    detection: {interval: \($0)}" } ?? ""
        let yaml = """
            version: 1
            store: {path: store.sqlite}
            providers:
              - name: Kabelfix\(kabelfix)
              - name: Talnetz
              - name: Quietnet
            sources:
              - {name: forum, url: "\(feed.absoluteString)", interval: 5m, backfill: all}
            sinks:
              - {name: noc, kind: webhook, url: "\(hook.absoluteString)", secret: s3cret}
            detection: {interval: 5m, quiet: 30m}
            \(alerts)
            """
        let path = folder.appendingPathComponent("feeds.yml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// What one poll-through gave: the webhook's messages in order, `status --json`, and `backtest --db
    /// --json` on the same store afterwards.
    struct Outage {
        var messages: [[String: Any]]
        var status: String
        var backtest: [String: Any]
    }

    /// Polls every five minutes from 13:55 to 16:30 and returns what the webhook received, in order.
    func pollThroughTheOutage(commonCause: String?, kabelfixInterval: String? = nil) async throws -> Outage {
        let (bodies, status, backtest) = try await LoopbackServer.with { server in
            server.feed("/forum.rss", body: Self.rss, etag: "\"v1\"")
            return try await WebhookReceiver.with { receiver in
                let config = try self.config(
                    feed: server.url("/forum.rss"), hook: receiver.url("/hook"), commonCause: commonCause,
                    kabelfixInterval: kabelfixInterval)
                for minute in stride(from: -5, through: 150, by: 5) {
                    let now = FeedDate.iso8601UTC(Self.day.addingTimeInterval(14 * 3_600 + Double(minute) * 60))
                    let poll = try await FailwatchBinary.run(["poll", "--config", config, "--now", now])
                    #expect(poll.exitCode == 0, "\(now): \(poll.stderr)")
                }
                let status = try await FailwatchBinary.run(["status", "--config", config, "--json"])
                let backtest = try await FailwatchBinary.run([
                    "backtest", "--db", self.folder.appendingPathComponent("store.sqlite").path, "--config", config,
                    "--since", "2026-11-21", "--json",
                ])
                #expect(backtest.exitCode == 0, "\(backtest.stderr)")
                return (receiver.requests.map(\.body), status.stdout, backtest.stdout)
            }
        }
        return Outage(
            messages: bodies.compactMap { (try? JSONSerialization.jsonObject(with: $0)) as? [String: Any] },
            status: status,
            backtest: (try? JSONSerialization.jsonObject(with: Data(backtest.utf8))) as? [String: Any] ?? [:])
    }

    /// A message as both the webhook and backtest's replay show it: what a reader of the chat sees.
    static func gist(_ message: [String: Any]) -> String {
        let joined = (message["joined"] as? [[String: Any]])?.compactMap(provider) ?? []
        let complaints = message["complaints"] as? [String: Any]
        return [
            "\(message["created_at"] ?? "?")", "\(message["event"] ?? "?")", provider(message) ?? "?",
            "\(message["incident_id"] ?? "?")#\(message["update_number"] ?? "?")", "\(message["headline"] ?? "")",
            "first \(complaints?["first_at"] ?? "?")", "cause \(message["common_cause"] ?? "none")",
            "joined \(joined)",
        ].joined(separator: " | ")
    }

    /// `backtest --db` on the polled store lists the same messages the webhook received (time, kind,
    /// thread and number, headline with its counts, cause, providers joining) and the same incidents.
    static func expectBacktestReplaysPoll(_ outage: Outage) throws {
        let replayed = try #require(outage.backtest["messages"] as? [[String: Any]], "\(outage.backtest)")
        #expect(replayed.map(gist) == outage.messages.map(gist))
        let incidents = (outage.backtest["incidents"] as? [[String: Any]] ?? []).filter {
            $0["detector"] as? String == "failwatch"
        }
        let stored =
            (try JSONSerialization.jsonObject(with: Data(outage.status.utf8)) as? [String: Any])?["incidents"]
            as? [[String: Any]] ?? []
        let row = { (incident: [String: Any], id: String) in
            "\(incident[id] as? String ?? "?") in \(incident["in_alert_of"] as? String ?? "own")"
        }
        #expect(
            incidents.map { row($0, "incident_id") }.sorted() == stored.map { row($0, "id") }.sorted(),
            "\(outage.status)")
    }

    static func events(_ messages: [[String: Any]], _ event: String) -> [[String: Any]] {
        messages.filter { $0["event"] as? String == event }
    }

    static func provider(_ message: [String: Any]) -> String? {
        (message["provider"] as? [String: Any])?["id"] as? String
    }

    @Test func combinedIsOneThreadTheJoiningProviderIsAnUpdateInIt() async throws {
        let outage = try await pollThroughTheOutage(commonCause: "combined")
        let (messages, status) = (outage.messages, outage.status)
        let summary = messages.map { "\($0["event"] ?? "?") \(Self.provider($0) ?? "?"): \($0["headline"] ?? "")" }

        let openings = Self.events(messages, "opened")
        #expect(openings.count == 1, "\(summary)")
        #expect(openings.map(Self.provider) == ["kabelfix"], "\(summary)")
        // Every message of the event is in the Kabelfix incident's thread.
        let thread = try #require(openings.first?["incident_id"] as? String)
        #expect(messages.allSatisfy { $0["incident_id"] as? String == thread }, "\(summary)")
        #expect(!messages.contains { Self.provider($0) == "talnetz" }, "\(summary)")
        // Talnetz joining is said once, with its people.
        let joins = messages.filter { $0["joined"] != nil }
        #expect(joins.count == 1, "\(summary)")
        let join = try #require(joins.first)
        #expect(join["event"] as? String == "updated", "\(summary)")
        #expect(
            (join["headline"] as? String)?.hasPrefix("Kabelfix, update 1: Talnetz joins this event — ") == true,
            "\(summary)")
        let joined = try #require((join["joined"] as? [[String: Any]])?.first)
        #expect(Self.provider(joined) == "talnetz")
        let people = try #require((joined["complaints"] as? [String: Any])?["authors"] as? Int)
        #expect((5...12).contains(people), "\(joined)")
        #expect((join["common_cause"] as? String)?.hasPrefix("WhatsApp named in") == true, "\(join)")
        #expect((join["common_cause"] as? String)?.hasSuffix("; Talnetz spikes too") == true, "\(join)")
        // Update numbers follow each other: the tracker's own updates come after the join.
        let numbers = messages.compactMap { $0["update_number"] as? Int }
        #expect(numbers == Array(0..<numbers.count), "\(summary)")
        #expect(Self.events(messages, "resolved").count == 1, "\(summary)")

        // The joined incident is in the store, as part of the event, not lost and not posted.
        let incidents = try #require(
            (try JSONSerialization.jsonObject(with: Data(status.utf8)) as? [String: Any])?["incidents"]
                as? [[String: Any]])
        #expect(incidents.compactMap { $0["provider"] as? String }.sorted() == ["kabelfix", "talnetz"], "\(status)")
        let talnetz = try #require(incidents.first { $0["provider"] as? String == "talnetz" })
        #expect(talnetz["in_alert_of"] as? String == thread, "\(status)")
        #expect(talnetz["announced"] as? Bool == false)
        #expect(incidents.first { $0["provider"] as? String == "kabelfix" }?["in_alert_of"] == nil, "\(status)")
        try Self.expectBacktestReplaysPoll(outage)
    }

    /// Kabelfix counts ten-minute intervals: at 14:15 it has nothing new to count while Talnetz, on
    /// five minutes, alarms. Before, Talnetz got an opening of its own there (its alert said "Kabelfix
    /// spikes too"); now it joins Kabelfix's thread as an update, and backtest replays the same.
    @Test func combinedJoinsALeadThatHadNothingNewToCountInThatRun() async throws {
        let outage = try await pollThroughTheOutage(commonCause: "combined", kabelfixInterval: "10m")
        let messages = outage.messages
        let summary = messages.map(Self.gist)

        #expect(Self.events(messages, "opened").compactMap(Self.provider) == ["kabelfix"], "\(summary)")
        #expect(!messages.contains { Self.provider($0) == "talnetz" }, "\(summary)")
        let join = try #require(messages.first { $0["joined"] != nil }, "\(summary)")
        #expect(
            (join["headline"] as? String)?.hasPrefix("Kabelfix, update 1: Talnetz joins this event — ") == true,
            "\(summary)")
        let numbers = messages.compactMap { $0["update_number"] as? Int }
        #expect(numbers == Array(0..<numbers.count), "\(summary)")
        try Self.expectBacktestReplaysPoll(outage)
    }

    @Test func eachIsOneOpeningPerProviderEachSayingTheCause() async throws {
        let outage = try await pollThroughTheOutage(commonCause: nil)
        let (messages, status) = (outage.messages, outage.status)
        let summary = messages.map { "\($0["event"] ?? "?") \(Self.provider($0) ?? "?"): \($0["headline"] ?? "")" }

        let openings = Self.events(messages, "opened")
        #expect(openings.compactMap(Self.provider).sorted() == ["kabelfix", "talnetz"], "\(summary)")
        #expect(!messages.contains { $0["joined"] != nil }, "\(summary)")
        let talnetz = try #require(openings.first { Self.provider($0) == "talnetz" })
        let cause = talnetz["common_cause"] as? String
        #expect(
            cause?.hasPrefix("WhatsApp named in") == true && cause?.hasSuffix("; Kabelfix spikes too") == true,
            "\(talnetz)")
        #expect(
            Self.events(messages, "resolved").compactMap(Self.provider).sorted() == ["kabelfix", "talnetz"],
            "\(summary)")
        #expect(!status.contains("in_alert_of"), "\(status)")
        try Self.expectBacktestReplaysPoll(outage)
    }
}
