// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchTestSupport
import Foundation
import Testing

/// `failwatch poll` every five minutes against a forum feed that shows some posts only 10 to 20
/// minutes after their publication time (a slow forum, a moderation queue), then `backtest --db` on the
/// same store. `poll` counts such a post in the first interval it had not counted yet when the post
/// arrived; the backtest must count it there too, so it lists exactly the messages the chat received.
@Suite struct LatePostPollCommandTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fw-late-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// 2026-11-21T00:00:00Z.
    static let day = Date(timeIntervalSince1970: 1_795_219_200)

    /// One forum post: when it was published and when the forum first shows it.
    struct Item {
        var guid: String
        var author: String
        var title: String
        var published: Date
        var shown: Date
    }

    /// Two quiet days of one complaint an hour (shown at once); from 14:00 fourteen Kabelfix customers
    /// in ten minutes, every third one shown 10 to 20 minutes late; from 14:30 a second wave of eight,
    /// half of them shown late; stragglers shown up to 20 minutes late until 15:00.
    static let items: [Item] = {
        var items: [Item] = []
        for hour in -48..<14 {
            let time = day.addingTimeInterval(Double(hour) * 3_600 + 600)
            items.append(
                Item(
                    guid: "quiet\(hour)", author: "regular\(hour + 48)",
                    title: "Kabelfix Störung? Kein Internet seit einer Stunde", published: time, shown: time))
        }
        items += people(
            "burst", "kunde", count: 14, from: 14 * 3_600, every: 43,
            title: { "Kabelfix down? Kein Internet, Router blinkt rot (\($0))" },
            late: { $0 % 3 == 1 ? 600 + Double($0) * 40 : 0 })
        items += people(
            "wave", "nachbar", count: 8, from: 14 * 3_600 + 1_800, every: 70,
            title: { "Kabelfix wieder weg, Internet tot seit eben (\($0))" },
            late: { $0 % 2 == 0 ? 700 + Double($0) * 60 : 0 })
        items += people(
            "late", "spaet", count: 5, from: 14 * 3_600 + 2_700, every: 180,
            title: { "Kabelfix Störung bei mir auch, kein Netz (\($0))" }, late: { 900 + Double($0) * 60 })
        return items
    }()

    /// `count` people posting `every` seconds from `from` (seconds after midnight), person `n` shown
    /// `late(n)` seconds after publishing.
    static func people(
        _ guid: String, _ author: String, count: Int, from: TimeInterval, every: TimeInterval,
        title: (Int) -> String, late: (Int) -> TimeInterval
    ) -> [Item] {
        (0..<count).map { person in
            let published = day.addingTimeInterval(from + Double(person) * every)
            return Item(
                guid: "\(guid)\(person)", author: "\(author)\(person)", title: title(person), published: published,
                shown: published.addingTimeInterval(late(person)))
        }
    }

    /// The feed as the forum shows it at `now`: the posts shown by then, newest first.
    static func rss(at now: Date) -> (body: String, etag: String) {
        let shown = items.filter { $0.shown <= now }.sorted { $0.published > $1.published }
        let body = shown.map { item in
            "<item><guid>\(item.guid)</guid><title>\(item.title)</title><author>\(item.author)</author>"
                + "<pubDate>\(FeedDate.iso8601UTC(item.published))</pubDate></item>"
        }.joined(separator: "\n")
        return (
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>forum</title>\(body)</channel></rss>",
            "\"v\(shown.count)\""
        )
    }

    func config(feed: URL, hook: URL) throws -> String {
        let yaml = """
            version: 1
            store: {path: store.sqlite}
            providers:
              - name: Kabelfix
            sources:
              - {name: forum, url: "\(feed.absoluteString)", interval: 5m, backfill: all}
            sinks:
              - {name: noc, kind: webhook, url: "\(hook.absoluteString)", secret: s3cret}
            detection: {interval: 5m, quiet: 30m}

            """
        let path = folder.appendingPathComponent("feeds.yml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func backtestCountsALatePostWherePollCountedIt() async throws {
        let (bodies, backtest) = try await LoopbackServer.with { server in
            try await WebhookReceiver.with { receiver in
                let config = try self.config(feed: server.url("/forum.rss"), hook: receiver.url("/hook"))
                for minute in stride(from: -5, through: 150, by: 5) {
                    let time = Self.day.addingTimeInterval(14 * 3_600 + Double(minute) * 60)
                    let feed = Self.rss(at: time)
                    server.feed("/forum.rss", body: feed.body, etag: feed.etag)
                    let now = FeedDate.iso8601UTC(time)
                    let poll = try await FailwatchBinary.run(["poll", "--config", config, "--now", now])
                    #expect(poll.exitCode == 0, "\(now): \(poll.stderr)")
                }
                let backtest = try await FailwatchBinary.run([
                    "backtest", "--db", self.folder.appendingPathComponent("store.sqlite").path, "--config", config,
                    "--since", "2026-11-21", "--json",
                ])
                #expect(backtest.exitCode == 0, "\(backtest.stderr)")
                return (receiver.requests.map(\.body), backtest.stdout)
            }
        }
        let messages = bodies.compactMap { (try? JSONSerialization.jsonObject(with: $0)) as? [String: Any] }
        let sent = messages.map(CommonCausePollCommandTests.gist)
        #expect(messages.first?["event"] as? String == "opened", "\(sent)")
        #expect(messages.contains { $0["event"] as? String == "resolved" }, "\(sent)")
        let document = (try? JSONSerialization.jsonObject(with: Data(backtest.utf8))) as? [String: Any]
        let replayed = try #require(document?["messages"] as? [[String: Any]], "\(backtest)")
        #expect(replayed.map(CommonCausePollCommandTests.gist) == sent)
    }
}
