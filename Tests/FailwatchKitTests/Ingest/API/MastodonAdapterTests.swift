// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

/// Mastodon pages as the API documents them: HTML to text, authors per network, boosts,
/// `min_id` cursors, `Link` paging and the account lookup.
@Suite struct MastodonAdapterTests {
    static let base = URL(string: "https://mastodon.social")!
    static let oldest = Date(timeIntervalSince1970: 1_794_000_000)
    let tag = MastodonAdapter(base: base, query: .tag("telekom", anyTags: ["vodafone"], localOnly: true))
    let account = MastodonAdapter(base: base, query: .account("TelekomHilft"))

    static let link =
        "<https://mastodon.social/api/v1/timelines/tag/telekom?max_id=113500000000000000>; rel=\"next\", "
        + "<https://mastodon.social/api/v1/timelines/tag/telekom?min_id=113500000000000003>; rel=\"prev\""

    @Test func tagPageMatchesGolden() throws {
        let request = tag.firstRequest(cursor: nil, oldest: Self.oldest)
        let body = FetchedBody(
            data: try APIFixtures.data("mastodon/tag-page.json"), finalURL: request.url, headers: ["link": Self.link])
        try APIFixtures.expectGolden(
            try tag.read(body, request: request, cursor: nil), fixture: "mastodon/tag-page.json")
    }

    @Test func accountPageCountsABoostOnceAndMatchesGolden() throws {
        let adapter = MastodonAdapter(base: Self.base, query: .account("TelekomHilft", id: "109000"))
        let request = adapter.firstRequest(cursor: nil, oldest: Self.oldest)
        let body = FetchedBody(data: try APIFixtures.data("mastodon/account-page.json"), finalURL: request.url)

        let page = try adapter.read(body, request: request, cursor: nil)

        #expect(page.items.map(\.id).filter { $0?.contains("anna") == true }.count == 1)
        // The boost is marked as a repost (detection counts its author once); the account's own posts are not.
        #expect(page.items.first { $0.id?.contains("anna") == true }?.repost == true)
        #expect(page.items.filter { $0.id?.contains("anna") != true }.allSatisfy { !$0.repost })
        try APIFixtures.expectGolden(page, fixture: "mastodon/account-page.json")
    }

    @Test func lookupResolvesTheAccountIntoTheCursor() throws {
        let request = account.firstRequest(cursor: nil, oldest: Self.oldest)
        let body = FetchedBody(data: try APIFixtures.data("mastodon/lookup.json"), finalURL: request.url)

        #expect(request.url.absoluteString == "https://mastodon.social/api/v1/accounts/lookup?acct=TelekomHilft")
        try APIFixtures.expectGolden(try account.read(body, request: request, cursor: nil), fixture: "mastodon/lookup.json")
    }

    @Test(arguments: [
        (nil, "/api/v1/timelines/tag/telekom?limit=40&any%5B%5D=vodafone&local=true"),
        ("113500000000000003", "/api/v1/timelines/tag/telekom?limit=40&any%5B%5D=vodafone&local=true&min_id=113500000000000003"),
        ("garbage id!", "/api/v1/timelines/tag/telekom?limit=40&any%5B%5D=vodafone&local=true"),
    ] as [(String?, String)])
    func tagRequestAsksOnlyForWhatIsNew(cursor: String?, expected: String) {
        #expect(tag.firstRequest(cursor: cursor, oldest: Self.oldest).url.absoluteString == "https://mastodon.social" + expected)
    }

    @Test(arguments: [
        (nil, "/api/v1/accounts/lookup?acct=TelekomHilft"),
        ("account=TelekomHilft;id=109000", "/api/v1/accounts/109000/statuses?limit=40"),
        ("account=TelekomHilft;id=109000;since=7", "/api/v1/accounts/109000/statuses?limit=40&min_id=7"),
        ("account=SomeoneElse;id=5;since=7", "/api/v1/accounts/lookup?acct=TelekomHilft"),
    ] as [(String?, String)])
    func accountRequestLooksUpTheIdOnce(cursor: String?, expected: String) {
        #expect(account.firstRequest(cursor: cursor, oldest: Self.oldest).url.absoluteString == "https://mastodon.social" + expected)
    }

    @Test func forwardPagingFollowsPrevWhileTheTimelineIsFull() throws {
        let request = tag.firstRequest(cursor: "100", oldest: Self.oldest)
        let statuses = (101...140).map { "{\"id\":\"\($0)\",\"content\":\"<p>post \($0)</p>\"}" }
        let full = APIFixtures.body(
            "[" + statuses.reversed().joined(separator: ",") + "]",
            headers: ["link": "<https://evil.example/x?min_id=140>; rel=\"prev\""])

        let page = try tag.read(full, request: request, cursor: "100")
        let partial = try tag.read(
            APIFixtures.body("[{\"id\":\"141\",\"content\":\"hi\"}]"), request: request, cursor: "140")

        #expect(page.items.count == 40)
        #expect(page.cursor == "140")
        // The next page stays on the instance, whatever host the header names.
        #expect(page.next?.url.host == "mastodon.social")
        #expect(page.next.flatMap { URLComponents(url: $0.url, resolvingAgainstBaseURL: false) }?
            .queryItems?.first { $0.name == "min_id" }?.value == "140")
        #expect(partial.next == nil)
        #expect(partial.cursor == "141")
    }

    @Test func backfillPagingFollowsNextAndKeepsTheNewestAsCursor() throws {
        let request = tag.firstRequest(cursor: nil, oldest: Self.oldest)
        let page2 = try tag.read(
            APIFixtures.body("[{\"id\":\"90\",\"content\":\"x\"},{\"id\":\"80\",\"content\":\"y\"}]"),
            request: request, cursor: "200")

        #expect(page2.cursor == "200")
        #expect(page2.next?.url.query?.contains("max_id=80") == true)
    }

    @Test func emptyTimelineEndsWithoutNextAndKeepsTheCursor() throws {
        let page = try tag.read(APIFixtures.body("[]"), request: tag.firstRequest(cursor: "5", oldest: Self.oldest), cursor: "5")
        #expect(page.items.isEmpty)
        #expect(page.next == nil)
        #expect(page.cursor == "5")
    }

    @Test(arguments: [
        ("<!DOCTYPE html><html><body>Maintenance</body></html>", "api: malformed response: expected a list of statuses, got '<!DOCTYPE html><html><body>Maintenance</body></html>'"),
        ("{\"error\":\"This method requires an authenticated user\"}", "api: refused: This method requires an authenticated user"),
        ("{\"statuses\":[]}", "api: unexpected response: unexpected value at '' in a list of statuses"),
        ("", "api: malformed response: expected a list of statuses, got an empty body"),
    ])
    func unreadableBodiesSayWhy(body: String, message: String) {
        do {
            _ = try tag.read(APIFixtures.body(body), request: tag.firstRequest(cursor: nil, oldest: Self.oldest), cursor: nil)
            Issue.record("expected an error for \(body)")
        } catch {
            #expect(error.description == message)
        }
    }
}
