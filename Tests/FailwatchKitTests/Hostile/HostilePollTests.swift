// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchFetch
@testable import FailwatchKit
@testable import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// One run over sources that answer what real APIs sometimes send (a post with every field
/// null, a time of 1e300, a rate-limit reset of 1e300) beside a healthy feed: the run
/// finishes, every valid post is stored, and each hostile answer is one warning line.
@Suite struct HostilePollTests {
    static let now = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z
    static let json = "application/json"

    static let rss = """
        <rss version="2.0"><channel><title>news</title>
        <item><guid>n1</guid><title>Vodafone Störung in Essen</title><pubDate>Sat, 21 Nov 2026 08:40:00 GMT</pubDate></item>
        <item></item>
        </channel></rss>
        """

    static func serve(_ server: LoopbackServer) {
        server.feed("/feed.xml", body: rss)
        server.route(
            "/search.json",
            .text(
                """
                {"data":{"after":null,"children":[
                 {"kind":"t3","data":{"name":"t3_huge","title":"Vodafone seit Stunden weg","created_utc":1e300}},
                 {"kind":"t3","data":{"name":null,"title":null,"selftext":null,"author":null,"created_utc":null,
                  "permalink":null,"subreddit":null}},
                 {"kind":"t3","data":{"name":"t3_ok","title":"Vodafone Störung Köln","created_utc":1795249800}}]}}
                """, contentType: json))
        server.route(
            "/items",
            .text(
                """
                {"items":[{"id":"j1","text":"Vodafone kaputt in Bonn","t":1e19},
                 {"id":"j2","text":"Vodafone Ausfall in Kiel","t":1795249800}]}
                """, contentType: json))
        server.route("/api/v1/timelines/tag/vodafone") { _ in
            LoopbackResponse(
                headers: ["Content-Type": json, "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1e300"],
                body: """
                    [{"id":null,"uri":null,"url":null,"created_at":null,"content":null,"account":null},
                     {"id":"7","created_at":"2026-11-21T08:30:00.000Z","content":"<p>Vodafone down in Hamburg</p>",
                      "uri":"https://m.example/users/a/statuses/7","account":{"id":"1","acct":"a"}},
                     {"id":"8","created_at":"2026-11-21T08:31:00.000Z","content":"<p>\u{2063}</p>",
                      "uri":"https://m.example/users/a/statuses/8","account":{"id":"1","acct":"a"}}]
                    """)
        }
        server.route(
            "/xrpc/app.bsky.feed.searchPosts",
            .text(
                """
                {"posts":[{"uri":null,"author":null,"record":null,"indexedAt":null},
                 {"uri":"at://did:plc:a/app.bsky.feed.post/1","author":{"did":"did:plc:a","handle":"a.example"},
                  "record":{"text":"Vodafone Netz weg in Ulm","createdAt":"2026-11-21T08:30:00Z"}}]}
                """, contentType: json))
        server.route(
            "/status/incidents.json",
            .text(
                """
                {"page":{"id":"p"},"incidents":[
                 {"id":null,"name":null,"status":null,"impact":null,"created_at":null,"incident_updates":null},
                 {"id":"inc1","name":"Störung Kabelnetz","status":"investigating","impact":"major",
                  "created_at":"2026-11-21T08:35:00Z","incident_updates":[]}]}
                """, contentType: json))
    }

    static func config(_ server: LoopbackServer) throws -> FeedsConfig {
        let base = server.url("/").absoluteString
        let yaml = """
            version: 1
            fetch:
              timeout: 60s
            providers:
              - name: Vodafone
            sources:
              - {name: news, url: \(server.url("/feed.xml").absoluteString)}
              - {name: reddit, kind: reddit, url: \(base), query: vodafone, max_pages: 1}
              - name: api
                kind: json
                url: \(server.url("/items").absoluteString)
                items: /items
                fields: {id: /id, text: /text, time: /t}
                time_format: unix
              - {name: masto, kind: mastodon, url: \(base), tag: vodafone, max_pages: 1}
              - {name: sky, kind: bluesky, url: \(base), query: vodafone, max_pages: 1}
              - {name: status, kind: statuspage, url: \(server.url("/status/incidents.json").absoluteString), providers: vodafone}
            """
        return try FeedsConfig.parse(
            yaml: yaml, fileName: "feeds.yml", baseDirectory: FileManager.default.temporaryDirectory, environment: [:])
    }

    @Test func hostileAnswersCostOneWarningEachAndNoValidPost() async throws {
        try await LoopbackServer.with { server in
            Self.serve(server)
            let config = try Self.config(server)
            let store = try AppDatabase.inMemory()
            let run = PollRun(
                config: config, store: store, fetcher: URLSessionFetcher(policy: FetchPolicy(config.fetch)),
                classifier: Classifier(providers: config.providers.map(ProviderTerms.init)), now: Self.now)

            let summary = try await run.run()

            let outcomes = Dictionary(uniqueKeysWithValues: summary.sources.map { ($0.name, $0.outcomeName) })
            #expect(outcomes == ["news": "ok", "reddit": "ok", "api": "ok", "masto": "ok", "sky": "ok", "status": "ok"])
            let texts = try store.read("test") { db in try String.fetchAll(db, sql: "SELECT text FROM post ORDER BY text") }
            #expect(
                texts == [
                    "Vodafone Ausfall in Kiel", "Vodafone Netz weg in Ulm", "Vodafone Störung Köln",
                    "Vodafone Störung in Essen", "Vodafone down in Hamburg", "Vodafone kaputt in Bonn",
                    "Vodafone seit Stunden weg",
                ])
            let problems = Dictionary(uniqueKeysWithValues: summary.sources.map { ($0.name, $0.problem ?? "") })
            #expect(problems["reddit"]?.contains("skipped 1 of 3 posts: [1].data.name: null") == true)
            #expect(problems["reddit"]?.contains("created_utc out of range (t3_huge)") == true)
            #expect(problems["masto"] == "warning: skipped 1 of 3 statuses: [0].id: null")
            #expect(problems["sky"] == "warning: skipped 1 of 2 posts: [0].uri: null")
            #expect(problems["status"] == "warning: incidents.json: skipped 1 of 2 incidents: [0].id: null")
            let statements = try store.read("test") { db in try String.fetchAll(db, sql: "SELECT externalId FROM statement") }
            #expect(statements == ["inc1"])
            // A reset no clock can hold falls back to the source's interval, within a week.
            let retry = try #require(try store.sourceStates()["masto"]?.retryAfter)
            #expect(retry > Self.now && retry <= Self.now.addingTimeInterval(RetryAfter.longest))
        }
    }
}
