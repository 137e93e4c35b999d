// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchKit
import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// Whole poll runs over Mastodon, Bluesky and Reddit sources served from loopback: each kind
/// polled twice fetches only what is new the second time, and stores nothing twice.
@Suite struct APISourcePollRunTests {
    static let now = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z

    func run(_ sources: String, store: AppDatabase, now: Date = APISourcePollRunTests.now) async throws -> RunSummary {
        let yaml = """
            version: 1
            fetch:
              timeout: 60s
            providers:
              - name: Vodafone
              - name: Telekom
            sources:
            \(sources)
            """
        let config = try FeedsConfig.parse(
            yaml: yaml, fileName: "feeds.yml", baseDirectory: FileManager.default.temporaryDirectory,
            environment: [:])
        let run = PollRun(
            config: config, store: store, fetcher: URLSessionFetcher(policy: FetchPolicy(config.fetch)),
            classifier: Classifier(providers: config.providers.map(ProviderTerms.init)), now: now)
        return try await run.run()
    }

    static func status(_ id: Int, _ text: String, minute: Int) -> String {
        """
        {"id":"\(id)","created_at":"2026-11-21T08:\(minute):00.000Z","language":"de","content":"<p>\(text)</p>",
         "uri":"https://m.example/users/a/statuses/\(id)","url":"https://m.example/@a/\(id)",
         "account":{"id":"1","acct":"a","url":"https://m.example/@a"}}
        """
    }

    @Test func mastodonSecondRunAsksForPostsAfterTheStoredId() async throws {
        try await LoopbackServer.with { server in
            server.route("/api/v1/timelines/tag/telekom") { request in
                if request.query.contains("max_id=") { return .text("[]", contentType: "application/json") }
                if request.query.contains("min_id=2") {
                    return .text("[\(Self.status(3, "Telekom wieder da", minute: 55))]", contentType: "application/json")
                }
                let page = [Self.status(2, "Telekom Störung Köln", minute: 40), Self.status(1, "Telekom down", minute: 30)]
                return .text("[\(page.joined(separator: ","))]", contentType: "application/json")
            }
            let store = try AppDatabase.inMemory()
            let source = """
                  - name: masto
                    kind: mastodon
                    url: \(server.url("/").absoluteString)
                    tag: telekom
                    interval: 5m
                """

            let first = try await run(source, store: store)
            let second = try await run(source, store: store, now: Self.now + 300)

            #expect(first.postsNew == 2)
            #expect(second.postsNew == 1)
            #expect(second.postsDuplicate == 0)
            #expect(try store.postCount() == 3)
            let queries = server.requests.map(\.query)
            // First run: the newest page, then the older one (empty); second run: after the stored id.
            #expect(queries == ["limit=40", "limit=40&max_id=1", "limit=40&min_id=2"])
            #expect(try store.sourceStates()["masto"]?.cursor == "3")
        }
    }

    static func skeet(_ rkey: String, _ text: String, at time: String) -> String {
        """
        {"uri":"at://did:plc:a/app.bsky.feed.post/\(rkey)","author":{"did":"did:plc:a","handle":"a.bsky.social"},
         "record":{"text":"\(text)","createdAt":"\(time)","langs":["de"]},"indexedAt":"\(time)"}
        """
    }

    @Test func blueskySecondRunSearchesSinceTheNewestPost() async throws {
        try await LoopbackServer.with { server in
            server.route("/xrpc/app.bsky.feed.searchPosts") { request in
                let posts: [String]
                if request.query.contains("since=2026-11-21T08%3A50%3A00Z") {
                    posts = [
                        Self.skeet("c", "Vodafone geht wieder", at: "2026-11-21T08:58:00Z"),
                        Self.skeet("a", "Vodafone Störung Berlin", at: "2026-11-21T08:50:00Z"),
                    ]
                } else {
                    posts = [
                        Self.skeet("a", "Vodafone Störung Berlin", at: "2026-11-21T08:50:00Z"),
                        Self.skeet("b", "Vodafone langsam", at: "2026-11-21T08:40:00Z"),
                    ]
                }
                return .text("{\"posts\":[\(posts.joined(separator: ","))]}", contentType: "application/json")
            }
            let store = try AppDatabase.inMemory()
            let source = """
                  - name: bsky
                    kind: bluesky
                    url: \(server.url("/").absoluteString)
                    query: vodafone
                """

            let first = try await run(source, store: store)
            let second = try await run(source, store: store, now: Self.now + 300)

            #expect(first.postsNew == 2)
            #expect(second.postsNew == 1)
            #expect(try store.postCount() == 3)
            #expect(server.requests.first?.query.contains("since=2026-11-07T09%3A00%3A00Z") == true)
            #expect(try store.sourceStates()["bsky"]?.cursor == "2026-11-21T08:58:00Z")
        }
    }

