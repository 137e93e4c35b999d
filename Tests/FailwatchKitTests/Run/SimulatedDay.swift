// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchKit
import FailwatchStore
import FailwatchTestSupport
import Foundation

/// A day of posts about one provider, served by a loopback feed and polled with `--now`
/// stepping through it: two quiet days of history, then the day, optionally with a burst.
struct SimulatedDay {
    struct Item {
        var guid: String
        var author: String
        var text: String
        var published: Date
    }

    /// Midnight (UTC) of the simulated day.
    static let day = Date(timeIntervalSince1970: 1_795_219_200)  // 2026-11-21T00:00:00Z

    /// What one poll did, and how many webhook requests had arrived by its end.
    struct PollResult: Sendable {
        var now: Date
        var summary: RunSummary
        var requests: Int
    }

    var items: [Item] = []

    /// Everyday noise: one outage complaint every 40 minutes, each by someone else, from two days
    /// before `day` to its end, plus a small cluster (4 people in 5 minutes) at 09:00.
    static func ordinary() -> SimulatedDay {
        var simulated = SimulatedDay()
        var time = day.addingTimeInterval(-2 * 86_400 + 600)
        var index = 0
        while time < day.addingTimeInterval(86_400) {
            simulated.items.append(
                Item(
                    guid: "noise-\(index)", author: "user\(index)",
                    text: "Vodafone Störung? Seit 20 min kein Internet hier", published: time))
            time.addTimeInterval(2_400)
            index += 1
        }
        simulated.cluster(at: day.addingTimeInterval(9 * 3_600), people: 4, tag: "0")
        return simulated
    }

    /// An ordinary fortnight after two quiet days: complaints follow the hour of the day (few at
    /// night, most in the evening), weekends are busier, and every day has one or two small clusters
    /// of 3-4 people at a pseudo-random hour; all deterministic. (Six people within a quarter hour
    /// against a usual of 0.3 is what detection is meant to call: the first minutes of an outage.)
    static func ordinaryFortnight() -> SimulatedDay {
        var simulated = SimulatedDay()
        var random = SplitMix64(seed: 47)
        let start = day.addingTimeInterval(-2 * 86_400)
        for hour in 0..<(16 * 24) {
            let hourOfDay = hour % 24
            let weekend = (hour / 24) % 7 >= 5
            let perHour = (hourOfDay < 7 ? 0.3 : hourOfDay >= 18 ? 2.5 : 1.2) * (weekend ? 1.4 : 1)
            var count = Int(perHour)
            if random.unit() < perHour - Double(count) { count += 1 }
            for _ in 0..<count {
                let index = simulated.items.count
                simulated.items.append(
                    Item(
                        guid: "noise-\(index)", author: "user\(index)",
                        text: "Vodafone Störung? Seit 20 min kein Internet hier",
                        published: start.addingTimeInterval(Double(hour) * 3_600 + random.unit() * 3_600)))
            }
        }
        for day in 0..<16 {
            for cluster in 0..<(1 + day % 2) {
                let at = start.addingTimeInterval(Double(day) * 86_400 + (7 + random.unit() * 15) * 3_600)
                simulated.cluster(at: at, people: 3 + Int(random.unit() * 2), tag: "\(day)-\(cluster)")
            }
        }
        return simulated
    }

    /// A few people complaining within a few minutes: the everyday coincidence that must not alert.
    mutating func cluster(at start: Date, people: Int, tag: String) {
        for person in 0..<people {
            items.append(
                Item(
                    guid: "cluster-\(tag)-\(person)", author: "cluster\(tag)-\(person)",
                    text: "Vodafone Störung in Köln? Kein Internet",
                    published: start.addingTimeInterval(Double(person) * 60)))
        }
    }

    /// One angry person posting `count` outage complaints within ten minutes from `start`.
    mutating func spam(at start: Date, count: Int = 40) {
        for post in 0..<count {
            items.append(
                Item(
                    guid: "spam-\(post)", author: "angry",
                    text: "Vodafone Störung!!! Kein Internet, schon wieder, Router blinkt rot (\(post))",
                    published: start.addingTimeInterval(Double(post) * 600 / Double(count))))
        }
    }

    /// Adds a burst from `start`: `first` distinct people in the first ten minutes, then from
    /// minute 15 `more` in twenty minutes (over twice as many per interval: an update), then silence.
    mutating func burst(at start: Date, first: Int = 36, more: Int = 400, about provider: String = "Vodafone") {
        for person in 0..<(first + more) {
            let offset =
                person < first
                ? Double(person) * 600 / Double(first) : 900 + Double(person - first) * 1_200 / Double(more)
            items.append(
                Item(
                    guid: "burst-\(person)", author: "kunde\(person)",
                    text: "\(provider) Störung! Kein Internet und kein Telefon, Router blinkt rot",
                    published: start.addingTimeInterval(offset)))
        }
    }

