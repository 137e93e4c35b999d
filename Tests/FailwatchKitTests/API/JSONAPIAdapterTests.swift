// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchKit
import Foundation
import Testing

/// The `json` kind: an API mapped in feeds.yml alone, read through JSON pointers.
@Suite struct JSONAPIAdapterTests {
    static let oldest = Date(timeIntervalSince1970: 1_794_000_000)
    static let reddit = """
        name: reddit-de
        kind: json
        url: https://www.reddit.com/r/de/search.json?q=vodafone&sort=new
        items: /data/children
        fields: {id: /data/id, title: /data/title, text: /data/selftext, url: /data/permalink, author: /data/author, time: /data/created_utc}
        time_format: unix
        author_prefix: "reddit:u/"
        """

    func adapter(_ yaml: String) throws -> JSONAPIAdapter {
        let source = try #require(try APIFixture.config(yaml).sources.first)
        guard case .json(let query) = source.query else { throw APIError.refused("not a json source") }
        return JSONAPIAdapter(url: source.url, query: query)
    }

    func read(_ adapter: JSONAPIAdapter, _ text: String, cursor: String? = nil, request: FetchRequest? = nil) throws
        -> APIPage
    {
        let request = request ?? adapter.firstRequest(cursor: cursor, oldest: Self.oldest)
        return try adapter.read(APIFixture.body(text, url: request.url), request: request, cursor: cursor)
    }

    @Test func redditListingYieldsItsGoldenPosts() throws {
        let adapter = try adapter(Self.reddit)
        let text = String(decoding: try APIFixture.data("json/reddit-listing.json"), as: UTF8.self)
        try APIFixture.expectGolden(try read(adapter, text).items, fixture: "json/reddit-listing.json")
    }

