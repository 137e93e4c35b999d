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
/// Alerts held by a silence or maintenance window wait until it ends (``HeldRelease``).
public struct AlertDelivery: Sendable {
    /// What one run's delivery did, for the summary and the exit code.
    public struct Summary: Sendable, Equatable {
        /// Delivered in this run.
        public var sent = 0
        /// Still waiting in the outbox after this run.
        public var pending = 0
        /// Refused for good in this run.
        public var failed = 0
        /// Waiting for a silence or maintenance window to end.
        public var held = 0
        /// Held alerts that were no longer news when their silence ended, in this run.
        public var suppressed = 0
        /// Open incidents posted again to Alertmanager, so their alerts keep firing.
        public var refreshed = 0
        /// One line per sink that failed in this run, never naming the webhook URL.
        public var problems: [String] = []
        /// What `poll --quiet` prints: alerts dropped, a sink's problem when it starts and once a
        /// day while it lasts, and its recovery (``SinkHealth``).
        public var news: [String] = []
        /// One line per sink that delivers again after failed runs (also in ``news``).
        public var recovered: [String] = []

        public init() {}
    }

    public var config: FeedsConfig
    public var store: any OutboxStore
    public var sender: any AlertSending
    public var backoff: DeliveryBackoff
    public var now: Date
    /// Silences and maintenance windows: held alerts wait while one covers their provider.
    public var hold: AlertHold = .none

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

    /// Releases held alerts whose silence ended, sends every due alert once, posts open incidents
    /// again to Alertmanager sinks, and keeps each sink's health.
    ///
    /// - Throws: `StoreError` when the outbox cannot be read or updated.
    public func run() async throws(StoreError) -> Summary {
        var summary = Summary()
        try await releaseHeld(&summary)
        var failures: [String: String] = [:]  // sink name → this run's failure
        var delivered: [String: Set<String>] = [:]  // sink name → incidents it took a message of this run
        try await sendDue(&summary, failures: &failures, delivered: &delivered)
        try await refreshAlertmanagers(&summary, failures: &failures, delivered: &delivered)
        try await recordHealth(&summary, failures: failures, delivered: delivered)
        return summary
    }

    /// Sends or suppresses held alerts whose provider is no longer silenced (``HeldRelease``).
    private func releaseHeld(_ summary: inout Summary) async throws(StoreError) {
        let held = try await store.heldAlerts()
        guard !held.isEmpty else { return }
        let open = try await store.openIncidents()
        let pending = try await store.pendingAlerts()
        var conversations: [String: [OutboxEntry]] = [:]
        var order: [String] = []
        for entry in held {
            let key = entry.message.incidentID + " " + entry.sinkName
            if conversations[key] == nil { order.append(key) }
            conversations[key, default: []].append(entry)
        }
        for key in order {
            guard let entries = conversations[key], let first = entries.first else { continue }
            if hold.reason(provider: first.message.provider.id, at: now) != nil {
                summary.held += entries.count
                continue
            }
            let verdicts = HeldRelease.decide(
                held: entries,
                pending: pending.filter { $0.message.incidentID == first.message.incidentID && $0.sinkName == first.sinkName },
                open: open.contains(first.message.incidentID),
                delivered: try await store.hasDelivered(incident: first.message.incidentID, sink: first.sinkName))
            for (id, verdict) in verdicts.sorted(by: { $0.key < $1.key }) {
                switch verdict {
                case .release:
                    try await store.release(id, at: now)
                case .suppress(let reason):
                    try await store.suppress(id, reason: reason)
                    summary.suppressed += 1
                }
            }
        }
    }