    /// The RSS document the feed serves at `now`: the items published by then and after `since`
    /// (a feed shows only recent items), newest 400.
    func rss(at now: Date, since: Date = .distantPast) -> String {
        let visible = items.filter { $0.published <= now && $0.published > since }
            .sorted { $0.published > $1.published }.prefix(400)
        let body = visible.map { item in
            "<item><guid>\(item.guid)</guid><title>\(item.text)</title><author>\(item.author)</author>"
                + "<link>https://forum.example.org/\(item.guid)</link>"
                + "<pubDate>\(FeedDate.iso8601UTC(item.published))</pubDate></item>"
        }.joined()
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>forum</title>\(body)</channel></rss>"
    }

    /// Poll times: every 30 minutes, every 5 minutes between `denseFrom` and `denseTo`.
    static func pollTimes(denseFrom: Date, denseTo: Date) -> [Date] {
        var times: [Date] = []
        var time = day.addingTimeInterval(300)
        while time <= day.addingTimeInterval(86_400) {
            times.append(time)
            time.addTimeInterval(time >= denseFrom && time < denseTo ? 300 : 1_800)
        }
        return times
    }

    /// Poll times every `step` from `day` until `end`, for long quiet stretches.
    static func pollTimes(every step: TimeInterval, until end: Date) -> [Date] {
        Array(stride(from: day.addingTimeInterval(step), through: end, by: step).map { $0 })
    }

    /// Watches Vodafone and, when `competitor` is set, that provider too.
    static func config(feed: URL, hook: URL, competitor: String? = nil) throws -> FeedsConfig {
        let yaml = """
            version: 1
            providers:
              - name: Vodafone\(competitor.map { "\n  - name: \($0)" } ?? "")
            sources:
              - name: forum
                url: \(feed.absoluteString)
                interval: 5m
            sinks:
              - name: noc
                kind: slack
                url: \(hook.absoluteString)
            detection:
              sensitivity: balanced
              interval: 5m
              quiet: 30m
            alerts:
              more_link: https://grafana.example.org/d/failwatch
            """
        return try FeedsConfig.parse(
            yaml: yaml, fileName: "feeds.yml", baseDirectory: FileManager.default.temporaryDirectory, environment: [:])
    }

    /// Polls through `times` against a loopback feed and webhook receiver with `replies` scripted.
    ///
    /// - Parameter recoverAt: from this time on the webhook answers 200 again.
    /// - Returns: every poll's result, and every webhook request with the number of requests
    ///   that had arrived before `recoverAt`.
    func run(
        at times: [Date], store: AppDatabase, competitor: String? = nil, downUntil recoverAt: Date? = nil
    ) async throws -> (results: [PollResult], requests: [WebhookReceiver.Request], failed: Int) {
        try await LoopbackServer.with { server in
            try await WebhookReceiver.with { receiver in
                if recoverAt != nil { receiver.script(Array(repeating: .status(503, body: "down"), count: 1_000)) }
                var failed = 0
                let results = try await poll(
                    at: times, server: server, receiver: receiver, store: store, competitor: competitor
                ) { now in
                    guard let recoverAt, now >= recoverAt, failed == 0 else { return }
                    failed = receiver.requests.count
                    receiver.script([])
                }
                return (results, receiver.requests, failed)
            }
        }
    }

    /// Polls at every time in `times`, serving the feed as it was then; `before` runs ahead of each poll.
    func poll(
        at times: [Date], server: LoopbackServer, receiver: WebhookReceiver, store: AppDatabase,
        competitor: String? = nil, before: (Date) -> Void = { _ in }
    ) async throws -> [PollResult] {
        let config = try Self.config(feed: server.url("/feed"), hook: receiver.url("/hook"), competitor: competitor)
        let classifier = Classifier(providers: config.providers.map(ProviderTerms.init))
        var results: [PollResult] = []
        var previous = Date.distantPast
        for now in times {
            before(now)
            let feed = rss(at: now, since: previous.addingTimeInterval(-3_600))
            server.route("/feed", .text(feed, contentType: "application/rss+xml; charset=utf-8"))
            previous = now
            let run = PollRun(
                config: config, store: store, fetcher: URLSessionFetcher(policy: FetchPolicy(config.fetch)),
                classifier: classifier, now: now, sender: WebhookSender(timeout: 60))
            let summary = try await run.run()
            results.append(PollResult(now: now, summary: summary, requests: receiver.requests.count))
        }
        return results
    }
}
