// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchKit
import Foundation
import Testing

/// The request each resumable API makes to read a hole: "the page below this post, down to
/// that one", in the API's own terms; and the time of a cursor value, which dates holes.
@Suite struct ResumeRequestTests {
    static let oldest = Date(timeIntervalSince1970: 1_794_042_000)  // 2026-11-07T09:00:00Z

    @Test func hackerNewsFiltersBetweenTheEndAndTheResumePoint() throws {
        let adapter = HackerNewsAdapter(base: URL(string: "https://hn.algolia.com")!, query: HackerNewsQuery(query: "o2"))

        let request = try #require(adapter.request(below: "1795249800", downTo: "1795000000", oldest: Self.oldest))
        let toWindow = try #require(adapter.request(below: "1795249800", downTo: nil, oldest: Self.oldest))

        #expect(APIFixture.query(request.url)["numericFilters"] == "created_at_i>1795000000,created_at_i<=1795249800")
        #expect(APIFixture.query(request.url)["page"] == "0")
        #expect(APIFixture.query(toWindow.url)["numericFilters"] == "created_at_i>1794042000,created_at_i<=1795249800")
        #expect(adapter.date(of: "1795249800") == Date(timeIntervalSince1970: 1_795_249_800))
    }

    @Test func blueskyAsksSinceTheEndUntilJustAboveTheResumePoint() throws {
        let adapter = BlueskyAdapter(base: URL(string: "https://public.api.bsky.app")!, query: BlueskyQuery(query: "o2"))

        let request = try #require(
            adapter.request(below: "2026-11-21T08:10:00Z", downTo: "2026-11-21T07:00:00Z", oldest: Self.oldest))

        #expect(APIFixture.query(request.url)["since"] == "2026-11-21T07:00:00Z")
        #expect(APIFixture.query(request.url)["until"] == "2026-11-21T08:10:01Z")
        #expect(APIFixture.query(request.url)["cursor"] == nil)
        #expect(adapter.date(of: "2026-11-21T08:10:00Z") == FeedDate.parse("2026-11-21T08:10:00Z"))
    }

    @Test func redditListsAfterTheResumePost() throws {
        let adapter = RedditAdapter(base: URL(string: "https://www.reddit.com")!, query: RedditQuery(subreddit: "de"))

        let request = try #require(
            adapter.request(below: "t3_1gx0aaa@1795242600", downTo: "t3_old@1795000000", oldest: Self.oldest))

        #expect(request.url.absoluteString == "https://www.reddit.com/r/de/new.json?limit=100&raw_json=1&after=t3_1gx0aaa")
        #expect(request.headers["User-Agent"] == RedditQuery.defaultUserAgent)
        #expect(adapter.date(of: "t3_1gx0aaa@1795242600") == Date(timeIntervalSince1970: 1_795_242_600))
    }

    @Test func jsonResumesOnlyWithABeforeParameter() throws {
        let source = """
            name: api
            kind: json
            url: https://api.example.org/posts?q=o2
            fields: {id: /id, text: /body, time: /ts}
            time_format: unix
            next: {param: page, start: 1}
            """
        let resumable = try JSONAPIAdapterTests().adapter(source + "\ncursor: {param: since, before: until}")
        let floorOnly = try JSONAPIAdapterTests().adapter(source + "\ncursor: {param: since}")

        let request = try #require(resumable.request(below: "1795249800", downTo: "1795000000", oldest: Self.oldest))

        #expect(APIFixture.query(request.url) == ["q": "o2", "until": "1795249800", "since": "1795000000", "page": "1"])
        #expect(resumable.date(of: "1795249800") == Date(timeIntervalSince1970: 1_795_249_800))
        #expect(floorOnly.request(below: "1795249800", downTo: "1795000000", oldest: Self.oldest) == nil)
    }

    @Test(arguments: [
        ("t3_b@100", "t3_a@99", true), ("t3_a@99", "t3_b@100", false),
        ("t3_b@100", "t3_a@100", true),  // same second, another post: not read yet
        ("t3_a@100", "t3_a@100", false),  // the post itself
    ])
    func redditPostIsNewerUnlessTheCursorCoversIt(_ first: String, _ second: String, _ newer: Bool) {
        #expect(RedditCursor.newer(first, second) == newer)
    }
}
