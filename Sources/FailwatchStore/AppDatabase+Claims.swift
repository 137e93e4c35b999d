// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// SQLite has one poller at a time (the run lock file beside the store), so its claims take
/// the first `limit` due sources and hold nothing: a poll run asks again only for the sources
/// it has not claimed yet.
extension AppDatabase {
    public func claimDueSources(_ sources: [SourceSchedule], now: Date, limit: Int) throws(StoreError) -> SourceClaim {
        let states = try sourceStates()
        let due = sources.filter { $0.isDue(states[$0.name], now: now) }.prefix(max(0, limit))
        return SourceClaim(states: states, due: due.map(\.name))
    }

    public func claimPendingAlerts(now: Date) throws(StoreError) -> [OutboxEntry] {
        try pendingAlerts()
    }

    public func releaseAlerts(_ ids: [Int64]) {}

    public func claimDetection(providers: [String]) -> DetectionClaim {
        DetectionClaim(providers: providers)
    }

    public func compact(full: Bool) throws(StoreError) {
        if full { try vacuum() } else { try foldLog() }
    }
}
