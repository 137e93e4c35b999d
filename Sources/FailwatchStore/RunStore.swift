// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The log of runs (see ``SourceStore`` on why a protocol).
public protocol RunStore: Sendable {
    /// Notes that a run started; returns its id.
    func startRun(at now: Date) throws(StoreError) -> Int64
    /// Writes a finished run's totals.
    func finish(_ run: RunRecord) throws(StoreError)
    /// The latest runs, newest first.
    func recentRuns(limit: Int) throws(StoreError) -> [RunRecord]
}

/// Everything one poll run touches: sources, detection, outbox, the run log and housekeeping.
public typealias PollStore = SourceStore & DetectionStore & OutboxStore & RunStore & HousekeepingStore & SilenceStore
