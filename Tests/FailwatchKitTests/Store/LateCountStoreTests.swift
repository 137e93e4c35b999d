// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// A complaint that reached detection late keeps the interval `poll` counted it in, in every store,
/// so `backtest --db` counts it there too.
@Suite struct LateCountStoreTests {
    let now = Date(timeIntervalSince1970: 1_795_000_200)

    func post(_ guid: String, at time: Date) -> Post {
        let text = "Vodafone Störung, keine SMS (\(guid))"
        return Post(
            sourceName: "news", guid: guid, link: "https://example.org/news/\(guid)", author: "anna-\(guid)",
            title: nil, text: text, language: "de", published: time, fetched: now,
            contentHash: ContentHash.of(author: "anna-\(guid)", text: text),
            verdict: verdict([("vodafone", .outage)]))
    }

    func verdict(_ providers: [(String, Label)]) -> Classification {
        Classification(
            label: .outage, sentiment: -0.5, language: "de",
            providers: providers.map { ProviderVerdict(id: $0.0, label: $0.1, sentiment: -0.5, symptom: .sms) })
    }

    @Test(arguments: TestStore.available)
    func aLateComplaintKeepsTheIntervalDetectionCountedItIn(_ kind: TestStore) async throws {
        let store = try await kind.make()
        let published = now.addingTimeInterval(-1_800)
        let counted = now.addingTimeInterval(-300)
        _ = try await store.record(
            SourceReport(
                name: "news", kind: "feed", url: "https://example.org/news",
                outcome: .fetched(.init(posts: [post("1", at: published), post("2", at: published)], etag: nil)),
                duration: 0.1),
            runID: try await store.startRun(at: now), at: now)
        // The last pass (10 minutes ago) had counted up to `counted`; both posts arrived after it.
        let late = try await store.lateComplaints(
            provider: "vodafone", before: counted, arrivedAfter: now.addingTimeInterval(-600), countedThrough: nil,
            knownAt: now)
        let checkpoint = DetectionCheckpoint(
            provider: "vodafone", settings: DetectorSettings(), incidentSettings: IncidentSettings(), start: now)
        try await store.saveDetection(
            provider: "vodafone", checkpoint: checkpoint, incidents: [], alerts: [], late: Array(late.prefix(1)),
            at: now)
        // The same pass run again (after a crash) later cannot move it.
        var again = try #require(late.first)
        again.countedAt = now
        try await store.saveDetection(
            provider: "vodafone", checkpoint: checkpoint, incidents: [], alerts: [], late: [again], at: now)
        // Reclassifying keeps it for a provider the verdict still names.
        let texts = try await store.postTexts(after: 0, limit: 10)
        _ = try await store.saveVerdicts(texts.map { ($0, verdict([("telekom", .neutral), ("vodafone", .outage)])) })

        let stored = try await store.complaints(provider: "vodafone", from: published, to: now, knownAt: nil)
        #expect(late.map(\.event.time) == [counted, counted])
        #expect(stored.map(\.event.time) == [published, published], "read at their publication time")
        #expect(stored.map(\.countedAt) == [counted, nil], "only the complaint the pass counted late is marked")
        #expect(stored.map(\.countedTime) == [counted, published])
        #expect(try await store.complaints(provider: "telekom", from: published, to: now, knownAt: nil).isEmpty)
    }
}
