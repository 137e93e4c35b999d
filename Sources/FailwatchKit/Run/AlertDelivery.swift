// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchStore
import Foundation

/// The sending half of alerts: works through the outbox after a run stored its sources, so a
/// slow or down webhook never holds up polling, and an alert survives any crash before it is sent.
///
/// Per incident and sink, messages go out in order: an update waits until the opening was
/// delivered (on Discord it then edits the opening message). A sink that fails, whether it is
/// down (5xx, 429, timeout) or refuses (404 from a deleted or mistyped webhook), is not asked
/// again in this run; its alerts wait for ``DeliveryBackoff`` and are dropped only after
/// `alerts: give_up_after`. When the opening is dropped, the first later message the sink takes
/// says that the opening could not be delivered, so nobody reads an update as the whole story.
public struct AlertDelivery: Sendable {
    /// What one run's delivery did, for the summary and the exit code.
    public struct Summary: Sendable, Equatable {
        /// Delivered in this run.
        public var sent = 0
        /// Still waiting in the outbox after this run.
        public var pending = 0
        /// Refused for good in this run.
        public var failed = 0
        /// One line per sink that failed in this run, never naming the webhook URL.
        public var problems: [String] = []

        public init() {}
    }

    public var config: FeedsConfig
    public var store: any OutboxStore
    public var sender: any AlertSending
    public var backoff: DeliveryBackoff
    public var now: Date

    public init(
        config: FeedsConfig, store: any OutboxStore, sender: any AlertSending, backoff: DeliveryBackoff = .standard,
        now: Date
    ) {
        self.config = config
        self.store = store
        self.sender = sender
        self.backoff = backoff
        self.now = now
    }

    /// Sends every due alert once.
    ///
    /// - Throws: `StoreError` when the outbox cannot be read or updated.
    public func run() async throws(StoreError) -> Summary {
        var summary = Summary()
        var waiting = Set<String>()  // "incident sink": an earlier message of the same conversation is pending
        var downSinks = Set<String>()
        let pending = try store.pendingAlerts()
        for entry in pending {
            guard let id = entry.id else { continue }
            let conversation = entry.message.incidentID + " " + entry.sinkName
            guard !waiting.contains(conversation), !downSinks.contains(entry.sinkName), entry.nextAttemptAt <= now
            else {
                waiting.insert(conversation)
                summary.pending += 1
                continue
            }
            if now.timeIntervalSince(entry.createdAt) > config.alerts.giveUpAfter {
                let reason = "not delivered within \(DurationText.format(config.alerts.giveUpAfter))"
                try store.recordAttempt(id, status: .failed, error: reason, retryAt: nil, platformMessageID: nil, at: now)
                summary.failed += 1
                summary.problems.append(
                    "sink '\(entry.sinkName)': alert \(entry.idempotencyKey) \(reason)"
                        + (entry.lastError.map { "; last try \($0)" } ?? "") + "; it is dropped")
                continue
            }
            guard let sink = config.sinks.first(where: { $0.name == entry.sinkName }) else {
                let reason = "sink '\(entry.sinkName)' is no longer configured"
                try store.recordAttempt(id, status: .failed, error: reason, retryAt: nil, platformMessageID: nil, at: now)
                summary.failed += 1
                summary.problems.append("alert \(entry.idempotencyKey): \(reason); it is dropped")
                continue
            }
            var message = entry.message
            if message.updateNumber > 0 {
                message.openingLost = try !store.hasDelivered(incident: message.incidentID, sink: sink.name)
            }
            let editing =
                message.updateNumber > 0 && sink.kind.canEditMessages
                ? try store.platformMessageID(incident: message.incidentID, sink: sink.name) : nil
            let request = WebhookRequest.make(for: message, sink: sink, now: now, updating: editing)
            let result = await sender.send(request, now: now)
            if case .delivered(_, let posted) = result {
                try store.recordAttempt(
                    id, status: .delivered, error: nil, retryAt: nil,
                    platformMessageID: message.updateNumber == 0 ? posted : nil, at: now)
                summary.sent += 1
                continue
            }
            let retryAt = backoff.nextAttempt(after: result, attempt: entry.attempts + 1, at: now) ?? now
            try store.recordAttempt(
                id, status: .pending, error: result.description, retryAt: retryAt, platformMessageID: nil, at: now)
            downSinks.insert(sink.name)
            waiting.insert(conversation)
            summary.pending += 1
            let deadline = entry.createdAt.addingTimeInterval(config.alerts.giveUpAfter)
            summary.problems.append(
                "sink '\(sink.name)' (\(sink.displayURL)): alert \(entry.idempotencyKey) \(result); "
                    + "kept in the outbox, next try at \(FeedDate.iso8601UTC(retryAt))"
                    + (result.isRefusal ? ", dropped after \(FeedDate.iso8601UTC(deadline))" : ""))
        }
        return summary
    }
}