    /// Sends every due alert once, in order per incident and sink.
    private func sendDue(
        _ summary: inout Summary, failures: inout [String: String], delivered: inout [String: Set<String>]
    ) async throws(StoreError) {
        var waiting = Set<String>()  // "incident sink": an earlier message of the same conversation is pending
        // Claimed: on a store shared by several pollers each alert is sent by one of them; what
        // this run does not attempt is given back at the end.
        let pending = try await store.claimPendingAlerts(now: now)
        var attempted = Set<Int64>()
        for entry in pending {
            guard let id = entry.id else { continue }
            let conversation = entry.message.incidentID + " " + entry.sinkName
            guard !waiting.contains(conversation), failures[entry.sinkName] == nil, entry.nextAttemptAt <= now
            else {
                waiting.insert(conversation)
                summary.pending += 1
                continue
            }
            if now.timeIntervalSince(entry.createdAt) > config.alerts.giveUpAfter {
                let reason = "not delivered within \(DurationText.format(config.alerts.giveUpAfter))"
                attempted.insert(id)
            try await store.recordAttempt(id, status: .failed, error: reason, retryAt: nil, platformMessageID: nil, at: now)
                summary.failed += 1
                summary.report(
                    "sink '\(entry.sinkName)': alert \(entry.idempotencyKey) \(reason)"
                        + (entry.lastError.map { "; last try \($0)" } ?? "") + "; it is dropped", news: true)
                continue
            }
            guard let sink = config.sinks.first(where: { $0.name == entry.sinkName }) else {
                let reason = "sink '\(entry.sinkName)' is no longer configured"
                attempted.insert(id)
            try await store.recordAttempt(id, status: .failed, error: reason, retryAt: nil, platformMessageID: nil, at: now)
                summary.failed += 1
                summary.report("alert \(entry.idempotencyKey): \(reason); it is dropped", news: true)
                continue
            }
            var message = entry.message
            if message.updateNumber > 0 {
                message.openingLost = try await !store.hasDelivered(incident: message.incidentID, sink: sink.name)
            }
            let editing =
                message.updateNumber > 0 && sink.kind.canEditMessages
                ? try await store.platformMessageID(incident: message.incidentID, sink: sink.name) : nil
            let request = WebhookRequest.make(for: message, sink: sink, now: now, updating: editing)
            let result = await sender.send(request, now: now).hiding(sink.secrets)
            if case .delivered(_, let posted) = result {
                attempted.insert(id)
            try await store.recordAttempt(
                    id, status: .delivered, error: nil, retryAt: nil,
                    platformMessageID: message.updateNumber == 0 ? posted : nil, at: now)
                summary.sent += 1
                delivered[sink.name, default: []].insert(message.incidentID)
                continue
            }
            let retryAt = backoff.nextAttempt(after: result, attempt: entry.attempts + 1, at: now) ?? now
            attempted.insert(id)
            try await store.recordAttempt(
                id, status: .pending, error: result.description, retryAt: retryAt, platformMessageID: nil, at: now)
            waiting.insert(conversation)
            summary.pending += 1
            let deadline = entry.createdAt.addingTimeInterval(config.alerts.giveUpAfter)
            let line =
                "sink '\(sink.name)' (\(sink.displayURL)): alert \(entry.idempotencyKey) \(result); "
                + "kept in the outbox, next try at \(FeedDate.iso8601UTC(retryAt))"
                + (result.isRefusal ? ", dropped after \(FeedDate.iso8601UTC(deadline))" : "")
            failures[sink.name] = line
            summary.report(line, news: false)
        }
        try await store.releaseAlerts(pending.compactMap(\.id).filter { !attempted.contains($0) })
    }

    /// Posts each open incident again to every Alertmanager sink that heard of it, with `endsAt`
    /// pushed ahead: Alertmanager ends an alert that nobody posts again before its `endsAt`.
    private func refreshAlertmanagers(
        _ summary: inout Summary, failures: inout [String: String], delivered: inout [String: Set<String>]
    ) async throws(StoreError) {
        for sink in config.sinks where sink.kind == .alertmanager && failures[sink.name] == nil {
            for entry in try await store.latestDelivered(openOn: sink.name)
            where delivered[sink.name]?.contains(entry.message.incidentID) != true {
                let result = await sender.send(WebhookRequest.make(for: entry.message, sink: sink, now: now), now: now)
                    .hiding(sink.secrets)
                if result.isDelivered {
                    summary.refreshed += 1
                    delivered[sink.name, default: []].insert(entry.message.incidentID)
                    continue
                }
                let line =
                    "sink '\(sink.name)' (\(sink.displayURL)): posting open incident \(entry.message.incidentID) "
                    + "again \(result); tried again next run"
                failures[sink.name] = line
                summary.report(line, news: false)
                break
            }
        }
    }

    /// Updates each tried sink's health and turns what is news into ``Summary/news``.
    private func recordHealth(
        _ summary: inout Summary, failures: [String: String], delivered: [String: Set<String>]
    ) async throws(StoreError) {
        let known = try await store.sinkHealth()
        // A sink not asked this run (nothing due) keeps its health as it was.
        for name in config.sinks.map(\.name) where failures[name] != nil || delivered[name] != nil {
            let previous = known[name] ?? SinkHealth(name: name)
            let (health, notice) = previous.after(failure: failures[name], now: now)
            if health != previous { try await store.saveSinkHealth(health) }
            switch notice {
            case .startedFailing?:
                if let line = failures[name] { summary.news.append(line) }
            case .stillFailing(let since, let runs)?:
                if let line = failures[name] {
                    summary.news.append("still failing since \(FeedDate.iso8601UTC(since)) (\(runs) runs in a row): \(line)")
                }
            case .recovered(let since, let runs)?:
                let line =
                    "sink '\(name)': delivers again after \(runs) failed run\(runs == 1 ? "" : "s")"
                    + (since.map { " (failing since \(FeedDate.iso8601UTC($0)))" } ?? "")
                summary.recovered.append(line)
                summary.news.append(line)
            case nil:
                break
            }
        }
    }
}

extension AlertDelivery.Summary {
    /// Notes a problem; `news` ones (an alert dropped) are printed under `--quiet` too.
    mutating func report(_ line: String, news isNews: Bool) {
        problems.append(line)
        if isNews { news.append(line) }
    }
}
