// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchFetch
@testable import FailwatchKit
import Foundation
import Testing

/// X API v2 answers as the API documents them: request forms, authors from `includes`,
/// reposts, deleted authors, `next_token` paging, the daily budget and refusals.
@Suite struct XAdapterTests {
    static let base = URL(string: "https://api.x.com")!
    static let now = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z
    static let oldest = now.addingTimeInterval(-14 * 86_400)
    let search = XAdapter(
        base: base, query: XQuery(target: .search("(@LIWEST OR liwest) -is:retweet"), token: "secret-token"), now: now)

    @Test func searchPageMatchesGolden() throws {
        let request = search.firstRequest(cursor: nil, oldest: Self.oldest)
        let body = FetchedBody(data: try APIFixtures.data("x/search-page.json"), finalURL: request.url)
        let page = try search.read(body, request: request, cursor: nil)

        try APIFixtures.expectGolden(page, fixture: "x/search-page.json")
        #expect(page.items.map(\.repost) == [false, true, false, false])
        #expect(page.next?.headers["Authorization"] == "Bearer secret-token")
    }

    @Test func firstSearchAsksForTheDocumentedFieldsWithinTheSevenDays() {
        let request = search.firstRequest(cursor: nil, oldest: Self.oldest)
        let query = APIFixture.query(request.url)

        #expect(request.url.path == "/2/tweets/search/recent")
        #expect(query["query"] == "(@LIWEST OR liwest) -is:retweet")
        #expect(query["tweet.fields"] == "created_at,lang,author_id,referenced_tweets,conversation_id")
        #expect(query["expansions"] == "author_id")
        #expect(query["user.fields"] == "username")
        #expect(query["max_results"] == "100")
        // Recent search reaches back 7 days: a 14-day backfill starts there instead of being refused.
        #expect(query["start_time"] == "2026-11-14T09:02:00Z")
        #expect(query["since_id"] == nil)
        #expect(request.headers["Authorization"] == "Bearer secret-token")
    }

    @Test func laterRunsAskSinceTheNewestPostUnlessItIsOlderThanTheSearchReaches() {
        let recent = search.firstRequest(cursor: "2124062760760250514", oldest: Self.oldest)
        let stale = search.firstRequest(cursor: "2122978113745850514", oldest: Self.oldest)
        let tooOld = XAdapter(base: Self.base, query: search.query, now: Self.now + 5 * 86_400)
            .firstRequest(cursor: "2122978113745850514", oldest: Self.oldest)

        #expect(APIFixture.query(recent.url)["since_id"] == "2124062760760250514")
        #expect(APIFixture.query(recent.url)["start_time"] == nil)
        #expect(APIFixture.query(stale.url)["since_id"] == "2122978113745850514")
        #expect(APIFixture.query(tooOld.url)["since_id"] == nil)
        #expect(APIFixture.query(tooOld.url)["start_time"] == "2026-11-19T09:02:00Z")
    }

    @Test func snowflakesCarryTheirCreationTime() {
        #expect(XCursor.date(of: "2124062760760250514").map(FeedDate.iso8601UTC) == "2026-11-21T08:50:00Z")
        #expect(XCursor.date(of: "99999999999999999999999") == nil)
        #expect(XCursor.date(of: "-5") == nil)
        #expect(XCursor.newer("2124062760760250514", "999"))
    }

    @Test func aStoppedWalkLeavesAHoleThatResumesWithUntilID() throws {
        let request = search.firstRequest(cursor: "2122978113745850514", oldest: Self.oldest)
        let body = FetchedBody(data: try APIFixtures.data("x/search-page.json"), finalURL: request.url)

        let page = try search.read(body, request: request, cursor: "2122978113745850514")
        let walk = NewestFirstCursor(stored: XCursor(page.cursor).walk, runStart: false)
        let hole = try #require(walk.holes.first)
        let resume = try #require(search.request(below: hole.resume, downTo: hole.end, oldest: Self.oldest))

        #expect(walk.floor == "2124062760760250514")
        #expect(hole.resume == "2124057727595450514" && hole.end == "2122978113745850514")
        #expect(APIFixture.query(resume.url)["until_id"] == "2124057727595450514")
        #expect(APIFixture.query(resume.url)["since_id"] == "2122978113745850514")
        #expect(APIFixture.query(page.next?.url ?? Self.base)["next_token"] == "b26v89c19zqg8o3fr5qv2hmz3ygrmwzfbh3wxzgusm5a5")
    }

