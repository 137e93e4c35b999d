// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchFetch
@testable import FailwatchKit
@testable import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// The provider's Instagram, Threads and Bluesky accounts through whole `PollRun`s on loopback:
/// customers' comments and replies become posts, the provider's captions, threads and posts its
/// statements, and the alert's last word names the channel.
@Suite struct MetaAccountsTests {
    static let now = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z

    static func fixture(_ path: String) throws -> String {
        try String(contentsOf: APIFixtures.folder.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func instagramThreadsAndBlueskyAccountsGivePostsAndStatements() async throws {
        try await LoopbackServer.with { server in
            let json = "application/json"
            // The media page without a next page, so one run reads it whole.
            let media = try Self.fixture("instagram/media-page.json")
                .replacingOccurrences(
                    of:
                        #""next": "https://graph.facebook.com/v21.0/17841405822304914/media?access_token=EAAsecret&fields=id%2Ccaption&limit=25&after=QVFIUmFmdGVybWVkaWE""#,
                    with: #""previous": "x""#)
            server.route("/v21.0/17841405822304914/media", .text(media, contentType: json))
            server.route("/v1.0/me/threads", .text(try Self.fixture("threads/me-threads.json"), contentType: json))
            server.route(
                "/v1.0/18061111111111111/conversation",
                .text(try Self.fixture("threads/conversation.json"), contentType: json))
            server.route(
                "/xrpc/app.bsky.feed.getAuthorFeed",
                .text(
                    #"{"feed":[{"post":{"uri":"at://did:plc:liwest/app.bsky.feed.post/3lbr","cid":"c1","author":{"did":"did:plc:liwest","handle":"liwest.bsky.social"},"record":{"$type":"app.bsky.feed.post","text":"Störung in Linz behoben, danke für eure Geduld.","createdAt":"2026-11-21T08:59:00.000Z","langs":["de"]},"indexedAt":"2026-11-21T08:59:01.000Z"}},"#
                        + #"{"post":{"uri":"at://did:plc:other/app.bsky.feed.post/3lbq","cid":"c2","author":{"did":"did:plc:other","handle":"fan.bsky.social"},"record":{"text":"reposted words","createdAt":"2026-11-21T08:58:00.000Z"},"indexedAt":"2026-11-21T08:58:00.000Z"},"reason":{"$type":"app.bsky.feed.defs#reasonRepost","by":{"did":"did:plc:liwest","handle":"liwest.bsky.social"},"indexedAt":"2026-11-21T08:58:30.000Z"}}],"cursor":"2026-11-21T08:58:00.000Z"}"#,
                    contentType: json))
            let config = try FeedsConfig.parse(
                yaml: """
                    version: 1
                    providers:
                      - name: LIWEST
                    sources:
                      - name: liwest-instagram
                        kind: instagram
                        url: \(server.url("/v21.0").absoluteString)
                        account_id: "17841405822304914"
                        token: ${IG_TOKEN}
                        providers: liwest
                      - name: liwest-threads
                        kind: threads
                        url: \(server.url("/v1.0").absoluteString)
                        token: ${THREADS_TOKEN}
                        providers: liwest
                      - name: liwest-bluesky
                        kind: bluesky
                        url: \(server.url("/").absoluteString)
                        account: liwest.bsky.social
                        official: true
                        providers: liwest
                    """,
                fileName: "feeds.yml", baseDirectory: FileManager.default.temporaryDirectory,
                environment: ["IG_TOKEN": "ig-secret", "THREADS_TOKEN": "th-secret"])
            let store = try AppDatabase.inMemory()

            let summary = try await OfficialSourcesTests.poll(config, store: store, at: Self.now)

            #expect(summary.sources.map(\.outcomeName) == ["ok", "ok", "ok"], "\(summary.sources.map(\.problem))")
            // Instagram: 4 customers' comments; Threads: 2 customers' replies; Bluesky: none (official).
            #expect(summary.postsNew == 4 + 2)
            #expect(
                server.requests(to: "/v21.0/17841405822304914/media").first?.header("Authorization")
                    == "Bearer ig-secret")
            #expect(
                server.requests(to: "/v1.0/18061111111111111/conversation").first?.header("Authorization")
                    == "Bearer th-secret")
            #expect(!"\(summary)".contains("ig-secret") && !"\(summary)".contains("th-secret"))
            let statements = try store.statements(
                providerID: "liwest", from: Self.now - 7 * 86_400, to: Self.now + 3_600)
            #expect(Set(statements.map(\.sourceName)) == ["liwest-instagram", "liwest-threads", "liwest-bluesky"])
            #expect(!statements.contains { $0.title.contains("reposted words") })
            // The newest word: the Threads reply at 09:10 is after now; the Bluesky post at 08:59 is the last one said.
            let state = await OfficialCheck(config: config, store: store, fetcher: Fetcher()).state(
                for: "liwest", at: Self.now)
            #expect(state.lastOfficialChannel == "Bluesky")
            #expect(state.lastOfficialText == "Störung in Linz behoben, danke für eure Geduld.")
            let later = await OfficialCheck(config: config, store: store, fetcher: Fetcher())
                .state(for: "liwest", at: Self.now + 3_600)
            #expect(later.lastOfficialChannel == "Threads")
        }
    }
}
