// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchKit
import Foundation
import Testing

/// The Lemmy search adapter: posts and comments, authors from actor ids, `page` paging and
/// the newest-`published` cursor.
@Suite struct LemmyAdapterTests {
    static let base = URL(string: "https://feddit.org")!
    static let oldest = Date(timeIntervalSince1970: 1_794_000_000)

    func adapter(_ type: LemmyQuery.ContentType, pageSize: Int = 2) -> LemmyAdapter {
        LemmyAdapter(base: Self.base, query: LemmyQuery(query: "vodafone", type: type, pageSize: pageSize))
    }

    func read(_ fixture: String, _ type: LemmyQuery.ContentType, cursor: String? = nil) throws -> APIPage {
        let adapter = adapter(type)
        let request = adapter.firstRequest(cursor: cursor, oldest: Self.oldest)
        return try adapter.read(
            APIFixture.body(try APIFixture.data("lemmy/\(fixture)"), url: request.url), request: request,
            cursor: cursor)
    }

    @Test func firstRequestSearchesNewestFirst() {
        let request = adapter(.comments, pageSize: 20).firstRequest(cursor: "2026-11-21T08:00:00Z", oldest: Self.oldest)
        #expect(request.url.absoluteString.hasPrefix("https://feddit.org/api/v3/search?"))
        #expect(
            APIFixture.query(request.url) == [
                "q": "vodafone", "type_": "Comments", "sort": "New", "listing_type": "All", "page": "1", "limit": "20",
            ])
    }

    @Test(arguments: [("search-posts.json", LemmyQuery.ContentType.posts), ("search-comments.json", .comments)])
    func fixturesYieldTheirGoldenPosts(_ fixture: String, _ type: LemmyQuery.ContentType) throws {
        try APIFixture.expectGolden(try read(fixture, type).items, fixture: "lemmy/\(fixture)")
    }

    @Test func fullPageAsksForTheNextAndAShortPageEndsTheWalk() throws {
        let full = try read("search-posts.json", .posts)
        #expect(full.next.map { APIFixture.query($0.url)["page"] } == "2")
        #expect(full.cursor == "\n2026-11-21T08:45:00.123456Z")
        let short = try adapter(.posts, pageSize: 20).read(
            APIFixture.body(try APIFixture.data("lemmy/search-posts.json"), url: Self.base),
            request: adapter(.posts, pageSize: 20).firstRequest(cursor: nil, oldest: Self.oldest), cursor: nil)
        #expect(short.next == nil)
    }

    @Test func pagingStopsAtTheStoredNewestPublished() throws {
        let page = try read("search-posts.json", .posts, cursor: "2026-11-21T08:20:00Z")
        #expect(page.items.map(\.link) == ["https://feddit.org/post/9001"])
        #expect(page.next == nil)
        #expect(page.cursor == "2026-11-21T08:45:00.123456Z")
        let nothingNew = try read("search-posts.json", .posts, cursor: "2026-11-21T08:45:00.123456Z")
        #expect(nothingNew.items.isEmpty)
        #expect(nothingNew.cursor == "2026-11-21T08:45:00.123456Z")
    }

    @Test(arguments: [
        ("<html>502</html>", LemmyQuery.ContentType.posts, "api: malformed response: lemmy: not JSON"),
        (#"{"type_":"Posts"}"#, .posts, "api: unexpected response: lemmy: no 'posts' array"),
        (#"{"posts":[]}"#, .comments, "api: unexpected response: lemmy: no 'comments' array"),
        (#"{"posts":{"creator":{}}}"#, .posts, "api: unexpected response: lemmy: wrong type at 'posts'"),
        (#"{"error":"rate_limit_error"}"#, .posts, "api: unexpected response: lemmy: no 'posts' array"),
    ])
    func bodiesThatAreNotLemmyJSONFailWithAClearMessage(
        _ text: String, _ type: LemmyQuery.ContentType, _ message: String
    ) {
        let adapter = adapter(type)
        #expect {
            try adapter.read(
                APIFixture.body(text, url: Self.base), request: adapter.firstRequest(cursor: nil, oldest: Self.oldest),
                cursor: nil)
        } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }

    @Test(arguments: [
        ("alice", "https://lemmy.world/u/alice", "lemmy:@alice@lemmy.world"),
        ("bob", nil, "lemmy:@bob"),
    ])
    func authorsAreQualifiedByTheirHomeInstance(_ name: String, _ actor: String?, _ expected: String) {
        #expect(LemmyAdapter.author(LemmySearchResponse.Person(name: name, actorID: actor)) == expected)
    }
}
