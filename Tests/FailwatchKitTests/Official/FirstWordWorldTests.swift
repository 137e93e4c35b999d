// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchFetch
@testable import FailwatchKit
@testable import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// The issue's end-to-end world: an outage burst on X and under the provider's Facebook posts,
/// its X account silent (last post three days ago), then speaking. Polls every five minutes
/// with `--now` through whole `PollRun`s into a generic webhook: the opening alert says there is
/// no official word yet, the update after the provider spoke says when and where, and the
/// weekly report's time to first word is the same.
@Suite struct FirstWordWorldTests {
    static let start = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z, the first complaint
    static let spoke = start + 20 * 60  // the provider's X post at 09:20

    /// Who complains when: 60 people in the first ten minutes (X and Facebook comments), then 200
    /// more from minute 25 to 40 (the update), a few at a time.
    static let complaints: [(minute: Double, person: Int)] = {
        var people: [(minute: Double, person: Int)] = []
        for person in 0..<60 { people.append((minute: Double(person) * 10.0 / 60.0, person: person)) }
        for index in 0..<200 { people.append((minute: 25.0 + Double(index) * 15.0 / 200.0, person: 1000 + index)) }
        return people
    }()

    final class World: Sendable {
        let now = Locked(FirstWordWorldTests.start)
        let pageID = "104729384756102"

        static func snowflake(_ date: Date) -> String {
            String((UInt64(date.timeIntervalSince1970 * 1000) - 1_288_834_974_657) << 22)
        }

        /// X search: the even people complain on X, newest first, after `since_id`.
        func search(_ request: RecordedRequest) -> LoopbackResponse {
            let query = APIPollRunTests.query(request)
            let since = UInt64(query["since_id"] ?? "") ?? 0
            let current = now.withLock { $0 }
            let posts = FirstWordWorldTests.complaints.filter { $0.person % 2 == 0 }
                .map { (time: FirstWordWorldTests.start + $0.minute * 60, person: $0.person) }
                .filter { $0.time <= current && UInt64(World.snowflake($0.time))! > since }
                .sorted { $0.time > $1.time }.prefix(100)
            let data = posts.map { post in
                #"{"id":"\#(World.snowflake(post.time))","text":"@LIWEST kein Internet in Linz, Router blinkt rot (\#(post.person))","#
                    + #""author_id":"\#(5000 + post.person)","created_at":"\#(FeedDate.iso8601UTC(post.time))","lang":"de"}"#
            }
            let users = posts.map { #"{"id":"\#(5000 + $0.person)","username":"kunde\#($0.person)"}"# }
            let body =
                posts.isEmpty
                ? #"{"meta":{"result_count":0}}"#
                : #"{"data":[\#(data.joined(separator: ","))],"includes":{"users":[\#(users.joined(separator: ","))]},"meta":{"result_count":\#(posts.count)}}"#
            return .text(body, contentType: "application/json")
        }

        /// The provider's X timeline: Christmas greetings three days ago, then its word at 09:20.
        func timeline(_ request: RecordedRequest) -> LoopbackResponse {
            let since = UInt64(APIPollRunTests.query(request)["since_id"] ?? "") ?? 0
            let current = now.withLock { $0 }
            let posts = [
                (
                    FirstWordWorldTests.spoke,
                    "Störung Internet Raum Linz: wir arbeiten daran. Updates: status.liwest.at"
                ),
                (FirstWordWorldTests.start - 3 * 86_400, "Frohe Weihnachten wünscht euer LIWEST-Team!"),
            ].filter { $0.0 <= current && UInt64(World.snowflake($0.0))! > since }
            let data = posts.map {
                #"{"id":"\#(World.snowflake($0.0))","text":"\#($0.1)","author_id":"30541877","created_at":"\#(FeedDate.iso8601UTC($0.0))"}"#
            }
            let body =
                posts.isEmpty
                ? #"{"meta":{"result_count":0}}"#
                : #"{"data":[\#(data.joined(separator: ","))],"includes":{"users":[{"id":"30541877","username":"LIWEST"}]},"meta":{"result_count":\#(data.count)}}"#
            return .text(body, contentType: "application/json")
        }

        /// The Facebook page: a post of five days ago, the odd people commenting under it.
        func feed(_ request: RecordedRequest) -> LoopbackResponse {
            let current = now.withLock { $0 }
            let comments = FirstWordWorldTests.complaints.filter { $0.person % 2 == 1 }
                .map { (time: FirstWordWorldTests.start + $0.minute * 60, person: $0.person) }
                .filter { $0.time <= current }.sorted { $0.time > $1.time }.prefix(100)
                .map { comment in
                    #"{"id":"\#(pageID)_1_\#(comment.person)","message":"Kein Internet in Linz seit heute früh, was ist los? (\#(comment.person))","#
                        + #""created_time":"\#(FeedDate.iso8601UTC(comment.time).replacingOccurrences(of: "Z", with: "+0000"))","#
                        + #""from":{"id":"\#(9000 + comment.person)","name":"Kundin \#(comment.person)"}}"#
                }
            let posted = FeedDate.iso8601UTC(FirstWordWorldTests.start - 5 * 86_400).replacingOccurrences(
                of: "Z", with: "+0000")
            let body =
                #"{"data":[{"id":"\#(pageID)_1","message":"Unser neues Kabelmodem ist da!","created_time":"\#(posted)","#
                + #""from":{"id":"\#(pageID)","name":"LIWEST"},"comments":{"data":[\#(comments.joined(separator: ","))]}}]}"#
            return .text(body, contentType: "application/json")
        }
    }

