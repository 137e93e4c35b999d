// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// `alerts: common_cause: combined` with two pollers on one PostgreSQL store: a provider spiking while
/// the other poller is in its pass over the provider whose alert is open joins that alert, as with one
/// poller. Needs a server (`FAILWATCH_TEST_POSTGRES_URL`, `.ci/postgres.sh`); skipped without one.
@Suite(.enabled(if: TestStore.postgresURL != nil, "set FAILWATCH_TEST_POSTGRES_URL to run against PostgreSQL"))
struct PostgresJoinTests {
    static let day = AppOutageScenario.day

    static func config() throws -> FeedsConfig {
        try FeedsConfig.parse(
            yaml: """
                version: 1
                providers:
                  - name: Kabelfix
                  - name: Talnetz
                  - name: Quietnet
                sources:
                  - {name: forum, url: "https://example.org/forum.rss"}
                sinks:
                  - {name: noc, kind: slack, url: "https://hooks.example.org/x"}
                detection: {interval: 5m, quiet: 30m}
                alerts: {common_cause: combined}

                """,
            fileName: "feeds.yml", baseDirectory: FileManager.default.temporaryDirectory, environment: [:])
    }

    /// The app outage of ``AppOutageScenario``, each post stored when it was published.
    static func posts() -> [Post] {
        AppOutageScenario.items.map { item in
            Post(
                sourceName: "forum", guid: item.guid, link: nil, author: item.author, title: nil, text: item.text,
                language: "de", published: item.published, fetched: item.published, contentHash: item.guid,
                verdict: Classification(
                    label: .outage, sentiment: -0.5, language: "de",
                    providers: [ProviderVerdict(id: item.provider.lowercased(), label: .outage, sentiment: -0.5)]))
        }
    }

    /// Detection every five minutes from 13:55 to 15:30; with `twoPollers`, from 14:05 to 14:30 a
    /// second poller starts its pass while the first is in its own over Kabelfix (the provider whose
    /// alert is open), then the first finishes its pass. Returns the chat messages written.
    func messages(twoPollers: Bool) async throws -> [String] {
        let config = try Self.config()
        let schema = TestStore.newSchema()
        let first = try await TestStore.postgres(schema: schema)
        let second = try await TestStore.postgres(schema: schema)
        _ = try await first.record(
            SourceReport(
                name: "forum", kind: "feed", url: "https://example.org/forum.rss",
                outcome: .fetched(.init(posts: Self.posts())), duration: 0),
            runID: try await first.startRun(at: Self.day), at: Self.day)
        let official: IncidentRun.OfficialLookup = { _, _ in AlertMessage.OfficialState() }
        for minute in stride(from: -5, through: 90, by: 5) {
            let now = Self.day.addingTimeInterval(14 * 3_600 + Double(minute) * 60)
            if twoPollers, (5...30).contains(minute) {
                let inPass = try await first.claimDetection(providers: ["kabelfix"])
                #expect(inPass.providers == ["kabelfix"])
                _ = try await IncidentRun(config: config, store: second, now: now, official: official).run()
                await inPass.release()
            }
            _ = try await IncidentRun(config: config, store: first, now: now, official: official).run()
        }
        return try await first.outbox().map { entry in
            let message = entry.message
            let joined = (message.joined ?? []).map { " +\($0.provider.id) \($0.authors) people" }.joined()
            return "\(message.kind) \(message.provider.id) \(message.incidentID)#\(message.updateNumber) "
                + "\(message.authors) people\(joined)"
        }
    }

    @Test func aSpikeWhileAnotherPollerDetectsTheLeadJoinsItsAlertAsWithOnePoller() async throws {
        let single = try await messages(twoPollers: false)
        let shared = try await messages(twoPollers: true)

        #expect(single.contains { $0.contains("+talnetz") }, "\(single)")
        #expect(!single.contains { $0.contains(" talnetz ") }, "\(single)")
        #expect(shared == single)
    }
}
