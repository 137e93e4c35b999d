// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

/// Bluesky search pages as `app.bsky.feed.searchPosts` documents them: `since` for what is
/// new, `cursor` for older pages, the token, and the 403 of refused public search.
@Suite struct BlueskyAdapterTests {
    static let base = URL(string: "https://public.api.bsky.app")!
    static let oldest = Date(timeIntervalSince1970: 1_794_042_000)  // 2026-11-07T09:00:00Z
    let adapter = BlueskyAdapter(base: base, query: BlueskyQuery(query: "vodafone störung", language: "de"))

    @Test func searchPageMatchesGolden() throws {
        let request = adapter.firstRequest(cursor: nil, oldest: Self.oldest)
        let body = FetchedBody(data: try APIFixtures.data("bluesky/search-page.json"), finalURL: request.url)
        try APIFixtures.expectGolden(
            try adapter.read(body, request: request, cursor: nil), fixture: "bluesky/search-page.json")
    }

    @Test func firstRunAsksSinceTheBackfillWindowAndLaterRunsSinceTheCursor() {
        let first = adapter.firstRequest(cursor: nil, oldest: Self.oldest)
        let later = adapter.firstRequest(cursor: "2026-11-21T08:55:31Z", oldest: Self.oldest)

        #expect(
            first.url.absoluteString
                == "https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts?q=vodafone%20st%C3%B6rung&sort=latest"
                + "&limit=100&since=2026-11-07T09%3A00%3A00Z&lang=de")
        #expect(later.url.query?.contains("since=2026-11-21T08%3A55%3A31Z") == true)
        #expect(first.headers["Authorization"] == nil)
    }

    @Test func tokenIsSentAsBearer() {
        let withToken = BlueskyAdapter(base: Self.base, query: BlueskyQuery(query: "telekom", token: "secret"))
        #expect(withToken.firstRequest(cursor: nil, oldest: Self.oldest).headers["Authorization"] == "Bearer secret")
    }

    @Test func cursorIsTheNewestPostTimeAndNeverGoesBack() throws {
        let request = adapter.firstRequest(cursor: nil, oldest: Self.oldest)
        let body = FetchedBody(data: try APIFixtures.data("bluesky/search-page.json"), finalURL: request.url)

        let fresh = try adapter.read(body, request: request, cursor: nil)
        let behind = try adapter.read(body, request: request, cursor: "2026-11-22T00:00:00Z")

        // The post dated 09:30 was indexed at 08:41: the earlier time counts. More pages follow,
        // so what lies below the page's oldest post (08:10) is a hole down to the backfill window.
        #expect(fresh.cursor == "2026-11-21T08:55:31Z\n\n2026-11-21T08:10:00Z\t")
        #expect(behind.cursor == "2026-11-22T00:00:00Z")
        #expect(behind.items.isEmpty)
        #expect(behind.next == nil)
        #expect(fresh.next?.url.query?.hasSuffix("&cursor=25") == true)
    }

    @Test func lastPageHasNoNext() throws {
        let page = try adapter.read(
            APIFixtures.body("{\"posts\":[]}"), request: adapter.firstRequest(cursor: nil, oldest: Self.oldest),
            cursor: nil)
        #expect(page.items.isEmpty)
        #expect(page.next == nil)
        #expect(page.cursor == nil)
    }

    @Test(arguments: [
        ("{\"cursor\":\"1\"}", "api: unexpected response: missing 'posts' in searchPosts output"),
        ("{\"error\":\"InvalidRequest\",\"message\":\"Invalid query\"}", "api: refused: InvalidRequest: Invalid query"),
        ("<html><head><title>403 Forbidden</title></head></html>", "api: malformed response: expected searchPosts output, got '<html><head><title>403 Forbidden</title></head></html>'"),
        ("{\"posts\":{\"uri\":\"at://x\"}}", "api: unexpected response: unexpected value at 'posts' in searchPosts output"),
    ])
    func unreadableBodiesSayWhy(body: String, message: String) {
        do {
            _ = try adapter.read(
                APIFixtures.body(body), request: adapter.firstRequest(cursor: nil, oldest: Self.oldest), cursor: nil)
            Issue.record("expected an error for \(body)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func forbiddenSearchSaysATokenIsNeeded() {
        #expect(adapter.explain(status: 403)?.contains("a token is needed, set token: ${BLUESKY_TOKEN}") == true)
        #expect(adapter.explain(status: 500) == nil)
    }
}
