// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchFetch
@testable import FailwatchKit
@testable import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// Each API kind polled twice through a whole `PollRun` against a loopback server that
/// behaves like the real API: the second run fetches only what is new, nothing is stored twice.
@Suite struct APIPollRunTests {
    static let now = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z

    /// The posts the fake network holds: an id and a Unix time, newest added last.
    final class Network: Sendable {
        let posts = Locked<[(id: Int, time: Int)]>((1...5).map { ($0, 1_795_251_600 - 3_600 + $0 * 60) })

        func add(_ count: Int) {
            posts.withLock { posts in
                let top = posts.map(\.id).max() ?? 0
                for offset in 1...count { posts.append((top + offset, 1_795_251_600 + offset * 60)) }
            }
        }

        /// Newest first, newer than `since`, one page of `size` from `page` (0-based); and the page count.
        func page(since: Int, page: Int, size: Int) -> (posts: [(id: Int, time: Int)], pages: Int) {
            let all = posts.withLock { $0 }.filter { $0.time > since }.sorted { $0.time > $1.time }
            let slice = all.dropFirst(page * size).prefix(size)
            return (Array(slice), (all.count + size - 1) / size)
        }
    }

    static func query(_ request: RecordedRequest) -> [String: String] {
        APIFixture.query(URL(string: "http://x/?" + request.query)!)
    }

    static func iso(_ time: Int) -> String { FeedDate.iso8601UTC(Date(timeIntervalSince1970: TimeInterval(time))) }

    static func serveHackerNews(_ server: LoopbackServer, _ network: Network) {
        server.route("/api/v1/search_by_date") { request in
            let query = Self.query(request)
            let since = Int(query["numericFilters"]?.split(separator: ">").last ?? "") ?? 0
            let page = Int(query["page"] ?? "") ?? 0
            let found = network.page(since: since, page: page, size: Int(query["hitsPerPage"] ?? "") ?? 20)
            let hits = found.posts.map {
                #"{"objectID":"\#($0.id)","author":"u\#($0.id)","title":"Vodafone down \#($0.id)","created_at_i":\#($0.time),"points":1}"#
            }
            return .text(
                #"{"hits":[\#(hits.joined(separator: ","))],"page":\#(page),"nbPages":\#(found.pages)}"#,
                contentType: "application/json")
        }
    }

    static func serveLemmy(_ server: LoopbackServer, _ network: Network) {
        server.route("/api/v3/search") { request in Self.lemmyResponse(network, request) }
    }

