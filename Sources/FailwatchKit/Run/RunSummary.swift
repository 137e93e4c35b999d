// SPDX-License-Identifier: Apache-2.0
import FailwatchStore
import Foundation

/// The outcome of one `poll` run, for stderr, `--json` and the `run` table.
public struct RunSummary: Sendable, Equatable {
    public var runID: Int64?
    public var startedAt: Date
    public var duration: TimeInterval
    /// Every source that was asked this run, in configuration order.
    public var sources: [SourceReport]
    /// Sources whose interval had not elapsed (or still postponed): not asked this run.
    public var notDue: [String]
    /// Incidents opened, updated and resolved, and alerts queued by detection.
    public var incidents = IncidentRun.Summary()
    /// Alerts sent, still pending and failed.
    public var alerts = AlertDelivery.Summary()
    /// What the daily prune deleted, when this run pruned.
    public var pruned: PruneResult?

    public init(runID: Int64?, startedAt: Date, duration: TimeInterval, sources: [SourceReport], notDue: [String]) {
        self.runID = runID
        self.startedAt = startedAt
        self.duration = duration
        self.sources = sources
        self.notDue = notDue
    }

    /// The run's row in the store's run log; `nil` when the store never opened one.
    public var record: RunRecord? {
        guard let runID else { return nil }
        return RunRecord(
            id: runID, startedAt: startedAt, finishedAt: startedAt.addingTimeInterval(duration), sourcesOK: sourcesOK,
            sourcesNotModified: sourcesNotModified, sourcesFailed: sourcesFailed, sourcesPostponed: sourcesPostponed,
            sourcesNotDue: notDue.count, postsNew: postsNew, postsDuplicate: postsDuplicate, duration: duration)
    }

    private func count(_ outcome: String) -> Int { sources.filter { $0.outcomeName == outcome }.count }
    public var sourcesOK: Int { count("ok") }
    public var sourcesNotModified: Int { count("not-modified") }
    public var sourcesFailed: Int { count("failed") }
    public var sourcesPostponed: Int { count("postponed") }
    public var postsNew: Int { sources.reduce(0) { $0 + $1.postsNew } }
    public var postsDuplicate: Int { sources.reduce(0) { $0 + $1.postsDuplicate } }
    /// Items first runs left out as older than their sources' `backfill:` windows.
    public var postsSkippedOld: Int {
        sources.reduce(0) { total, report in
            guard case let .fetched(harvest) = report.outcome else { return total }
            return total + harvest.skippedOld
        }
    }
}
