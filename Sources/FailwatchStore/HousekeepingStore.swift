// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Deleting what `retention:` no longer keeps (see ``SourceStore`` on why a protocol).
public protocol HousekeepingStore: Sendable {
    /// Deletes posts, runs and finished alerts older than `retention` allows, in one transaction,
    /// and notes when it ran.
    func prune(_ retention: RetentionConfig, now: Date) throws(StoreError) -> PruneResult
    /// When ``prune(_:now:)`` last ran, if ever.
    func lastPrune() throws(StoreError) -> Date?
}

/// What one prune deleted.
public struct PruneResult: Sendable, Equatable {
    public var posts = 0
    public var runs = 0
    public var alerts = 0

    public init(posts: Int = 0, runs: Int = 0, alerts: Int = 0) {
        self.posts = posts
        self.runs = runs
        self.alerts = alerts
    }
}
