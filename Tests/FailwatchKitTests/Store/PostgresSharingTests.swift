// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchKit
import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// Several pollers on one PostgreSQL store: each source fetched by one, each alert claimed by
/// one, each provider's detection run by one; a killed poller's lease runs out. Needs a server
/// (`FAILWATCH_TEST_POSTGRES_URL`, `.ci/postgres.sh`); skipped without one.
@Suite(.enabled(if: TestStore.postgresURL != nil, "set FAILWATCH_TEST_POSTGRES_URL to run against PostgreSQL"))
struct PostgresSharingTests {
    let now = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z

    /// Three connections (three pollers) on one new schema.
    func pollers(_ count: Int = 3, lease: TimeInterval = 300) async throws -> [PostgresStore] {
        let schema = TestStore.newSchema()
        var stores: [PostgresStore] = []
        for _ in 0..<count { stores.append(try await TestStore.postgres(schema: schema, lease: lease)) }
        return stores
    }

    func schedules(_ count: Int) -> [SourceSchedule] {
        (0..<count).map { SourceSchedule(name: "s\($0)", kind: "feed", url: "http://127.0.0.1/s\($0)", interval: 60) }
    }

    @Test func pollersClaimingTogetherShareTheSourcesWithoutOverlap() async throws {
        let stores = try await pollers()
        let sources = schedules(60)

        let claims = try await withThrowingTaskGroup(of: [String].self) { group in
            for store in stores { group.addTask { try await store.claimDueSources(sources, now: now, limit: 60).due } }
            return try await group.reduce(into: [[String]]()) { $0.append($1) }
        }

        let all = claims.flatMap { $0 }
        #expect(all.count == 60 && Set(all).count == 60, "every source leased once: \(claims.map(\.count))")
    }

    @Test func aKilledPollerHoldsItsBatchUntilTheLeaseRunsOut() async throws {
        let stores = try await pollers(2, lease: 120)
        let sources = schedules(5)
        // The first poller never records: it was killed mid-fetch.
        let killed = try await stores[0].claimDueSources(sources, now: now, limit: 2)

        let meanwhile = try await stores[1].claimDueSources(sources, now: now.addingTimeInterval(60), limit: 5)
        let beforeLease = try await stores[1].claimDueSources(sources, now: now.addingTimeInterval(119), limit: 5)
        let afterLease = try await stores[1].claimDueSources(sources, now: now.addingTimeInterval(121), limit: 5)

        #expect(killed.due == ["s0", "s1"])
        #expect(meanwhile.due == ["s2", "s3", "s4"], "the rest is not held by the killed poller's batch")
        #expect(beforeLease.due.isEmpty)
        #expect(afterLease.due == ["s0", "s1"], "the killed poller's batch comes back; the other lease still holds")
    }

    @Test func eachConversationIsClaimedByOnePoller() async throws {
        let stores = try await pollers(2)
        var message = AlertMessage.sample(
            provider: .init(id: "vodafone", name: "Vodafone"), now: now, timeZoneID: "UTC")
        let alerts = (0..<2).map { update in
            message.updateNumber = update
            return OutboxEntry(sinkName: "chat", message: message, createdAt: now, nextAttemptAt: now)
        }
        try await stores[0].saveDetection(
            provider: "vodafone",
            checkpoint: DetectionCheckpoint(
                provider: "vodafone", settings: DetectorSettings(), incidentSettings: IncidentSettings(), start: now),
            incidents: [], alerts: alerts, at: now)

        let first = try await stores[0].claimPendingAlerts(now: now)
        let second = try await stores[1].claimPendingAlerts(now: now)
        try await stores[0].releaseAlerts(first.compactMap(\.id))
        let afterRelease = try await stores[1].claimPendingAlerts(now: now)

        #expect(first.count == 2)
        #expect(second.isEmpty, "the other poller holds the conversation")
        #expect(afterRelease.count == 2)
    }

    @Test func detectionOfAProviderIsOnePollersUntilReleasedOrDisconnected() async throws {
        let schema = TestStore.newSchema()
        let first = try await TestStore.postgres(schema: schema)
        let second = try await TestStore.postgres(schema: schema)
        let held = try await first.claimDetection(providers: ["telekom", "vodafone"])
        let other = try await second.claimDetection(providers: ["telekom", "vodafone"])
        await held.release()
        let released = try await second.claimDetection(providers: ["vodafone"])
        await released.release()
        try await Self.dieHolding("vodafone", schema: schema)
        var afterDeath: [String] = []
        for _ in 0..<50 where afterDeath.isEmpty {
            let claim = try await second.claimDetection(providers: ["vodafone"])
            afterDeath = claim.providers
            await claim.release()
            if afterDeath.isEmpty { try await Task.sleep(for: .milliseconds(100)) }
        }

        #expect(held.providers == ["telekom", "vodafone"])
        #expect(other.providers.isEmpty)
        #expect(released.providers == ["vodafone"])
        #expect(afterDeath == ["vodafone"], "a poller that dies holding a provider lets go with its connection")
    }

