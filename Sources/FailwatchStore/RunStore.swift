// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The log of runs (see ``SourceStore`` on why a protocol).
public protocol RunStore: Sendable {
    /// Notes that a run started; returns its id.
    func startRun(at now: Date) async throws(StoreError) -> Int64
    /// Writes a finished run's totals.
    func finish(_ run: RunRecord) async throws(StoreError)
    /// The latest runs, newest first.
    func recentRuns(limit: Int) async throws(StoreError) -> [RunRecord]
    /// How many posts the store holds.
    func postCount() async throws(StoreError) -> Int
}

/// Everything one poll run touches: sources, detection, outbox, the run log and housekeeping.
public typealias PollStore = SourceStore & DetectionStore & OutboxStore & RunStore & HousekeepingStore & SilenceStore

/// Everything any command touches: a poll's parts, the weekly report and reclassification.
/// ``AppDatabase`` (SQLite) and ``PostgresStore`` are the two.
public typealias CommandStore = PollStore & ReportStore & ReclassifyStore
