// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchFetch
@testable import FailwatchKit
@testable import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// A loopback world where customers complain on X and under the provider's Facebook posts
/// while its X account is silent, then speaks: posts, statements, the daily budget and the
/// official word the alert shows, through whole `PollRun`s.
@Suite struct SocialChannelsTests {
    static let now = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z

    /// X's world: a burst of complaints (newest first by id) and the provider's own timeline.
    final class XWorld: Sendable {
        let burst = 30
        let timeline = Locked<[(id: String, time: Date, text: String)]>([
            (XWorld.snowflake(SocialChannelsTests.now - 3 * 86_400), SocialChannelsTests.now - 3 * 86_400,
             "Frohe Weihnachten wünscht euer LIWEST-Team!")
        ])

        static func snowflake(_ date: Date) -> String {
            String((UInt64(date.timeIntervalSince1970 * 1000) - 1_288_834_974_657) << 22)
        }

        func tweet(_ id: String, _ time: Date, _ text: String, author: String) -> String {
            #"{"id":"\#(id)","text":"\#(text)","author_id":"\#(author)","created_at":"\#(FeedDate.iso8601UTC(time))","lang":"de"}"#
        }

        /// `/2/tweets/search/recent`: complaint i was posted i minutes before 09:00; pages by
        /// `next_token` (the index to continue at), bounded by `since_id`/`until_id`.
        func search(_ request: RecordedRequest) -> LoopbackResponse {
            let query = APIPollRunTests.query(request)
            let size = Int(query["max_results"] ?? "") ?? 10
            let since = UInt64(query["since_id"] ?? "") ?? 0
            let until = UInt64(query["until_id"] ?? "") ?? .max
            let posts = (1...burst).map { i in (i, SocialChannelsTests.now - TimeInterval(i * 60)) }
                .filter { UInt64(XWorld.snowflake($0.1))! > since && UInt64(XWorld.snowflake($0.1))! < until }
            let start = Int(query["next_token"] ?? "") ?? 0
            let page = posts.dropFirst(start).prefix(size)
            let data = page.map { tweet(XWorld.snowflake($0.1), $0.1, "@LIWEST kein Internet in Linz seit \($0.0) Minuten", author: "\($0.0)") }
            let users = page.map { #"{"id":"\#($0.0)","username":"kunde\#($0.0)"}"# }
            let next = start + size < posts.count ? #","next_token":"\#(start + size)""# : ""
            let body = page.isEmpty
                ? #"{"meta":{"result_count":0}}"#
                : #"{"data":[\#(data.joined(separator: ","))],"includes":{"users":[\#(users.joined(separator: ","))]},"meta":{"result_count":\#(page.count)\#(next)}}"#
            return LoopbackResponse(headers: ["Content-Type": "application/json", "x-rate-limit-remaining": "440"], body: body)
        }

        func userTweets(_ request: RecordedRequest) -> LoopbackResponse {
            let since = UInt64(APIPollRunTests.query(request)["since_id"] ?? "") ?? 0
            let posts = timeline.withLock { $0 }.filter { UInt64($0.id)! > since }.reversed()
            let data = posts.map { tweet($0.id, $0.time, $0.text, author: "30541877") }
            let body = posts.isEmpty
                ? #"{"meta":{"result_count":0}}"#
                : #"{"data":[\#(data.joined(separator: ","))],"includes":{"users":[{"id":"30541877","username":"LIWEST"}]},"meta":{"result_count":\#(data.count)}}"#
            return .text(body, contentType: "application/json")
        }
    }

    static func config(_ server: LoopbackServer) throws -> FeedsConfig {
        try FeedsConfig.parse(
            yaml: """
                version: 1
                timezone: Europe/Vienna
                providers:
                  - name: LIWEST
                sources:
                  - name: x-liwest
                    kind: x
                    url: \(server.url("/").absoluteString)
                    query: (@LIWEST OR liwest) -is:retweet
                    token: ${X_BEARER_TOKEN}
                    max_results: 10
                    max_posts_per_day: 25
                    max_pages: 10
                  - name: liwest-on-x
                    kind: x
                    url: \(server.url("/").absoluteString)
                    account: LIWEST
                    account_id: "30541877"
                    token: ${X_BEARER_TOKEN}
                    official: true
                    providers: liwest
                  - name: liwest-facebook
                    kind: facebook
                    url: \(server.url("/v21.0").absoluteString)
                    page_id: liwest
                    token: ${FACEBOOK_PAGE_TOKEN}
                    providers: liwest
                """,
            fileName: "feeds.yml", baseDirectory: FileManager.default.temporaryDirectory,
            environment: ["X_BEARER_TOKEN": "x-secret", "FACEBOOK_PAGE_TOKEN": "fb-secret"])
    }

    static func poll(_ config: FeedsConfig, store: AppDatabase, at now: Date) async throws -> RunSummary {
        try await OfficialSourcesTests.poll(config, store: store, at: now)
    }