    static func config(_ server: LoopbackServer, hook: URL, more: String = "", environment: [String: String] = [:])
        throws -> FeedsConfig
    {
        try FeedsConfig.parse(
            yaml: """
                version: 1
                timezone: Europe/Vienna
                providers:
                  - name: LIWEST
                    languages: [de]
                    places: [Linz, Wels]
                    status_url: https://status.liwest.at
                sources:
                  - name: x-liwest
                    kind: x
                    url: \(server.url("/").absoluteString)
                    query: (@LIWEST OR liwest) -is:retweet
                    token: ${X_BEARER_TOKEN}
                    interval: 5m
                  - name: liwest-on-x
                    kind: x
                    url: \(server.url("/").absoluteString)
                    account: LIWEST
                    account_id: "30541877"
                    token: ${X_BEARER_TOKEN}
                    official: true
                    providers: liwest
                    interval: 5m
                  - name: liwest-facebook
                    kind: facebook
                    url: \(server.url("/v21.0").absoluteString)
                    page_id: "104729384756102"
                    token: ${FACEBOOK_PAGE_TOKEN}
                    providers: liwest
                    interval: 5m
                \(more)
                sinks:
                  - name: program
                    kind: webhook
                    url: \(hook.absoluteString)
                    secret: ${HOOK_SECRET}
                detection:
                  interval: 5m
                  quiet: 30m
                """,
            fileName: "feeds.yml", baseDirectory: FileManager.default.temporaryDirectory,
            environment: [
                "X_BEARER_TOKEN": "x-secret", "FACEBOOK_PAGE_TOKEN": "fb-secret", "HOOK_SECRET": "hook-secret",
            ]
            .merging(environment) { _, given in given })
    }

    /// Polls the world every five minutes from `from` through `through` (minutes after the first complaint).
    static func poll(
        _ world: World, config: FeedsConfig, store: AppDatabase, minutes: StrideThrough<Int>
    ) async throws {
        let classifier = Classifier(providers: config.providers.map(ProviderTerms.init))
        for minute in minutes {
            let now = Self.start + Double(minute) * 60 + 30
            world.now.withLock { $0 = now }
            let run = PollRun(
                config: config, store: store, fetcher: Fetcher(policy: FetchPolicy(config.fetch)),
                classifier: classifier, now: now, sender: WebhookSender(timeout: 60))
            let summary = try await run.run()
            #expect(summary.sources.allSatisfy { $0.problem == nil }, "\(summary.sources.map(\.problem))")
        }
    }

    /// The provider's own Mastodon account, where `failwatch announce` posts: what it was sent, and
    /// its timeline serving the posted status back (the same URI the announcement stored).
    final class Mastodon: Sendable {
        let posted = Locked<[(text: String, language: String?, time: Date)]>([])

        func post(_ request: RecordedRequest, now: Date) -> LoopbackResponse {
            let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any] ?? [:]
            let text = body["status"] as? String ?? ""
            posted.withLock { $0.append((text, body["language"] as? String, now)) }
            return .text(status(text, index: posted.withLock { $0.count }, time: now), contentType: "application/json")
        }

