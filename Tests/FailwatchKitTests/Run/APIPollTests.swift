// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchFetch
@testable import FailwatchKit
@testable import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// The shared paging loop against a loopback server, with an adapter that pages `/1`, `/2`, …:
/// page bounds, rate limits, failures on the first and later pages, backfill and cursors.
@Suite struct APIPollTests {
    static let now = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z

    /// Pages `/N`; a body is `ids|minutes-old`, e.g. `a,b|10`; the cursor after page N is `page-N`,
    /// except after an empty page, which keeps the cursor unless its body ends in `|step`.
    struct PagedAdapter: APIAdapter {
        var base: URL

        func firstRequest(cursor: String?, oldest: Date) -> FetchRequest {
            FetchRequest(url: base.appendingPathComponent("1"), headers: ["Accept": "text/plain", "X-Adapter": "a"])
        }

        func read(_ body: FetchedBody, request: FetchRequest, cursor: String?) throws(APIError) -> APIPage {
            let text = String(decoding: body.data, as: UTF8.self)
            let parts = text.split(separator: "|", omittingEmptySubsequences: false)
            guard parts.count >= 2, let age = Double(parts[1]) else { throw .malformed("not ids|age: \(text)") }
            let page = Int(request.url.lastPathComponent) ?? 0
            let items = parts[0].split(separator: ",").map {
                FeedItem(id: String($0), title: "post \($0)", published: APIPollTests.now - age * 60)
            }
            let next = FetchRequest(url: base.appendingPathComponent(String(page + 1)), headers: request.headers)
            let moves = !items.isEmpty || parts.count == 3
            return APIPage(items: items, next: next, cursor: moves ? "page-\(page)" : nil)
        }

        func explain(status: Int) -> String? {
            status == 403 ? "hint: a token is needed" : nil
        }
    }

    func poll(
        _ server: LoopbackServer, maxPages: Int = 5, cursor: String? = nil, headers: [String: String] = [:]
    ) async -> SourceReport.Outcome {
        let source = SourceConfig(
            name: "api", url: server.url("/"), interval: 300, headers: headers, maxPages: maxPages, backfill: 86_400)
        let poll = APIPoll(
            source: source, adapter: PagedAdapter(base: server.url("/")), fetcher: URLSessionFetcher(policy: FetchTesting.policy()),
            now: Self.now)
        let state = cursor.map { SourceState(name: "api", kind: "test", url: "", cursor: $0) }
        return await poll.run(state: state) { items in
            (items.map { Post(item: $0, language: nil, sourceName: "api", fetched: Self.now) }, 0)
        }
    }

    func harvest(_ outcome: SourceReport.Outcome) -> SourceReport.Harvest? {
        if case let .fetched(harvest) = outcome { return harvest }
        return nil
    }

    /// Routes `/1` … `/count` with two fresh posts each.
    func routePages(_ server: LoopbackServer, count: Int) {
        for page in 1...count { server.route("/\(page)", .text("p\(page)a,p\(page)b|10")) }
    }

    @Test func stopsAfterMaxPages() async throws {
        try await LoopbackServer.with { server in
            routePages(server, count: 10)

            let harvest = harvest(await poll(server, maxPages: 3))

            #expect(harvest?.posts.count == 6)
            #expect(harvest?.cursor == "page-3")
            #expect(server.requests.map(\.path) == ["/1", "/2", "/3"])
        }
    }

    @Test func usedUpRateLimitStopsPagingUntilTheReset() async throws {
        try await LoopbackServer.with { server in
            routePages(server, count: 5)
            let limited = ["Content-Type": "text/plain", "X-Ratelimit-Remaining": "0", "X-Ratelimit-Reset": "120"]
            server.route("/2", LoopbackResponse(headers: limited, body: "p2a|10"))

            let harvest = harvest(await poll(server))

            #expect(harvest?.posts.count == 3)
            #expect(harvest?.notBefore == Self.now + 120)
            #expect(harvest?.cursor == "page-2")
            #expect(server.requests.count == 2)
        }
    }

