// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchKit
import FailwatchTestSupport
import Foundation
import Testing

/// Redirects are followed a bounded number of times, loops are caught, and errors never print secrets.
@Suite struct FetchRedirectTests {
    let fetcher = URLSessionFetcher(policy: FetchTesting.policy(maxRedirects: 5))

    @Test(arguments: [301, 302, 307, 308])
    func followsAChainAndReportsTheFinalURL(status: Int) async throws {
        try await LoopbackServer.with { server in
            server.redirectChain(["/old", "/hop1", "/hop2", "/new.xml"], status: status)
            server.feed("/new.xml", body: FetchTesting.rss, etag: "\"v1\"")
            let result = await fetcher.fetch(FetchRequest(url: server.url("/old"), etag: "\"v0\""))
            let body = try #require(result.body)
            #expect(body.finalURL == server.url("/new.xml"))
            #expect(body.data == Data(FetchTesting.rss.utf8))
            let last = try #require(server.requests(to: "/new.xml").first)
            #expect(last.header("User-Agent") == FetchPolicy.defaultUserAgent)
            #expect(last.header("If-None-Match") == "\"v0\"")
        }
    }

    @Test func exactlyTheLimitIsFollowed() async throws {
        try await LoopbackServer.with { server in
            server.redirectChain(["/0", "/1", "/2", "/3", "/4", "/5"])
            server.route("/5", .text("arrived"))
            let result = await fetcher.fetch(FetchRequest(url: server.url("/0")))
            #expect(result.body?.finalURL == server.url("/5"))
        }
    }

    @Test func oneHopMoreThanTheLimitFails() async throws {
        try await LoopbackServer.with { server in
            server.redirectChain(["/0", "/1", "/2", "/3", "/4", "/5", "/6"])
            server.route("/6", .text("arrived"))
            let result = await fetcher.fetch(FetchRequest(url: server.url("/0")))
            #expect(result.error == .tooManyRedirects(limit: 5))
            #expect(result.error?.description == "more than 5 redirects")
            #expect(server.requests(to: "/6").isEmpty)
        }
    }

    @Test func detectsALoop() async throws {
        try await LoopbackServer.with { server in
            server.redirectChain(["/a", "/b", "/a"])
            let result = await fetcher.fetch(FetchRequest(url: server.url("/a")))
            #expect(result.error == .redirectLoop(at: "http://127.0.0.1:\(server.port)/a"))
            #expect(result.error?.description == "redirect loop at http://127.0.0.1:\(server.port)/a")
        }
    }

    /// A feed server must not be able to make us read local files. (On Linux, URLSession
    /// keeps the origin and only takes the path from a `file:` Location; elsewhere the
    /// delegate refuses the hop. Either way the file's bytes never come back.)
    @Test func neverFollowsARedirectToALocalFile() async throws {
        let file = try FetchStatusTests.temporaryFile("local secret")
        defer { try? FileManager.default.removeItem(at: file) }
        try await LoopbackServer.with { server in
            server.route("/feed", .redirect(to: file.absoluteString))
            let result = await fetcher.fetch(FetchRequest(url: server.url("/feed")))
            #expect(result.body == nil)
            #expect(result.error != nil)
        }
    }

    @Test func credentialsStayWithTheOriginalHost() async throws {
        try await LoopbackServer.with { server in
            // Same server, other host name: the Authorization header must not follow.
            server.route("/start", .redirect(to: "http://localhost:\(server.port)/elsewhere"))
            server.route("/elsewhere", .text("ok"))
            let result = await fetcher.fetch(
                FetchRequest(
                    url: server.url("/start"), headers: ["Authorization": "Bearer SECRET", "User-Agent": "custom/1"]))
            #expect(result.body?.data == Data("ok".utf8))
            let final = try #require(server.requests(to: "/elsewhere").first)
            #expect(final.header("Authorization") == nil)
            #expect(final.header("User-Agent") == FetchPolicy.defaultUserAgent)
        }
    }

    /// Tokens often ride in query strings; no error text may repeat them.
    @Test func errorsNeverEchoTheQueryString() async throws {
        try await LoopbackServer.with { server in
            server.redirectChain(["/loop", "/loop2", "/loop?token=SECRET"])
            server.route("/gone", LoopbackResponse(status: 410))
            server.route("/file", .redirect(to: "ftp://example.org/x?token=SECRET"))
            let refusing = try RefusedPort()
            defer { refusing.close() }
            let refused = refusing.url("/feed?token=SECRET")
            let urls = [
                server.url("/loop?token=SECRET"), server.url("/gone?token=SECRET"), server.url("/file?token=SECRET"),
                refused, try #require(URL(string: "http://user:SECRET@no-such-host.invalid/?token=SECRET")),
            ]
            for url in urls {
                let error = try #require(await fetcher.fetch(FetchRequest(url: url)).error)
                #expect(!error.description.contains("SECRET"), "\(error)")
            }
        }
    }
}