    static func redditPost(_ name: String, _ title: String, created: Int) -> String {
        """
        {"kind":"t3","data":{"name":"\(name)","title":"\(title)","selftext":"","author":"u1",
         "created_utc":\(created),"permalink":"/r/de/comments/\(name)/x/","subreddit":"de"}}
        """
    }

    @Test func redditSecondRunStopsAtTheNewestPostAndHonoursTheRateLimit() async throws {
        try await LoopbackServer.with { server in
            let older = [Self.redditPost("t3_b", "Telekom Störung", created: 1_795_249_000),
                         Self.redditPost("t3_a", "Telekom down", created: 1_795_248_000)]
            let newer = [Self.redditPost("t3_c", "Telekom wieder online", created: 1_795_251_700)] + older
            func listing(_ posts: [String], after: String?) -> String {
                "{\"kind\":\"Listing\",\"data\":{\"after\":\(after.map { "\"\($0)\"" } ?? "null"),\"children\":[\(posts.joined(separator: ","))]}}"
            }
            server.route("/r/de/new.json", sequence: [
                .text(listing(older, after: nil), contentType: "application/json"),
                LoopbackResponse(
                    headers: ["Content-Type": "application/json", "X-Ratelimit-Remaining": "0.0", "X-Ratelimit-Reset": "900"],
                    body: listing(newer, after: "t3_a")),
            ])
            let store = try AppDatabase.inMemory()
            let source = """
                  - name: reddit
                    kind: reddit
                    url: \(server.url("/").absoluteString)
                    subreddit: de
                    user_agent: "linux:failwatch-test:1.0 (by /u/tester)"
                """

            let first = try await run(source, store: store)
            let second = try await run(source, store: store, now: Self.now + 300)
            let third = try await run(source, store: store, now: Self.now + 900)

            #expect(first.postsNew == 2)
            #expect(second.postsNew == 1)
            #expect(second.postsDuplicate == 0)
            #expect(try store.postCount() == 3)
            #expect(server.requests.count == 2)
            #expect(server.requests.allSatisfy { $0.header("User-Agent") == "linux:failwatch-test:1.0 (by /u/tester)" })
            #expect(third.notDue == ["reddit"])
        }
    }

    @Test func refusedBlueskySearchFailsWithTheTokenHintAndOthersGoOn() async throws {
        try await LoopbackServer.with { server in
            server.route("/xrpc/app.bsky.feed.searchPosts", .text("<html>Forbidden</html>", contentType: "text/html", status: 403))
            server.route("/api/v1/timelines/tag/telekom", .text("[\(Self.status(1, "Telekom down", minute: 30))]", contentType: "application/json"))
            let store = try AppDatabase.inMemory()
            let base = server.url("/").absoluteString

            let summary = try await run(
                """
                  - name: bsky
                    kind: bluesky
                    url: \(base)
                    query: telekom
                  - name: masto
                    kind: mastodon
                    url: \(base)
                    tag: telekom
                """, store: store)

            let bsky = summary.sources.first { $0.name == "bsky" }
            #expect(bsky?.outcomeName == "failed")
            #expect(bsky?.problem?.hasPrefix("http 403 forbidden: public search refused by 127.0.0.1; hint: a token is needed") == true)
            #expect(summary.sources.first { $0.name == "masto" }?.postsNew == 1)
        }
    }
}
