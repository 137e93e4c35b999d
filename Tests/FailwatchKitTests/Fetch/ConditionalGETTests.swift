// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchKit
import FailwatchTestSupport
import Foundation
import Testing

/// Conditional GET against a real server, in the manner of Miniflux's `TestIsModified`.
@Suite struct ConditionalGETTests {
    let fetcher = URLSessionFetcher(policy: FetchTesting.policy())

    @Test func firstFetchReturnsBodyAndValidators() async throws {
        try await LoopbackServer.with { server in
            server.feed(
                "/feed.xml", body: FetchTesting.rss, etag: "\"v1\"", lastModified: "Sat, 21 Nov 2026 10:00:00 GMT")
            let result = await fetcher.fetch(FetchRequest(url: server.url("/feed.xml")))
            let body = try #require(result.body)
            #expect(String(decoding: body.data, as: UTF8.self) == FetchTesting.rss)
            #expect(body.etag == "\"v1\"")
            #expect(body.lastModified == "Sat, 21 Nov 2026 10:00:00 GMT")
            #expect(body.contentType == "application/rss+xml; charset=utf-8")
            #expect(body.status == 200)
            #expect(body.finalURL == server.url("/feed.xml"))
            let sent = try #require(server.requests(to: "/feed.xml").first)
            #expect(sent.header("If-None-Match") == nil)
            #expect(sent.header("If-Modified-Since") == nil)
        }
    }

    @Test func secondFetchWithStoredValidatorsIsNotModified() async throws {
        try await LoopbackServer.with { server in
            server.feed(
                "/feed.xml", body: FetchTesting.rss, etag: "\"v1\"", lastModified: "Sat, 21 Nov 2026 10:00:00 GMT")
            let first = try #require(await fetcher.fetch(FetchRequest(url: server.url("/feed.xml"))).body)
            let second = await fetcher.fetch(
                FetchRequest(url: server.url("/feed.xml"), etag: first.etag, lastModified: first.lastModified))
            #expect(second == .notModified(etag: "\"v1\"", lastModified: "Sat, 21 Nov 2026 10:00:00 GMT"))
            let sent = try #require(server.requests(to: "/feed.xml").last)
            #expect(sent.header("If-None-Match") == "\"v1\"")
            #expect(sent.header("If-Modified-Since") == "Sat, 21 Nov 2026 10:00:00 GMT")
        }
    }

    @Test func changedFeedIsFetchedAgain() async throws {
        try await LoopbackServer.with { server in
            server.feed("/feed.xml", body: "new", etag: "\"v2\"")
            let result = await fetcher.fetch(FetchRequest(url: server.url("/feed.xml"), etag: "\"v1\""))
            #expect(result.body?.data == Data("new".utf8))
            #expect(result.body?.etag == "\"v2\"")
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var status: Int
        var responseETag: String?
        var responseLastModified: String?
        var storedETag: String?
        var storedLastModified: String?
        var modified: Bool
        var testDescription: String { name }
    }

    static let monday = "Mon, 16 Nov 2026 08:00:00 GMT"
    static let tuesday = "Tue, 17 Nov 2026 08:00:00 GMT"

    static let cases: [Case] = [
        Case(name: "304 is never modified", status: 304, storedETag: "\"a\"", modified: false),
        Case(name: "200 same etag", status: 200, responseETag: "\"a\"", storedETag: "\"a\"", modified: false),
        Case(name: "200 other etag", status: 200, responseETag: "\"b\"", storedETag: "\"a\"", modified: true),
        Case(
            name: "etag wins over equal last-modified", status: 200, responseETag: "\"b\"",
            responseLastModified: monday, storedETag: "\"a\"", storedLastModified: monday, modified: true),
        Case(
            name: "etag wins over changed last-modified", status: 200, responseETag: "\"a\"",
            responseLastModified: tuesday, storedETag: "\"a\"", storedLastModified: monday, modified: false),
        Case(
            name: "same last-modified without etag", status: 200, responseLastModified: monday,
            storedLastModified: monday, modified: false),
        Case(
            name: "newer last-modified without etag", status: 200, responseLastModified: tuesday,
            storedLastModified: monday, modified: true),
        Case(
            name: "no validators at all", status: 200, storedETag: "\"a\"", storedLastModified: monday, modified: true),
        Case(name: "nothing stored", status: 200, responseETag: "\"a\"", responseLastModified: monday, modified: true),
    ]

    /// The server answers with fixed headers whatever we send, like servers that ignore
    /// `If-None-Match`, so the client's own `IsModified` decision is what is tested.
    @Test(arguments: cases)
    func decidesWhetherTheFeedChanged(_ testCase: Case) async throws {
        try await LoopbackServer.with { server in
            var headers: [String: String] = [:]
            headers["ETag"] = testCase.responseETag
            headers["Last-Modified"] = testCase.responseLastModified
            server.route(
                "/feed.xml",
                LoopbackResponse(status: testCase.status, headers: headers, body: testCase.status == 304 ? "" : "body"))
            let result = await fetcher.fetch(
                FetchRequest(
                    url: server.url("/feed.xml"), etag: testCase.storedETag, lastModified: testCase.storedLastModified))
            if testCase.modified {
                #expect(result.body?.data == Data("body".utf8))
            } else {
                // Validators come from the response when it has them, else from the request.
                #expect(
                    result
                        == .notModified(
                            etag: testCase.responseETag ?? testCase.storedETag,
                            lastModified: testCase.responseLastModified ?? testCase.storedLastModified))
            }
        }
    }
}