    static func lemmyResponse(_ network: Network, _ request: RecordedRequest) -> LoopbackResponse {
        let query = Self.query(request)
        let page = (Int(query["page"] ?? "") ?? 1) - 1
        let found = network.page(since: 0, page: page, size: Int(query["limit"] ?? "") ?? 10)
        let posts = found.posts.map {
            #"{"post":{"name":"Telekom Störung \#($0.id)","ap_id":"https://feddit.org/post/\#($0.id)","published":"\#(Self.iso($0.time))"},"creator":{"name":"u\#($0.id)","actor_id":"https://feddit.org/u/u\#($0.id)"}}"#
        }
        return .text(#"{"posts":[\#(posts.joined(separator: ","))],"comments":[]}"#, contentType: "application/json")
    }

    static func serveJSON(_ server: LoopbackServer, _ network: Network) {
        server.route("/posts") { request in
            let query = Self.query(request)
            let page = (Int(query["page"] ?? "") ?? 1) - 1
            let found = network.page(since: Int(query["since"] ?? "") ?? 0, page: page, size: 2)
            let items = found.posts.map { #"{"id":\#($0.id),"body":"O2 kein Netz \#($0.id)","ts":\#($0.time)}"# }
            return .text(#"{"data":{"items":[\#(items.joined(separator: ","))]}}"#, contentType: "application/json")
        }
    }

    static func sourceYAML(_ kind: SourceKind, _ server: LoopbackServer) -> String {
        let base = "  - name: \(kind.rawValue)\n    kind: \(kind.rawValue)\n    interval: 5m\n    max_pages: 10\n"
        switch kind {
        case .hackernews: return base + "    url: \(server.url("/"))\n    query: vodafone\n    page_size: 2\n"
        case .lemmy: return base + "    url: \(server.url("/"))\n    query: telekom\n    page_size: 2\n"
        case .json:
            return base + """
                    url: \(server.url("/posts"))
                    items: /data/items
                    fields: {id: /id, text: /body, time: /ts}
                    time_format: unix
                    cursor: {param: since}
                    next: {param: page, start: 1}

                """
        default: return base
        }
    }

    static let paths: [SourceKind: String] = [
        .hackernews: "/api/v1/search_by_date", .lemmy: "/api/v3/search", .json: "/posts",
    ]

    func run(_ yaml: String, store: AppDatabase, now: Date) async throws -> RunSummary {
        let config = try FeedsConfig.parse(
            yaml: """
                version: 1
                fetch:
                  timeout: 30s
                providers:
                  - name: Vodafone
                  - name: Telekom
                  - name: O2
                sources:
                \(yaml)
                """,
            fileName: "feeds.yml", baseDirectory: FileManager.default.temporaryDirectory, environment: [:])
        let run = PollRun(
            config: config, store: store, fetcher: URLSessionFetcher(policy: FetchPolicy(config.fetch)),
            classifier: Classifier(providers: config.providers.map(ProviderTerms.init)), now: now)
        return try await run.run()
    }

    @Test(arguments: [SourceKind.hackernews, .lemmy, .json])
    func secondRunFetchesOnlyWhatIsNew(_ kind: SourceKind) async throws {
        try await LoopbackServer.with { server in
            let network = Network()
            Self.serveHackerNews(server, network)
            Self.serveLemmy(server, network)
            Self.serveJSON(server, network)
            let store = try AppDatabase.inMemory()
            let yaml = Self.sourceYAML(kind, server)
            let path = try #require(Self.paths[kind])

            let first = try await run(yaml, store: store, now: Self.now)
            let firstRequests = server.requests(to: path).count
            network.add(2)
            let second = try await run(yaml, store: store, now: Self.now + 600)

            #expect(first.postsNew == 5, "\(first.sources.first?.problem ?? "")")
            #expect(firstRequests >= 3)
            #expect(second.postsNew == 2, "\(second.sources.first?.problem ?? "")")
            #expect(second.postsDuplicate == 0)
            #expect(try store.postCount() == 7)
            #expect(server.requests(to: path).count - firstRequests <= 2)
            #expect(try store.sourceStates()[kind.rawValue]?.cursor != nil)
        }
    }

    @Test(arguments: [(401, "failed"), (403, "failed"), (429, "postponed"), (500, "failed"), (503, "postponed")])
    func refusedFirstPageFailsOrPostponesTheSource(_ status: Int, _ outcome: String) async throws {
        try await LoopbackServer.with { server in
            for path in Self.paths.values { server.route(path, .text(#"{"error":"no"}"#, status: status)) }
            let store = try AppDatabase.inMemory()
            let yaml = [SourceKind.hackernews, .lemmy, .json].map { Self.sourceYAML($0, server) }.joined()

            let summary = try await run(yaml, store: store, now: Self.now)

            #expect(summary.sources.count == 3)
            #expect(summary.sources.allSatisfy { $0.outcomeName == outcome })
            #expect(summary.sources.allSatisfy { $0.problem?.contains("\(status)") == true })
        }
    }

    @Test func failedLaterPageKeepsWhatWasReadAndTheOldCursor() async throws {
        try await LoopbackServer.with { server in
            let network = Network()
            Self.serveLemmy(server, network)
            let store = try AppDatabase.inMemory()
            let yaml = Self.sourceYAML(.lemmy, server)
            _ = try await run(yaml, store: store, now: Self.now)
            let cursor = try store.sourceStates()["lemmy"]?.cursor
            network.add(3)
            let served = Locked(0)
            server.route("/api/v3/search") { request in
                let count = served.withLock { count in
                    count += 1
                    return count
                }
                return count == 1 ? Self.lemmyResponse(network, request) : .text("<html>oops</html>")
            }

            let broken = try await run(yaml, store: store, now: Self.now + 600)
            let kept = try store.sourceStates()["lemmy"]?.cursor
            Self.serveLemmy(server, network)
            let repaired = try await run(yaml, store: store, now: Self.now + 1_200)

            #expect(broken.sources.first?.outcomeName == "ok")
            #expect(broken.sources.first?.problem?.contains("page 2") == true)
            #expect(broken.postsNew == 2)
            // The old floor stays below the newest post seen, so the next run fetches the gap.
            #expect(kept?.hasPrefix((cursor ?? "-") + "\n") == true)
            #expect(repaired.postsNew == 1)
            #expect(try store.postCount() == 8)
        }
    }
}
