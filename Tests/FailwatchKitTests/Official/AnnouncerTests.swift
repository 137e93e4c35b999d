// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchFetch
@testable import FailwatchKit
@testable import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// Posting a statement through the provider's own account: Bluesky's session and record, and the
/// one line a refusal or a missing secret gives, never the secret.
@Suite struct AnnouncerTests {
    static let now = Date(timeIntervalSince1970: 1_795_252_320)  // 2026-11-21T09:12:00Z

    static func source(_ server: LoopbackServer, kind: String, announce: String, environment: [String: String]) throws
        -> SourceConfig
    {
        let config = try FeedsConfig.parse(
            yaml: """
                version: 1
                providers:
                  - name: LIWEST
                sources:
                  - name: liwest-own
                    kind: \(kind)
                    url: \(server.url("/").absoluteString)
                    account: liwest.bsky.social
                    official: true
                    providers: liwest
                    announce:
                \(announce)
                """,
            fileName: "feeds.yml", baseDirectory: FileManager.default.temporaryDirectory, environment: environment)
        return try #require(config.sources.first)
    }

    @Test func blueskyOpensASessionAndCreatesThePostRecord() async throws {
        try await LoopbackServer.with { server in
            server.route(
                "/xrpc/com.atproto.server.createSession",
                .text(
                    #"{"did":"did:plc:liwest123","handle":"liwest.bsky.social","accessJwt":"jwt-access","refreshJwt":"jwt-refresh","active":true}"#,
                    contentType: "application/json"))
            server.route(
                "/xrpc/com.atproto.repo.createRecord",
                .text(
                    #"{"uri":"at://did:plc:liwest123/app.bsky.feed.post/3lbqzw2x7ak2s","cid":"bafyreib2rxk3rh6kzwq","commit":{"cid":"bafy","rev":"3lbq"},"validationStatus":"valid"}"#,
                    contentType: "application/json"))
            let source = try Self.source(
                server, kind: "bluesky",
                announce:
                    "      handle: liwest.bsky.social\n      app_password: ${BSKY_APP_PASSWORD}\n      pds: \(server.url("/").absoluteString)",
                environment: ["BSKY_APP_PASSWORD": "abcd-efgh-ijkl-mnop"])
            let statement = try await Announcer().post(
                "Wir wissen von einer Störung bei Internet in Linz.", language: "de", via: source, providerID: "liwest",
                key: "k", now: Self.now)

            let login = try #require(server.requests(to: "/xrpc/com.atproto.server.createSession").first)
            let loginBody = try #require(try JSONSerialization.jsonObject(with: login.body) as? [String: String])
            #expect(loginBody == ["identifier": "liwest.bsky.social", "password": "abcd-efgh-ijkl-mnop"])
            let create = try #require(server.requests(to: "/xrpc/com.atproto.repo.createRecord").first)
            #expect(create.header("Authorization") == "Bearer jwt-access")
            let body = try #require(try JSONSerialization.jsonObject(with: create.body) as? [String: Any])
            let record = try #require(body["record"] as? [String: Any])
            #expect(body["repo"] as? String == "did:plc:liwest123")
            #expect(body["collection"] as? String == "app.bsky.feed.post")
            #expect(record["$type"] as? String == "app.bsky.feed.post")
            #expect(record["text"] as? String == "Wir wissen von einer Störung bei Internet in Linz.")
            #expect(record["createdAt"] as? String == "2026-11-21T09:12:00Z")
            #expect(record["langs"] as? [String] == ["de"])
            #expect(statement.externalID == "at://did:plc:liwest123/app.bsky.feed.post/3lbqzw2x7ak2s")
            #expect(statement.url == "https://bsky.app/profile/liwest.bsky.social/post/3lbqzw2x7ak2s")
            #expect(statement.providerID == "liwest")
            #expect(statement.createdAt == Self.now)
        }
    }

    @Test func aWrongAppPasswordIsOneLineWithoutTheSecret() async throws {
        try await LoopbackServer.with { server in
            server.route(
                "/xrpc/com.atproto.server.createSession",
                LoopbackResponse(
                    status: 401, headers: ["Content-Type": "application/json"],
                    body: #"{"error":"AuthenticationRequired","message":"Invalid identifier or password"}"#))
            let source = try Self.source(
                server, kind: "bluesky",
                announce:
                    "      handle: liwest.bsky.social\n      app_password: ${BSKY_APP_PASSWORD}\n      pds: \(server.url("/").absoluteString)",
                environment: ["BSKY_APP_PASSWORD": "abcd-efgh-ijkl-mnop"])
            await #expect {
                try await Announcer().post(
                    "x", language: nil, via: source, providerID: "liwest", key: "k", now: Self.now)
            } throws: { error in
                let line = (error as? Announcer.Failure)?.description ?? ""
                return line == "announce: liwest-own: http 401: AuthenticationRequired: Invalid identifier or password;"
                    + " hint: the token or app password was refused (expired, revoked or mistyped)"
                    && !line.contains("abcd")
            }
            #expect(server.requests(to: "/xrpc/com.atproto.repo.createRecord").isEmpty)
        }
    }

    @Test func anUnsetSecretLeavesThePollAloneAndAnnounceSaysWhichVariable() async throws {
        try await LoopbackServer.with { server in
            let source = try Self.source(
                server, kind: "bluesky",
                announce: "      handle: liwest.bsky.social\n      app_password: ${BSKY_APP_PASSWORD}", environment: [:]
            )
            #expect(source.announce == nil)
            await #expect {
                try await Announcer().post(
                    "x", language: nil, via: source, providerID: "liwest", key: "k", now: Self.now)
            } throws: { error in
                (error as? Announcer.Failure)?.description
                    == "announce: source 'liwest-own' cannot post: BSKY_APP_PASSWORD is not set"
                    + " (needed by 'app_password' in 'announce' in source 'liwest-own')"
            }
            #expect(server.requests.isEmpty)
        }
    }
}