    @Test(
        arguments: [
            ("unix", "1795251300", "2026-11-21T08:55:00Z"),
            ("unix", "1795251300.5", "2026-11-21T08:55:00Z"),
            ("unix_ms", "1795251300000", "2026-11-21T08:55:00Z"),
            ("iso8601", #""2026-11-21T09:55:00+01:00""#, "2026-11-21T08:55:00Z"),
            ("'dd.MM.yyyy HH:mm'", #""21.11.2026 08:55""#, "2026-11-21T08:55:00Z"),
            ("unix", #""not a time""#, nil),
        ] as [(String, String, String?)])
    func timeFormatsAreRead(_ format: String, _ value: String, _ expected: String?) throws {
        let adapter = try adapter(
            "name: t\nkind: json\nurl: https://api.example/posts\nfields: {text: /t, time: /at}\ntime_format: \(format)"
        )
        let page = try read(adapter, #"[{"t":"Vodafone down","at":\#(value)}]"#)
        #expect(page.items.first?.published.map(FeedDate.iso8601UTC) == expected)
    }

    /// An `author` pointer no item answers would make every post its own person: one warning
    /// line names the pointer; a page where some items have an author is fine.
    @Test func anAuthorPointerThatMatchesNoItemWarnsOnce() throws {
        let adapter = try adapter("name: t\nkind: json\nurl: https://api.example/posts\nfields: {text: /t, author: /user/name}")
        let page = try read(adapter, #"[{"t":"Vodafone down","user":{"login":"a"}},{"t":"Vodafone weg","user":{"login":"b"}}]"#)
        #expect(page.items.count == 2 && page.items.allSatisfy { $0.author == nil })
        #expect(page.warnings == ["author pointer '/user/name' matched no item: posts stored without an author, each counted as its own person"])
        let mixed = try read(adapter, #"[{"t":"Vodafone down","user":{"name":"a"}},{"t":"Vodafone weg"}]"#)
        #expect(mixed.warnings.isEmpty)
        let empty = try read(adapter, "[]")
        #expect(empty.warnings.isEmpty)
    }

    @Test func tokenPagingSendsTheResponseTokenBack() throws {
        let adapter = try adapter(Self.reddit + "\nnext: {param: after, token: /data/after}")
        let text = String(decoding: try APIFixture.data("json/reddit-listing.json"), as: UTF8.self)
        let page = try read(adapter, text)
        #expect(page.next.map { APIFixture.query($0.url) } == ["q": "vodafone", "sort": "new", "after": "t3_abc123"])
        // The same token again means the API has no more.
        #expect(try read(adapter, text, request: page.next).next == nil)
    }

    @Test func pageNumbersCountUpUntilAnEmptyPage() throws {
        let adapter = try adapter(
            "name: p\nkind: json\nurl: https://api.example/posts\nitems: /results\nfields: {text: /t}\nnext: {param: page, start: 1}"
        )
        let first = adapter.firstRequest(cursor: nil, oldest: Self.oldest)
        #expect(APIFixture.query(first.url)["page"] == "1")
        let page = try read(adapter, #"{"results":[{"t":"a"}]}"#, request: first)
        #expect(page.next.map { APIFixture.query($0.url)["page"] } == "2")
        #expect(try read(adapter, #"{"results":[]}"#, request: page.next).next == nil)
    }

    @Test func nextURLInTheResponseIsFollowedRelativeToThePage() throws {
        let adapter = try adapter(
            "name: u\nkind: json\nurl: https://api.example/v1/posts\nitems: /data\nfields: {text: /t}\nnext: {url: /links/next}"
        )
        let page = try read(adapter, #"{"data":[{"t":"a"}],"links":{"next":"/v1/posts?cursor=xyz"}}"#)
        #expect(page.next?.url.absoluteString == "https://api.example/v1/posts?cursor=xyz")
        #expect(try read(adapter, #"{"data":[{"t":"a"}],"links":{"next":null}}"#).next == nil)
    }

    @Test func cursorParameterCarriesTheNewestValueAndOlderItemsAreDropped() throws {
        let adapter = try adapter(Self.reddit + "\ncursor: {param: since}")
        #expect(APIFixture.query(adapter.firstRequest(cursor: nil, oldest: Self.oldest).url)["since"] == nil)
        let text = String(decoding: try APIFixture.data("json/reddit-listing.json"), as: UTF8.self)
        let first = try read(adapter, text)
        #expect(first.cursor == "1795251300")
        #expect(
            APIFixture.query(adapter.firstRequest(cursor: first.cursor, oldest: Self.oldest).url)["since"]
                == "1795251300")
        let again = try read(adapter, text, cursor: "1795250100")
        #expect(again.items.map(\.id) == ["abc125", "abc123"])
        #expect(again.cursor == "1795251300")
    }

    @Test(
        arguments: [
            (
                "items: /data/children", #"{"data":{}}"#,
                "api: unexpected response: json: nothing at items pointer '/data/children'"
            ),
            (
                "items: /data", #"{"data":{"a":1}}"#,
                "api: unexpected response: json: items pointer '/data' names an object, not an array"
            ),
            ("items: /data", "<html>login</html>", "api: malformed response: json: not JSON"),
            ("items: /data", #"{"data":[1,"x",null]}"#, nil),
        ] as [(String, String, String?)])
    func responsesWithoutTheConfiguredItemsFailClearly(_ items: String, _ body: String, _ message: String?) throws {
        let adapter = try adapter("name: e\nkind: json\nurl: https://api.example/x\n\(items)\nfields: {text: /t}")
        if let message {
            #expect {
                try read(adapter, body)
            } throws: { error in
                "\(error)".hasPrefix(message)
            }
        } else {
            #expect(try read(adapter, body).items.isEmpty)
        }
    }

    @Test func hugePageIsReadWholeAndEmptyPageYieldsNothing() throws {
        let adapter = try adapter(Self.reddit)
        let children = (0..<5_000).map {
            #"{"data":{"id":"p\#($0)","title":"Vodafone \#($0)","created_utc":\#(1_795_251_000 - $0),"extra":[{"x":null}]}}"#
        }
        let page = try read(adapter, #"{"data":{"children":["# + children.joined(separator: ",") + "]}}")
        #expect(page.items.count == 5_000)
        #expect(page.items.last?.id == "p4999")
        #expect(try read(adapter, #"{"data":{"children":[]}}"#).items.isEmpty)
    }
}
