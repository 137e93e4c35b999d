// SPDX-License-Identifier: Apache-2.0
import FailwatchFetch
import FailwatchTestSupport
import Foundation
import Testing

/// Requests with a method and a body (webhooks) through the same client as feeds: the body
/// arrives whole, and redirects treat it as browsers and libcurl do.
@Suite struct HTTPClientTests {
    static let payload = Data(#"{"text":"Störung bei Example, 30 Stimmen"}"#.utf8) + Data(repeating: 0x20, count: 4000)

    @Test(arguments: TransportCase.all)
    func postsTheBodyAndHeadersAsGiven(transport: TransportCase) async throws {
        try await LoopbackServer.with { server in
            server.route("/hook", LoopbackResponse(status: 201, body: "created"))
            let client = HTTPClient(transport: transport.make(), policy: FetchTesting.policy())
            let request = HTTPRequest(
                method: "POST", url: server.url("/hook"), headers: ["Content-Type": "application/json"],
                body: Self.payload)
            let response = try await client.send(request).get()
            #expect(response.status == 201)
            #expect(response.body == Data("created".utf8))
            let sent = try #require(server.requests(to: "/hook").first)
            #expect(sent.method == "POST")
            #expect(sent.body == Self.payload)
            #expect(sent.header("Content-Type") == "application/json")
            #expect(sent.header("User-Agent") == FetchPolicy.defaultUserAgent)
        }
    }

    /// 307/308 repeat the request as it was; a 303 (and a 301/302 after a POST) continue as a GET.
    @Test(arguments: TransportCase.all, [(307, "PATCH"), (308, "POST"), (303, "GET"), (302, "GET"), (301, "GET")])
    func redirectsKeepOrDropTheBody(transport: TransportCase, hop: (status: Int, method: String)) async throws {
        try await LoopbackServer.with { server in
            server.route("/old", .redirect(to: server.url("/new").absoluteString, status: hop.status))
            server.route("/new", .text("ok"))
            let client = HTTPClient(transport: transport.make(), policy: FetchTesting.policy())
            let method = hop.status == 307 ? "PATCH" : "POST"
            let request = HTTPRequest(method: method, url: server.url("/old"), body: Self.payload)
            let response = try await client.send(request).get()
            #expect(response.url == server.url("/new"))
            let sent = try #require(server.requests(to: "/new").first)
            #expect(sent.method == hop.method)
            #expect(sent.body == (hop.method == "GET" ? Data() : Self.payload))
        }
    }

    /// Validators follow a redirect to another host (they are no secret); credentials do not.
    @Test(arguments: TransportCase.all)
    func validatorsButNotCredentialsCrossOrigins(transport: TransportCase) async throws {
        try await LoopbackServer.with { server in
            server.route("/start", .redirect(to: "http://localhost:\(server.port)/feed"))
            server.route("/feed", .text("ok"))
            let client = HTTPClient(transport: transport.make(), policy: FetchTesting.policy())
            let request = HTTPRequest(
                url: server.url("/start"),
                headers: ["If-None-Match": "\"v1\"", "X-Api-Key": "SECRET", "Cookie": "session=SECRET"])
            _ = try await client.send(request).get()
            let sent = try #require(server.requests(to: "/feed").first)
            #expect(sent.header("If-None-Match") == "\"v1\"")
            #expect(sent.header("X-Api-Key") == nil)
            #expect(sent.header("Cookie") == nil)
        }
    }
}
