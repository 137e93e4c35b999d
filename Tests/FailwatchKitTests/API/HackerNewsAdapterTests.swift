// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchKit
import Foundation
import Testing

/// The Algolia Hacker News adapter: requests, paging, the created_at_i cursor, and bodies
/// that are not what Algolia documents.
@Suite struct HackerNewsAdapterTests {
    static let base = URL(string: "https://hn.algolia.com")!
    static let oldest = Date(timeIntervalSince1970: 1_794_000_000)
    let adapter = HackerNewsAdapter(
        base: HackerNewsAdapterTests.base, query: HackerNewsQuery(query: "vodafone", pageSize: 3))

    func read(_ fixture: String, cursor: String? = nil, page: Int = 0) throws -> APIPage {
        var request = adapter.firstRequest(cursor: cursor, oldest: Self.oldest)
        request.url = request.url.settingQuery("page", to: String(page))
        return try adapter.read(
            APIFixture.body(try APIFixture.data("hackernews/\(fixture)"), url: request.url), request: request,
            cursor: cursor)
    }

    @Test func firstRequestAsksAlgoliaForEverythingNewerThanTheBackfillWindow() {
        let request = adapter.firstRequest(cursor: nil, oldest: Self.oldest)
        #expect(request.url.path == "/api/v1/search_by_date")
        #expect(
            APIFixture.query(request.url) == [
                "query": "vodafone", "tags": "(story,comment)", "numericFilters": "created_at_i>1794000000",
                "hitsPerPage": "3", "page": "0",
            ])
    }

    @Test func laterRunsAskOnlyForWhatIsNewerThanTheStoredCursor() {
        let request = adapter.firstRequest(cursor: "1795250000", oldest: Self.oldest)
        #expect(APIFixture.query(request.url)["numericFilters"] == "created_at_i>1795250000")
        let stories = HackerNewsAdapter(base: Self.base, query: HackerNewsQuery(query: "o2", tags: [.story]))
        #expect(APIFixture.query(stories.firstRequest(cursor: nil, oldest: Self.oldest).url)["tags"] == "story")
    }

    @Test func pagesYieldTheirGoldenPosts() throws {
        let first = try read("search-page0.json")
        try APIFixture.expectGolden(first.items, fixture: "hackernews/search-page0.json")
        let second = try read("search-page1.json", cursor: first.cursor, page: 1)
        try APIFixture.expectGolden(second.items, fixture: "hackernews/search-page1.json")
    }

    @Test func followsPagesUntilTheLastOne() throws {
        let first = try read("search-page0.json")
        #expect(first.next.map { APIFixture.query($0.url)["page"] } == "1")
        // A first walk with more pages: the floor is the newest hit, the rest a hole down to the window.
        #expect(first.cursor == "1795251000\n\n1795249800\t")
        let last = try read("search-page1.json", cursor: first.cursor, page: 1)
        #expect(last.next == nil)
    }

    @Test func aStoppedWalkLeavesAHoleBetweenItsOldestHitAndTheOldFloor() throws {
        // A stored floor older than every hit on page 0: the floor moves to the newest hit at
        // once, and what lies between the page's oldest hit and the old floor is a hole.
        let first = try read("search-page0.json", cursor: "1795000000")
        #expect(first.cursor == "1795251000\n\n1795249800\t1795000000")
        #expect(first.next != nil)
        // Page 0 of the next run reaches the floor: the walk is over.
        let reached = try read("search-page0.json", cursor: "1795250400")
        #expect(reached.items.map(\.id) == ["hn:41000003"])
        #expect(reached.next == nil)
        #expect(reached.cursor == "1795251000")
    }

    @Test func emptyPageEndsTheWalkAndKeepsTheCursor() throws {
        let body = APIFixture.body(#"{"hits":[],"page":0,"nbPages":0}"#, url: Self.base)
        let request = adapter.firstRequest(cursor: "1795251000", oldest: Self.oldest)
        let page = try adapter.read(body, request: request, cursor: "1795251000")
        #expect(page.items.isEmpty)
        #expect(page.next == nil)
        #expect(page.cursor == "1795251000")
    }

    @Test(arguments: [
        ("<!DOCTYPE html><html><body>Bad gateway</body></html>", "api: malformed response: hackernews: not JSON"),
        (#"{"message":"ok"}"#, "api: unexpected response: hackernews: missing 'hits'"),
        (#"{"hits":{"a":1}}"#, "api: unexpected response: hackernews: wrong type at 'hits'"),
        ("", "api: malformed response: hackernews: not JSON (empty body)"),
    ])
    func bodiesThatAreNotAlgoliaJSONFailWithAClearMessage(_ text: String, _ message: String) {
        let request = adapter.firstRequest(cursor: nil, oldest: Self.oldest)
        #expect {
            try adapter.read(APIFixture.body(text, url: Self.base), request: request, cursor: nil)
        } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }

    @Test func hugePageIsReadWhole() throws {
        let hits = (0..<5_000).map {
            #"{"objectID":"\#($0)","author":"u\#($0)","title":"Vodafone \#($0)","created_at_i":\#(1_795_251_000 - $0),"extra":{"deep":[1,2,3]}}"#
        }
        let text = #"{"hits":["# + hits.joined(separator: ",") + #"],"page":0,"nbPages":1}"#
        let request = adapter.firstRequest(cursor: nil, oldest: Self.oldest)
        let page = try adapter.read(APIFixture.body(text, url: Self.base), request: request, cursor: nil)
        #expect(page.items.count == 5_000)
        #expect(page.cursor == "1795251000")
        #expect(page.next == nil)
    }
}
