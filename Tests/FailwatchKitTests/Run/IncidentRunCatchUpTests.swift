// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import FailwatchStore
import Foundation
import Testing

/// Catching up over a long gap is bounded: intervals older than the detector's memory are
/// skipped in bulk, and a state left by a replay far ahead does not stop detection.
@Suite struct IncidentRunCatchUpTests {
    /// The store as detection sees it, noting the earliest complaint it was asked for.
    final class ReadingStore: DetectionStore, @unchecked Sendable {
        let store: AppDatabase
        private let lock = NSLock()
        private var earliest: Date?

        init(_ store: AppDatabase) { self.store = store }

        var earliestRead: Date? { lock.withLock { earliest } }

        func complaints(provider: String, from: Date, to: Date, knownAt: Date?) throws(StoreError) -> [Complaint] {
            lock.withLock { earliest = min(earliest ?? from, from) }
            return try store.complaints(provider: provider, from: from, to: to, knownAt: knownAt)
        }

        func claimDetection(providers: [String]) -> DetectionClaim { store.claimDetection(providers: providers) }
        func detectionCheckpoint(provider: String) throws(StoreError) -> DetectionCheckpoint? {
            try store.detectionCheckpoint(provider: provider)
        }
        func lateComplaints(
            provider: String, before: Date, arrivedAfter: Date, countedThrough: Int64?, knownAt: Date
        ) throws(StoreError) -> [Complaint] {
            try store.lateComplaints(
                provider: provider, before: before, arrivedAfter: arrivedAfter, countedThrough: countedThrough,
                knownAt: knownAt)
        }
        func earliestPost(provider: String) throws(StoreError) -> Date? { try store.earliestPost(provider: provider) }
        func latestPost() throws(StoreError) -> Date? { try store.latestPost() }
        func providersWithPosts() throws(StoreError) -> [String] { try store.providersWithPosts() }
        func incidents(provider: String?) throws(StoreError) -> [IncidentRecord] { try store.incidents(provider: provider) }
        func incident(id: String) throws(StoreError) -> IncidentRecord? { try store.incident(id: id) }
        func saveDetection(
            provider: String, checkpoint: DetectionCheckpoint, incidents: [IncidentRecord], alerts: [OutboxEntry],
            late: [Complaint], at now: Date
        ) throws(StoreError) {
            try store.saveDetection(
                provider: provider, checkpoint: checkpoint, incidents: incidents, alerts: alerts, late: late, at: now)
        }
    }

    func run(_ store: any DetectionStore, at now: Date) async throws -> IncidentRun.Summary {
        try await IncidentRun(config: IncidentRunTests.config(), store: store, now: now) { _, _ in
            AlertMessage.OfficialState()
        }.run()
    }

    @Test func aYearLaterOnlyTheDetectorsMemoryIsRead() async throws {
        let store = try IncidentRunTests.seeded()
        let before = try await run(store, at: IncidentRunTests.burst.addingTimeInterval(3 * 3_600))
        let later = IncidentRunTests.burst.addingTimeInterval(365 * 86_400)
        let reading = ReadingStore(store)

        let summary = try await run(reading, at: later)

        #expect(before.opened == 1)
        #expect(summary == IncidentRun.Summary(), "a year of silence raises nothing and posts nothing")
        let earliest = try #require(reading.earliestRead)
        #expect(earliest >= later.addingTimeInterval(-36 * 86_400), "read from \(earliest), not from a year ago")
        let checkpoint = try #require(try store.detectionCheckpoint(provider: "vodafone"))
        #expect(checkpoint.next <= later && checkpoint.next > later.addingTimeInterval(-300))
        #expect(try store.incidents(provider: "vodafone").count == 1, "the old incident is kept")
    }

    @Test func aReplayFarAheadDoesNotStopDetectionAtTheRealTime() async throws {
        let store = try IncidentRunTests.seeded()
        _ = try await run(store, at: IncidentRunTests.day.addingTimeInterval(-3_600))
        _ = try await run(store, at: IncidentRunTests.day.addingTimeInterval(2 * 365 * 86_400))

        let real = try await run(store, at: IncidentRunTests.burst.addingTimeInterval(20 * 60))

        #expect(real.opened == 1, "the burst at 14:00 is still found after the replay")
        let checkpoint = try #require(try store.detectionCheckpoint(provider: "vodafone"))
        #expect(checkpoint.next < IncidentRunTests.burst.addingTimeInterval(20 * 60 + 1))
    }
}