    @Test func tooManyRequestsOnTheFirstPagePostponesTheSource() async throws {
        try await LoopbackServer.with { server in
            server.route("/1", .retryLater(status: 429, retryAfter: "600"))

            let outcome = await poll(server)

            guard case let .postponed(until, reason) = outcome else {
                Issue.record("expected postponed, got \(outcome)")
                return
            }
            #expect(until == Self.now + 600)
            #expect(reason.hasPrefix("http 429"))
        }
    }

    @Test func tooManyRequestsOnALaterPageKeepsWhatWasRead() async throws {
        try await LoopbackServer.with { server in
            routePages(server, count: 3)
            server.route("/2", .retryLater(status: 429, retryAfter: "300"))

            let harvest = harvest(await poll(server))

            #expect(harvest?.posts.map(\.guid) == ["p1a", "p1b"])
            #expect(harvest?.notBefore == Self.now + 300)
            #expect(harvest?.cursor == "page-1")
        }
    }

    @Test func laterPageFailureKeepsPostsWarnsAndHoldsTheCursor() async throws {
        try await LoopbackServer.with { server in
            routePages(server, count: 4)
            server.route("/3", .text("oops", status: 500))

            let harvest = harvest(await poll(server, cursor: "page-0"))

            #expect(harvest?.posts.count == 4)
            #expect(harvest?.warnings == ["page 3: http 500"])
            #expect(harvest?.cursor == "page-2")
            #expect(server.requests(to: "/4").isEmpty)
        }
    }

    @Test func unreadableLaterPageIsAWarningToo() async throws {
        try await LoopbackServer.with { server in
            routePages(server, count: 3)
            server.route("/2", .text("<html>maintenance</html>"))

            let harvest = harvest(await poll(server))

            #expect(harvest?.posts.count == 2)
            #expect(harvest?.warnings.first?.hasPrefix("page 2: api: malformed response") == true)
            #expect(harvest?.cursor == "page-1")
        }
    }

    @Test func firstPageFailureFailsTheSourceWithTheAdaptersHint() async throws {
        try await LoopbackServer.with { server in
            server.route("/1", .text("{\"error\":\"forbidden\"}", status: 403))

            let outcome = await poll(server)

            #expect(outcome == .failed(reason: "http 403 forbidden: hint: a token is needed"))
        }
    }

    @Test func stopsAtThePageThatReachesTheBackfillWindow() async throws {
        try await LoopbackServer.with { server in
            routePages(server, count: 5)
            server.route("/2", .text("p2a,p2b|2000"))  // older than the one-day backfill

            let harvest = harvest(await poll(server))

            #expect(harvest?.posts.count == 4)
            #expect(server.requests.map(\.path) == ["/1", "/2"])
        }
    }

    @Test func emptyPageEndsPaging() async throws {
        try await LoopbackServer.with { server in
            routePages(server, count: 5)
            server.route("/3", .text("|10"))

            let harvest = harvest(await poll(server))

            #expect(harvest?.posts.count == 4)
            #expect(harvest?.cursor == "page-2")
            #expect(server.requests.count == 3)
        }
    }

    @Test func emptyPageThatMovesTheCursorIsAStep() async throws {
        try await LoopbackServer.with { server in
            routePages(server, count: 5)
            server.route("/1", .text("|0|step"))  // e.g. Mastodon's account lookup

            let harvest = harvest(await poll(server))

            #expect(harvest?.posts.count == 8)
            #expect(harvest?.cursor == "page-5")
        }
    }

    @Test func configuredHeadersOverrideTheAdapters() async throws {
        try await LoopbackServer.with { server in
            routePages(server, count: 2)

            _ = await poll(server, maxPages: 2, headers: ["X-Adapter": "configured", "Authorization": "Bearer t"])

            for request in server.requests {
                #expect(request.header("X-Adapter") == "configured")
                #expect(request.header("Authorization") == "Bearer t")
                #expect(request.header("Accept") == "text/plain")
            }
        }
    }
}
