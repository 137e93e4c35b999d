// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// What detection reads and writes: the complaints per provider, the detector's checkpoint, and
/// incidents saved together with the alerts they raise (see ``SourceStore`` on why a protocol).
public protocol DetectionStore: Sendable {
    /// Where a provider's detection stopped last run, `nil` before its first.
    func detectionCheckpoint(provider: String) throws(StoreError) -> DetectionCheckpoint?
    /// The provider's outage complaints published in `from..<to`, as known at `knownAt` (all when `nil`).
    func complaints(provider: String, from: Date, to: Date, knownAt: Date?) throws(StoreError) -> [Complaint]
    /// Complaints published before `before` that arrived after `arrivedAfter` (a slow source).
    func lateComplaints(provider: String, before: Date, arrivedAfter: Date, knownAt: Date) throws(StoreError)
        -> [Complaint]
    /// The provider's oldest stored post.
    func earliestPost(provider: String) throws(StoreError) -> Date?
    /// The newest stored post of any provider.
    func latestPost() throws(StoreError) -> Date?
    /// Every provider with at least one stored post.
    func providersWithPosts() throws(StoreError) -> [String]
    /// Incidents, oldest first; one provider's when given.
    func incidents(provider: String?) throws(StoreError) -> [IncidentRecord]
    /// One incident by its id.
    func incident(id: String) throws(StoreError) -> IncidentRecord?
    /// Saves incident changes, the alerts they raise and the checkpoint in one transaction.
    func saveDetection(
        provider: String, checkpoint: DetectionCheckpoint, incidents: [IncidentRecord], alerts: [OutboxEntry],
        at now: Date
    ) throws(StoreError)
}
