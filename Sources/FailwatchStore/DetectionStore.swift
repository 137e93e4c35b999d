// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// What detection reads and writes: the complaints per provider, the detector's checkpoint, and
/// incidents saved together with the alerts they raise (see ``SourceStore`` on why a protocol).
public protocol DetectionStore: Sendable {
    /// The providers whose detection this poller runs now: all of them or none. A store shared by
    /// several pollers locks them for one poller at a time (the lock goes with the poller, even a
    /// killed one), so one pass sees every provider and decides across them (common cause, a spike
    /// joining another provider's alert) as a single poller would; the checkpoint read after the
    /// lock tells whether an interval is left to detect.
    func claimDetection(providers: [String]) async throws(StoreError) -> DetectionClaim
    /// Where a provider's detection stopped last run, `nil` before its first.
    func detectionCheckpoint(provider: String) async throws(StoreError) -> DetectionCheckpoint?
    /// The provider's outage complaints published in `from..<to`, as known at `knownAt` (all when `nil`).
    func complaints(provider: String, from: Date, to: Date, knownAt: Date?) async throws(StoreError) -> [Complaint]
    /// Complaints published before `before` that arrived after `arrivedAfter` (a slow source).
    func lateComplaints(
        provider: String, before: Date, arrivedAfter: Date, countedThrough: Int64?, knownAt: Date
    ) async throws(StoreError) -> [Complaint]
    /// The provider's oldest stored post.
    func earliestPost(provider: String) async throws(StoreError) -> Date?
    /// The newest stored post of any provider.
    func latestPost() async throws(StoreError) -> Date?
    /// Every provider with at least one stored post.
    func providersWithPosts() async throws(StoreError) -> [String]
    /// Incidents, oldest first; one provider's when given.
    func incidents(provider: String?) async throws(StoreError) -> [IncidentRecord]
    /// One incident by its id.
    func incident(id: String) async throws(StoreError) -> IncidentRecord?
    /// Saves incident changes, the alerts they raise and the checkpoint in one transaction, and
    /// keeps when the pass counted the complaints that arrived late (``Complaint/countedAt``), so
    /// `backtest --db` counts them where `poll` did.
    func saveDetection(
        provider: String, checkpoint: DetectionCheckpoint, incidents: [IncidentRecord], alerts: [OutboxEntry],
        late: [Complaint], at now: Date
    ) async throws(StoreError)
}

extension DetectionStore {
    /// Saves a pass that counted no late complaint.
    public func saveDetection(
        provider: String, checkpoint: DetectionCheckpoint, incidents: [IncidentRecord], alerts: [OutboxEntry],
        at now: Date
    ) async throws(StoreError) {
        try await saveDetection(
            provider: provider, checkpoint: checkpoint, incidents: incidents, alerts: alerts, late: [], at: now)
    }
}

/// The providers one poller detects in this run; ``release()`` when done (a poller that dies
/// releases by losing its connection).
public struct DetectionClaim: Sendable {
    public var providers: [String]
    private let onRelease: @Sendable () async -> Void

    public init(providers: [String], onRelease: @escaping @Sendable () async -> Void = {}) {
        self.providers = providers
        self.onRelease = onRelease
    }

    public func release() async { await onRelease() }
}
