// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchKit
import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// Status pages and `official: true` sources through a whole poll run, against loopback
/// servers, then read back by ``OfficialCheck`` the way an alert would.
@Suite struct OfficialSourcesTests {
    static let now = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: StatusPageReaderTests.folder.appendingPathComponent(name), encoding: .utf8)
    }

    static func config(sources: String, providerExtra: String = "") throws -> FeedsConfig {
        try FeedsConfig.parse(
            yaml: """
                version: 1
                providers:
                  - name: Examplenet
                \(providerExtra)
                  - name: Vodafone
                sources:
                \(sources)
                """,
            fileName: "feeds.yml", baseDirectory: FileManager.default.temporaryDirectory, environment: [:])
    }

    /// Examplenet's status page at `url` as the only source.
    static func statusPageConfig(_ url: URL) throws -> FeedsConfig {
        try config(
            sources: """
                  - name: examplenet-status
                    kind: statuspage
                    url: \(url.absoluteString)
                    providers: [examplenet]
                """)
    }

    static func poll(_ config: FeedsConfig, store: AppDatabase, at now: Date) async throws -> RunSummary {
        let run = PollRun(
            config: config, store: store, fetcher: URLSessionFetcher(policy: FetchPolicy(config.fetch)),
            classifier: Classifier(providers: config.providers.map(ProviderTerms.init)), now: now)
        return try await run.run()
    }

    @Test func statusPageIncidentIsAStatementUntilThePageResolvesIt() async throws {
        try await LoopbackServer.with { server in
            let json = ["Content-Type": "application/json"]
            server.route(
                "/api/v2/summary.json",
                sequence: [
                    LoopbackResponse(headers: json, body: try Self.fixture("summary-incident.json")),
                    LoopbackResponse(headers: json, body: try Self.fixture("summary-operational.json")),
                ])
            server.route(
                "/api/v2/incidents.json",
                sequence: [
                    LoopbackResponse(headers: json, body: "{\"incidents\": []}"),
                    LoopbackResponse(headers: json, body: try Self.fixture("incidents.json")),
                ])
            let config = try Self.config(
                sources: """
                      - name: examplenet-status
                        kind: statuspage
                        url: \(server.url("/").absoluteString)
                        providers: examplenet
                    """)
            let store = try AppDatabase.inMemory()
            let check = OfficialCheck(config: config, store: store, fetcher: URLSessionFetcher())

            let first = try await Self.poll(config, store: store, at: Self.now)
            let during = await check.state(for: "examplenet", at: Self.now + 60)
            let second = try await Self.poll(config, store: store, at: Self.now + 600)
            let after = await check.state(for: "examplenet", at: Self.now + 660)

            #expect(first.sourcesOK == 1 && second.sourcesOK == 1)
            // Not complaints: nothing went through the classifier into the post table.
            #expect(try store.postCount() == 0)
            #expect(during.statusPage == "DSL outage in Berlin (identified, major)")
            // When the incident was created, not when the page or the incident was last touched.
            #expect(during.lastOfficialPost == FeedDate.parse("2026-11-21T07:31:44Z"))
            #expect(!during.isGreen)
            #expect(after.statusPage == AlertMessage.OfficialState.allOperational)
            #expect(after.isGreen)
            let rows = try store.statements(providerID: "examplenet", from: Self.now - 30 * 86_400, to: Self.now + 86_400)
            #expect(rows.filter { $0.externalID == "p31zjtct2jer" }.count == 1)
            #expect(rows.first { $0.externalID == "p31zjtct2jer" }?.status == "resolved")
            #expect(rows.filter { $0.kind == .status }.map(\.status) == ["none"])
            #expect(try store.firstOfficialWord(providerID: "examplenet", after: Self.now - 7200)
                == FeedDate.parse("2026-11-21T07:31:44Z"))
        }
    }

    @Test func anIncidentASummaryNoLongerListsHasEnded() async throws {
        try await LoopbackServer.with { server in
            server.route(
                "/summary.json",
                sequence: [.text(try Self.fixture("summary-incident.json")), .text(try Self.fixture("summary-operational.json"))])
            let config = try Self.statusPageConfig(server.url("/summary.json"))
            let store = try AppDatabase.inMemory()
            let check = OfficialCheck(config: config, store: store, fetcher: URLSessionFetcher())

            _ = try await Self.poll(config, store: store, at: Self.now)
            let during = await check.state(for: "examplenet", at: Self.now)
            _ = try await Self.poll(config, store: store, at: Self.now + 600)
            let after = await check.state(for: "examplenet", at: Self.now + 600)

            #expect(during.statusPage == "DSL outage in Berlin (identified, major)")
            #expect(after.statusPage == "all operational")
            // A page not read for long says nothing about the present.
            let stale = await check.state(for: "examplenet", at: Self.now + 86_400)
            #expect(stale.statusPage?.hasPrefix("unknown (examplenet-status last read 2026-11-21T09:10:00Z") == true)
            #expect(!stale.isGreen)
            // Another provider has no status page watched.
            #expect(await check.state(for: "vodafone", at: Self.now).statusPage == nil)
        }
    }

    /// A green page's `updated_at` (09:30 here) is no word: the provider has said nothing.
    @Test func aGreenPageTouchedLatelyIsNoOfficialWord() async throws {
        try await LoopbackServer.with { server in
            server.route("/summary.json", .text(try Self.fixture("summary-operational.json")))
            let config = try Self.statusPageConfig(server.url("/summary.json"))
            let store = try AppDatabase.inMemory()
            _ = try await Self.poll(config, store: store, at: Self.now + 3600)
            let state = await OfficialCheck(config: config, store: store, fetcher: URLSessionFetcher())
                .state(for: "examplenet", at: Self.now + 3600)

            #expect(state.statusPage == "all operational")
            #expect(state.lastOfficialPost == nil)
        }
    }

    @Test func officialFeedPostsAreStatementsNotComplaints() async throws {
        try await LoopbackServer.with { server in
            server.feed(
                "/press",
                body: PollRunTests.rss([
                    ("n1", "Examplenet Störung in Berlin: wir arbeiten mit Hochdruck an der Behebung", "Sat, 21 Nov 2026 08:40:00 +0000"),
                    ("n2", "Neue Tarife ab Dezember", "Sat, 21 Nov 2026 07:00:00 +0000"),
                ]))
            let config = try Self.config(
                sources: """
                      - name: examplenet-press
                        url: \(server.url("/press").absoluteString)
                        providers: examplenet
                        official: true
                    """)
            let store = try AppDatabase.inMemory()

            _ = try await Self.poll(config, store: store, at: Self.now)
            _ = try await Self.poll(config, store: store, at: Self.now + 600)
            let state = await OfficialCheck(config: config, store: store, fetcher: URLSessionFetcher())
                .state(for: "examplenet", at: Self.now + 600)

            #expect(try store.postCount() == 0)
            let rows = try store.statements(providerID: "examplenet", from: Self.now - 86_400, to: Self.now + 86_400)
            #expect(rows.map(\.kind) == [.post, .post])
            #expect(rows.map(\.externalID) == ["n2", "n1"])
            #expect(state.lastOfficialPost == FeedDate.parse("2026-11-21T08:40:00Z"))
            #expect(state.statusPage == nil)
            #expect(state.isGreen)
        }
    }
}