    @Test func theDailyBudgetShrinksPagesStopsPagingAndRenewsAtMidnight() throws {
        let metered = XAdapter(
            base: Self.base, query: XQuery(target: .search("liwest"), maxPostsPerDay: 30), now: Self.now)
        let request = metered.firstRequest(cursor: "\n\n\tday=2026-11-21;used=12", oldest: Self.oldest)
        let body = FetchedBody(data: try APIFixtures.data("x/search-page.json"), finalURL: request.url)

        let page = try metered.read(body, request: request, cursor: "\n\n\tday=2026-11-21;used=12")
        let spent = try metered.read(body, request: request, cursor: "\n\n\tday=2026-11-21;used=26")

        #expect(APIFixture.query(request.url)["max_results"] == "18")
        #expect(XCursor(page.cursor).used == 17)
        #expect(APIFixture.query(page.next?.url ?? Self.base)["max_results"] == "13")
        #expect(spent.next == nil)
        #expect(metered.budgetRenews(cursor: spent.cursor).map(FeedDate.iso8601UTC) == "2026-11-22T00:00:00Z")
        #expect(metered.budgetRenews(cursor: page.cursor) == nil)
        // Yesterday's count does not hold today back.
        #expect(metered.budgetRenews(cursor: "\n\n\tday=2026-11-20;used=30") == nil)
    }

    @Test func anAccountIsLookedUpOnceThenItsTimelineIsRead() throws {
        let timeline = XAdapter(base: Self.base, query: XQuery(target: .account("LIWEST", id: nil)), now: Self.now)
        let lookup = timeline.firstRequest(cursor: nil, oldest: Self.oldest)
        let resolved = try timeline.read(
            FetchedBody(data: try APIFixtures.data("x/user-lookup.json"), finalURL: lookup.url), request: lookup,
            cursor: nil)
        let next = try #require(resolved.next)
        let posts = try timeline.read(
            FetchedBody(data: try APIFixtures.data("x/timeline-page.json"), finalURL: next.url), request: next,
            cursor: resolved.cursor)

        #expect(lookup.url.path == "/2/users/by/username/LIWEST")
        #expect(next.url.path == "/2/users/30541877/tweets")
        #expect(resolved.items.isEmpty)
        #expect(posts.items.map(\.author) == ["x:@LIWEST"])
        #expect(posts.items.first?.link == "https://x.com/LIWEST/status/2122978113745850514")
        #expect(timeline.firstRequest(cursor: posts.cursor, oldest: Self.oldest).url.path == "/2/users/30541877/tweets")
        #expect(APIFixture.query(timeline.firstRequest(cursor: posts.cursor, oldest: Self.oldest).url)["since_id"]
            == "2122978113745850514")
    }

    @Test func anEmptyResultHasNoDataAndEndsTheWalk() throws {
        let request = search.firstRequest(cursor: "2124062760760250514", oldest: Self.oldest)
        let page = try search.read(
            FetchedBody(data: try APIFixtures.data("x/empty.json"), finalURL: request.url), request: request,
            cursor: "2124062760760250514")

        #expect(page.items.isEmpty && page.next == nil)
        #expect(page.cursor == "2124062760760250514")
    }

    @Test(arguments: [
        (#"{"errors":[{"title":"Invalid Request","detail":"One or more parameters to your request was invalid."}]}"#,
         "api: refused: x: Invalid Request: One or more parameters to your request was invalid."),
        (#"{"data":[{"text":"no id"}]}"#, "api: unexpected response: missing 'data[0].id' in a page of posts"),
        ("<!DOCTYPE html><title>Over capacity</title>", "api: malformed response: expected a page of posts, got '<!DOCTYPE html><title>Over capacity</title>'"),
    ])
    func unreadableBodiesSayWhy(body: String, message: String) {
        let request = search.firstRequest(cursor: nil, oldest: Self.oldest)
        do {
            _ = try search.read(APIFixtures.body(body), request: request, cursor: nil)
            Issue.record("expected an error for \(body)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func refusedTokensAndTiersSayWhatIsMissingWithoutTheToken() {
        #expect(search.explain(status: 401)?.contains("bearer token") == true)
        #expect(search.explain(status: 403)?.contains("Basic tier") == true)
        for status in [400, 401, 403, 404] { #expect(search.explain(status: status)?.contains("secret-token") != true) }
    }

    @Test func xRateLimitHeadersAreRead() {
        let limit = RateLimit(headers: ["x-rate-limit-remaining": "0", "x-rate-limit-reset": "1795252500"])
        #expect(limit.isExhausted)
        #expect(limit.resetAfter == .date(Date(timeIntervalSince1970: 1_795_252_500)))
    }
}