    @Test func complaintsOnXAndFacebookThenTheProviderSpeaksOnX() async throws {
        try await LoopbackServer.with { server in
            let world = XWorld()
            server.route("/2/tweets/search/recent") { world.search($0) }
            server.route("/2/users/30541877/tweets") { world.userTweets($0) }
            server.route("/v21.0/liwest/feed", .text(try String(contentsOf: APIFixtures.folder.appendingPathComponent("facebook/feed-page.json"), encoding: .utf8).replacingOccurrences(of: #""next": "https://graph.facebook.com/v21.0/104729384756102/feed?limit=25&after=QVFIUmFfYWZ0ZXI""#, with: #""previous": "x""#), contentType: "application/json"))
            let config = try Self.config(server)
            let store = try AppDatabase.inMemory()
            let check = OfficialCheck(config: config, store: store, fetcher: URLSessionFetcher())

            let first = try await Self.poll(config, store: store, at: Self.now)
            let silent = await check.state(for: "liwest", at: Self.now)

            // 25 posts a day: pages of 10, 10 and the API's minimum of 10, then the budget is spent.
            #expect(first.sources.map(\.outcomeName) == ["ok", "ok", "ok"], "\(first.sources.map(\.problem))")
            #expect(server.requests(to: "/2/tweets/search/recent").count == 3)
            #expect(server.requests(to: "/2/tweets/search/recent").allSatisfy { $0.header("Authorization") == "Bearer x-secret" })
            #expect(server.requests(to: "/v21.0/liwest/feed").first?.header("Authorization") == "Bearer fb-secret")
            #expect(first.sources.first { $0.name == "x-liwest" }?.problem?.contains("daily budget of 25 posts spent") == true)
            // 30 X complaints less the 0 skipped, and the three Facebook posts of customers.
            #expect(first.postsNew == 30 + 3)
            #expect(!"\(first)".contains("x-secret") && !"\(first)".contains("fb-secret"))
            // The Facebook page spoke last: its reply at 08:50:30 under the Christmas post.
            #expect(silent.lastOfficialChannel == "Facebook")
            #expect(silent.lastOfficialPost == FeedDate.parse("2026-11-21T08:50:30Z"))

            // Same day: the budget holds X back; no request is made.
            let rest = try await Self.poll(config, store: store, at: Self.now + 600)
            #expect(server.requests(to: "/2/tweets/search/recent").count == 3)
            #expect(rest.sources.first { $0.name == "x-liwest" } == nil)

            // The provider speaks on X at 09:20.
            let spoke = Self.now + 1_200
            world.timeline.withLock { $0.append((XWorld.snowflake(spoke), spoke, "Störung Internet Raum Linz: wir arbeiten daran. Updates: status.liwest.at")) }
            _ = try await Self.poll(config, store: store, at: Self.now + 1_500)
            let spoken = await check.state(for: "liwest", at: Self.now + 1_500)
            #expect(spoken.lastOfficialChannel == "X")
            #expect(spoken.lastOfficialPost == spoke)
            #expect(spoken.lastOfficialText == "Störung Internet Raum Linz: wir arbeiten daran. Updates: status.liwest.at")
            #expect(try store.firstOfficialWord(providerID: "liwest", after: Self.now + 60) == spoke)
        }
    }

    @Test func theAlertSaysWhenAndWhereTheProviderLastSpoke() {
        let first = Self.now - 23 * 60
        var message = AlertMessage(
            kind: .opened, provider: .init(id: "liwest", name: "LIWEST"), incidentID: "liwest-1", complaints: 12,
            authors: 11, interval: 600, usual: 1, firstComplaint: first, sources: ["x-liwest"], samples: [],
            official: .init(
                lastOfficialPost: Self.now - 3 * 86_400, lastOfficialChannel: "X",
                lastOfficialText: "Frohe Weihnachten wünscht euer LIWEST-Team!"),
            createdAt: Self.now, timeZoneID: "Europe/Vienna")

        #expect(message.officialLine.contains(
            "last official post on X 3 days ago (2026-11-18 10:00 Europe/Vienna): Frohe Weihnachten wünscht euer LIWEST-Team!"
                + " · no official word yet, 23 min after the first complaint"))
        message.official.lastOfficialPost = Self.now - 300
        message.official.lastOfficialText = "Wir wissen von der Störung."
        #expect(message.officialLine.contains("last official post on X 5 min ago (09:55 Europe/Vienna): Wir wissen von der Störung."))
        #expect(!message.officialLine.contains("no official word"))
    }

    /// A post a few minutes before the first complaint is the provider speaking first, not silence
    /// (found by the loopback world: the alert said "no official word yet" under the provider's own
    /// announcement, while the report counted it as the first word).
    @Test func aPostJustBeforeTheFirstComplaintIsTheProviderSpeakingFirst() {
        let first = Self.now - 10 * 60
        let message = AlertMessage(
            kind: .opened, provider: .init(id: "liwest", name: "LIWEST"), incidentID: "liwest-1", complaints: 12,
            authors: 11, interval: 600, usual: 1, firstComplaint: first, sources: ["x-liwest"], samples: [],
            official: .init(lastOfficialPost: first - 5 * 60, lastOfficialChannel: "X", lastOfficialText: "Wartung heute"),
            createdAt: Self.now, timeZoneID: "Europe/Vienna")

        #expect(message.officialLine.hasSuffix("· the provider spoke on X 5 min before the first complaint"))
        #expect(!message.officialLine.contains("no official word"))
    }
}
