// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

/// Reddit listings as the API documents them: request forms, the User-Agent, `after`
/// paging, and the stored newest post that ends paging.
@Suite struct RedditAdapterTests {
    static let base = URL(string: "https://www.reddit.com")!
    static let oldest = Date(timeIntervalSince1970: 1_794_042_000)
    let search = RedditAdapter(base: base, query: RedditQuery(query: "vodafone störung"))

    @Test func searchPageMatchesGolden() throws {
        let request = search.firstRequest(cursor: nil, oldest: Self.oldest)
        let body = FetchedBody(data: try APIFixtures.data("reddit/search-page.json"), finalURL: request.url)
        try APIFixtures.expectGolden(
            try search.read(body, request: request, cursor: nil), fixture: "reddit/search-page.json")
    }

    @Test(arguments: [
        (RedditQuery(query: "vodafone störung"), "/search.json?q=vodafone%20st%C3%B6rung&sort=new&limit=100&raw_json=1"),
        (RedditQuery(subreddit: "de_EDV"), "/r/de_EDV/new.json?limit=100&raw_json=1"),
        (RedditQuery(query: "telekom", subreddit: "de"), "/r/de/search.json?q=telekom&restrict_sr=1&sort=new&limit=100&raw_json=1"),
    ])
    func requestFormsAndUserAgent(query: RedditQuery, expected: String) {
        let request = RedditAdapter(base: Self.base, query: query).firstRequest(cursor: nil, oldest: Self.oldest)
        #expect(request.url.absoluteString == "https://www.reddit.com" + expected)
        #expect(request.headers["User-Agent"] == "linux:failwatch:0.1.0 (by /u/failwatch)")
    }

    @Test func stopsAtTheNewestPostOfTheLastRun() throws {
        let request = search.firstRequest(cursor: nil, oldest: Self.oldest)
        let body = FetchedBody(data: try APIFixtures.data("reddit/search-page.json"), finalURL: request.url)

        let page = try search.read(body, request: request, cursor: "t3_1gx0bbb@1795246200")

        #expect(page.items.map(\.id) == ["t3_1gx0ccc"])
        #expect(page.next == nil)
        #expect(page.cursor == "t3_1gx0ccc@1795249800")
    }

    @Test func olderPagesMoveTheHolesResumePointAndPageWithAfter() throws {
        let first = search.firstRequest(cursor: nil, oldest: Self.oldest)
        let request = FetchRequest(url: first.url.appending(queryItems: [.init(name: "after", value: "t3_x")]))
        let body = FetchedBody(data: try APIFixtures.data("reddit/search-page.json"), finalURL: request.url)

        // Page 2 of a run that started at t3_old: page 1 read t3_newer down to t3_x, leaving a hole.
        let page = try search.read(body, request: request, cursor: "t3_newer@1795250000\n\nt3_x@1795249900\tt3_old@1795000000")
        let firstRun = try search.read(body, request: request, cursor: "t3_newer@1795250000\n\nt3_x@1795249900\t")

        #expect(page.cursor == "t3_newer@1795250000\n\nt3_1gx0aaa@1795242600\tt3_old@1795000000")
        #expect(firstRun.items.count == 2)
        #expect(page.items.count == 2)
        #expect(page.next?.url.query?.hasSuffix("&after=t3_1gx0aaa") == true)
        #expect(try search.read(body, request: first, cursor: nil).next?.headers["User-Agent"] == RedditQuery.defaultUserAgent)
    }

    @Test func hugePageIsReadWhole() throws {
        let children = (0..<5000).map {
            "{\"kind\":\"t3\",\"data\":{\"name\":\"t3_\($0)\",\"title\":\"post \($0)\",\"created_utc\":\(1_795_000_000 + $0),\"junk\":\"\(String(repeating: "x", count: 200))\"}}"
        }
        let body = APIFixtures.body("{\"data\":{\"after\":null,\"children\":[\(children.joined(separator: ","))]}}")

        let page = try search.read(body, request: search.firstRequest(cursor: nil, oldest: Self.oldest), cursor: nil)

        #expect(page.items.count == 5000)
        #expect(page.cursor == "t3_4999@1795004999")
        #expect(page.next == nil)
    }

    @Test(arguments: [
        ("{\"message\": \"Forbidden\", \"error\": 403}", "api: refused: error 403: Forbidden"),
        ("{\"kind\":\"Listing\"}", "api: unexpected response: missing 'data' in a listing"),
        ("{\"data\":{\"after\":null}}", "api: unexpected response: missing 'data.children' in a listing"),
        ("<!doctype html><p>whoa there, pardner!</p>", "api: malformed response: expected a listing, got '<!doctype html><p>whoa there, pardner!</p>'"),
    ])
    func unreadableBodiesSayWhy(body: String, message: String) {
        do {
            _ = try search.read(
                APIFixtures.body(body), request: search.firstRequest(cursor: nil, oldest: Self.oldest), cursor: nil)
            Issue.record("expected an error for \(body)")
        } catch {
            #expect(error.description == message)
        }
    }
}
