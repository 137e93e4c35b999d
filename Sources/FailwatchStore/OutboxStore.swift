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
}