        func status(_ text: String, index: Int, time: Date) -> String {
            let escaped = String(
                decoding: (try? JSONSerialization.data(withJSONObject: [text])) ?? Data(), as: UTF8.self
            ).dropFirst().dropLast()
            return #"{"id":"11100\#(index)","uri":"https://social.example/users/liwest/statuses/11100\#(index)","#
                + #""url":"https://social.example/@liwest/11100\#(index)","created_at":"\#(FeedDate.iso8601UTC(time))","#
                + #""content":\#(escaped),"language":"de","account":{"id":"1","acct":"liwest","username":"liwest"}}"#
        }

        func timeline() -> LoopbackResponse {
            let statuses = posted.withLock { $0 }.enumerated().reversed().map {
                status($1.text, index: $0 + 1, time: $1.time)
            }
            return .text("[" + statuses.joined(separator: ",") + "]", contentType: "application/json")
        }
    }

    @Test func announcingThroughMastodonIsTheProvidersFirstWordInTheNextUpdateAndTheReport() async throws {
        try await WebhookReceiver.with { receiver in
            try await LoopbackServer.with { server in
                let world = World()
                let mastodon = Mastodon()
                server.route("/2/tweets/search/recent") { world.search($0) }
                server.route("/2/users/30541877/tweets") { _ in
                    .text(#"{"meta":{"result_count":0}}"#, contentType: "application/json")
                }
                server.route("/v21.0/104729384756102/feed") { world.feed($0) }
                server.route("/api/v1/statuses") { mastodon.post($0, now: world.now.withLock { $0 }) }
                server.route("/api/v1/accounts/1/statuses") { _ in mastodon.timeline() }
                let more = """
                      - name: liwest-mastodon
                        kind: mastodon
                        url: \(server.url("/").absoluteString)
                        account: liwest
                        account_id: "1"
                        official: true
                        providers: liwest
                        interval: 5m
                        announce:
                          token: ${LIWEST_MASTODON_TOKEN}
                    """
                let config = try Self.config(
                    server, hook: receiver.url(), more: more, environment: ["LIWEST_MASTODON_TOKEN": "md-secret"])
                let store = try AppDatabase.inMemory()
                try await Self.poll(world, config: config, store: store, minutes: stride(from: -10, through: 10, by: 5))
                let incident = try #require(try store.incidents(provider: "liwest").first)

                // The provider posts the suggested statement at 09:12.
                let at = Self.start + 12 * 60
                world.now.withLock { $0 = at }
                let statement = try await IncidentAnnouncement(config: config, store: store, now: at)
                    .announce(incidentID: incident.id, via: "liwest-mastodon", text: nil, language: nil)
                let request = try #require(server.requests(to: "/api/v1/statuses").first)
                #expect(request.header("Authorization") == "Bearer md-secret")
                #expect(request.header("Idempotency-Key") == "failwatch-announce-\(incident.id)")
                let posted = try #require(mastodon.posted.withLock { $0 }.first)
                #expect(posted.text.hasPrefix("Wir wissen von einer Störung bei Internet in Linz"), "\(posted.text)")
                #expect(posted.language == "de")
                #expect(statement.externalID == "https://social.example/users/liwest/statuses/111001")
                #expect(statement.createdAt == at)
                let state = await OfficialCheck(config: config, store: store, fetcher: Fetcher()).state(
                    for: "liwest", at: at)
                #expect(state.lastOfficialChannel == "Mastodon")

                // The polls after it read the same status from the timeline: still one word, and the update says so.
                try await Self.poll(world, config: config, store: store, minutes: stride(from: 15, through: 45, by: 5))
                #expect(
                    try store.statements(providerID: "liwest", from: at - 60, to: at + 3_600).filter {
                        $0.kind == .post
                    }.count == 1)
                let update = try #require(
                    receiver.requests.compactMap(\.json).first {
                        $0["event"] as? String == "updated"
                            && (FeedDate.parse($0["created_at"] as? String ?? "") ?? .distantPast) > at
                    })
                let lastWord = try #require((update["official"] as? [String: Any])?["last_word"] as? String)
                #expect(
                    lastWord.contains("the provider spoke on Mastodon 12 min after the first complaint"), "\(lastWord)")
                let week = try ReportWeek.parse("2026-W47", now: at, timeZone: config.timezone)
                let report = WeeklyReport.build(
                    week: week, providers: config.providers.map(ProviderTerms.init),
                    aggregates: try store.reportAggregates(
                        week: week, providers: config.providers.map(ProviderTerms.init)),
                    channels: Dictionary(uniqueKeysWithValues: config.sources.map { ($0.name, $0.kind.channelName) }),
                    generatedAt: at + 3_600)
                #expect(report.incidents.first?.timeToOfficialWord.map { Int($0.rounded()) } == 12 * 60)
                #expect(report.incidents.first?.officialWord?.channel == "Mastodon")
            }
        }
    }

    @Test func alertSaysNoOfficialWordThenWhenAndWhereAndTheReportAgrees() async throws {
        try await WebhookReceiver.with { receiver in
            try await LoopbackServer.with { server in
                let world = World()
                server.route("/2/tweets/search/recent") { world.search($0) }
                server.route("/2/users/30541877/tweets") { world.timeline($0) }
                server.route("/v21.0/104729384756102/feed") { world.feed($0) }
                let config = try Self.config(server, hook: receiver.url())
                let store = try AppDatabase.inMemory()
                try await Self.poll(world, config: config, store: store, minutes: stride(from: -10, through: 60, by: 5))

                let messages = receiver.requests.compactMap(\.json)
                let opening = try #require(messages.first { $0["event"] as? String == "opened" })
                let official = try #require(opening["official"] as? [String: Any])
                let lastWord = try #require(official["last_word"] as? String)
                #expect(official["last_official_channel"] as? String == "X")
                #expect(lastWord.contains("last official post on X 3 days ago"), "\(lastWord)")
                #expect(lastWord.contains("Frohe Weihnachten"))
                #expect(lastWord.contains("no official word yet"), "\(lastWord)")
                let holding = try #require((opening["holding_statements"] as? [[String: Any]])?.first)
                #expect(holding["language"] as? String == "de")
                #expect(
                    (holding["text"] as? String)?.hasPrefix("Wir wissen von einer Störung bei Internet in Linz") == true
                )
                #expect((holding["text"] as? String)?.hasSuffix("Aktuelle Infos: https://status.liwest.at") == true)

                let opened = try #require(FeedDate.parse(opening["created_at"] as? String ?? ""))
                #expect(opened < Self.spoke, "the opening goes out before the provider speaks")
                let update = try #require(
                    messages.first {
                        $0["event"] as? String == "updated"
                            && FeedDate.parse($0["created_at"] as? String ?? "")! > Self.spoke
                    })
                let spoken = try #require((update["official"] as? [String: Any])?["last_word"] as? String)
                #expect(official["last_official_post"] as? String == "2026-11-18T09:00:00Z")
                #expect(spoken.contains("last official post on X"), "\(spoken)")
                #expect(spoken.contains("(10:20 Europe/Vienna): Störung Internet Raum Linz"), "\(spoken)")
                #expect(spoken.contains("the provider spoke on X 20 min after the first complaint"), "\(spoken)")
                #expect(!spoken.contains("no official word"))

                // The weekly report: time to the first word, on X.
                let incident = try #require(try store.incidents(provider: "liwest").first)
                #expect(incident.firstComplaintAt == Self.start)
                let week = try ReportWeek.parse("2026-W47", now: Self.start + 3_600, timeZone: config.timezone)
                let aggregates = try store.reportAggregates(
                    week: week, providers: config.providers.map(ProviderTerms.init))
                let report = WeeklyReport.build(
                    week: week, providers: config.providers.map(ProviderTerms.init), aggregates: aggregates,
                    channels: Dictionary(uniqueKeysWithValues: config.sources.map { ($0.name, $0.kind.channelName) }),
                    generatedAt: Self.start + 3_600)
                let summary = try #require(report.incidents.first)
                #expect(
                    summary.timeToOfficialWord.map { Int($0.rounded()) } == 20 * 60,
                    "\(String(describing: summary.timeToOfficialWord)) \(summary.start.timeIntervalSince1970)")
                #expect(summary.officialWord?.channel == "X")
                #expect(
                    ReportMarkdown.render(report).contains("20 min (official post on X: Störung Internet Raum Linz"))
            }
        }
    }
}
