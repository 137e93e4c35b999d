// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The outbox alerts wait in until a sink takes them (see ``SourceStore`` on why a protocol).
public protocol OutboxStore: Sendable {
    /// Alerts still to send, oldest first.
    func pendingAlerts() throws(StoreError) -> [OutboxEntry]
    /// Every alert, sent or not.
    func outbox() throws(StoreError) -> [OutboxEntry]
    /// Records how one attempt ended: delivered, to retry at `retryAt`, or failed for good.
    func recordAttempt(
        _ id: Int64, status: OutboxEntry.Status, error: String?, retryAt: Date?, platformMessageID: String?,
        at now: Date
    ) throws(StoreError)
    /// The id the platform gave an incident's first message in a sink (to edit it in place).
    func platformMessageID(incident: String, sink: String) throws(StoreError) -> String?
    /// Whether any message of the incident reached the sink: when none did, an update is the
    /// first the channel hears of it and must say that the opening was lost.
    func hasDelivered(incident: String, sink: String) throws(StoreError) -> Bool
    /// Alerts held by a silence or maintenance window, oldest first.
    func heldAlerts() throws(StoreError) -> [OutboxEntry]
    /// Sends a held alert after all: pending from `now`.
    func release(_ id: Int64, at now: Date) throws(StoreError)
    /// Marks a held or pending alert as never to be sent.
    func suppress(_ id: Int64, reason: String) throws(StoreError)
    /// Ids of the incidents still open.
    func openIncidents() throws(StoreError) -> Set<String>
    /// The newest delivered message of each open incident on `sink`.
    func latestDelivered(openOn sink: String) throws(StoreError) -> [OutboxEntry]
    /// Each sink's delivery health, by name.
    func sinkHealth() throws(StoreError) -> [String: SinkHealth]
    /// Stores a sink's delivery health after a run.
    func saveSinkHealth(_ health: SinkHealth) throws(StoreError)
}