    /// A poller that takes a provider's detection and goes away without releasing it.
    static func dieHolding(_ provider: String, schema: String) async throws {
        let doomed = try await TestStore.postgres(schema: schema)
        let claim = try await doomed.claimDetection(providers: [provider])
        #expect(claim.providers == [provider])
    }

    /// Two poll runs on one store share the due sources: each is fetched once and both fetch.
    /// The first three requests are answered only when three are open at once, which a poller
    /// fetching two at a time cannot do alone: both must have claimed a batch by then, whatever
    /// the machine's speed.
    @Test func twoPollRunsShareTheSourcesAndFetchEachOnce() async throws {
        try await LoopbackServer.with { server in
            var yaml = "version: 1\nfetch:\n  concurrency: 2\nproviders:\n  - name: Vodafone\nsources:\n"
            for index in 0..<30 {
                let feed = LoopbackResponse(
                    status: 200, headers: ["Content-Type": "application/rss+xml; charset=utf-8"],
                    body: PollRunTests.rss([
                        ("\(index)", "Vodafone Störung \(index)", "Sat, 21 Nov 2026 08:40:00 +0000")
                    ]))
                server.route("/f\(index)") { [weak server] _ in
                    for _ in 0..<600 where (server?.requests.count ?? 3) < 3 {
                        try? await Task.sleep(for: .milliseconds(50))
                    }
                    return feed
                }
                yaml += "  - name: f\(index)\n    url: \(server.url("/f\(index)").absoluteString)\n    interval: 1m\n"
            }
            let config = try FeedsConfig.parse(
                yaml: yaml, fileName: "feeds.yml", baseDirectory: FileManager.default.temporaryDirectory,
                environment: [:])
            let stores = try await pollers(2)
            let summaries = try await withThrowingTaskGroup(of: RunSummary.self) { group in
                for store in stores {
                    group.addTask {
                        try await PollRun(
                            config: config, store: store, fetcher: Fetcher(policy: FetchPolicy(config.fetch)),
                            classifier: Classifier(providers: config.providers.map(ProviderTerms.init)), now: now
                        ).run()
                    }
                }
                return try await group.reduce(into: [RunSummary]()) { $0.append($1) }
            }

            #expect((0..<30).allSatisfy { server.requests(to: "/f\($0)").count == 1 })
            #expect(
                summaries.allSatisfy { !$0.sources.isEmpty }, "both pollers fetched: \(summaries.map(\.sources.count))")
            #expect(summaries.map(\.sources.count).reduce(0, +) == 30)
            #expect(summaries.map(\.postsNew).reduce(0, +) == 30)
            #expect(try await stores[0].postCount() == 30)
        }
    }

    @Test func aSQLiteStoreMovesOverWholeAndTwice() async throws {
        let sqlite = try ReportSeed.store()
        let postgres = try await TestStore.postgres()

        let first = try await StoreMigration(from: sqlite, to: postgres).run()
        let again = try await StoreMigration(from: sqlite, to: postgres).run()
        let week = try ReportWeek(year: 2026, week: 47, timeZone: ReportSeed.zone)
        let fromPostgres = WeeklyReport.build(
            week: week, providers: ReportSeed.providers,
            aggregates: try await postgres.reportAggregates(
                week: week, providers: ReportSeed.providers, termSample: 3000, examples: 3),
            officialScopes: ReportSeed.scopes, channels: ReportSeed.channels, generatedAt: ReportSeed.generatedAt)

        #expect(first == again)
        #expect(try await postgres.postCount() == (try sqlite.postCount()))
        #expect(fromPostgres == (try ReportSeed.report(sqlite)), "the weekly report reads the same from both stores")
        #expect(try await postgres.outbox() == (try sqlite.outbox()))
        #expect(try await postgres.incidents(provider: nil) == (try sqlite.incidents()))
        let next = try await postgres.startRun(at: ReportSeed.generatedAt)
        #expect(next > (try sqlite.recentRuns(limit: 1).first?.id ?? 0), "ids continue after the copied ones")
    }
}
