// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import FailwatchStore
import Foundation
import Testing

/// The outbox: alerts written with their incident are sent once per sink, in order, and kept
/// while a sink is down.
@Suite struct AlertDeliveryTests {
    static let now = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z

    /// Answers from a script per call and records every request.
    final class ScriptedSender: AlertSending, @unchecked Sendable {
        private let lock = NSLock()
        private var replies: [DeliveryResult]
        private(set) var requests: [WebhookRequest] = []

        init(_ replies: [DeliveryResult] = []) { self.replies = replies }

        func send(_ request: WebhookRequest, now: Date) async -> DeliveryResult {
            lock.withLock {
                requests.append(request)
                return replies.isEmpty ? .delivered(status: 200, messageID: nil) : replies.removeFirst()
            }
        }

        var sent: [WebhookRequest] { lock.withLock { requests } }
    }

    /// One sink `noc` of `kind` at `url` (a `kind: webhook` sink gets a secret), then `extra` top-level lines.
    static func config(
        kind: String = "slack", url: String = "https://hooks.example.org/services/T0/B0/secret", extra: String = ""
    ) throws -> FeedsConfig {
        try FeedsConfig.parse(
            yaml: """
                version: 1
                providers:
                  - name: Vodafone
                sources:
                  - name: demo
                    url: https://example.org/feed.xml
                sinks:
                  - name: noc
                    kind: \(kind)
                    url: \(url)\(kind == "webhook" ? "\n    secret: whsec-test-key" : "")
                \(extra)
                """,
            fileName: "feeds.yml", baseDirectory: FileManager.default.temporaryDirectory, environment: [:])
    }

    /// Queues messages `first`…`updates` of one incident for the sink `noc` at `time`, as detection would.
    static func queue(
        _ store: AppDatabase, updates: Int, from first: Int = 0, incident: String = "vodafone-1795251000",
        at time: Date = now
    ) throws {
        var sample = AlertMessage.sample(provider: .init(id: "vodafone", name: "Vodafone"), now: time, timeZoneID: "UTC")
        sample.incidentID = incident
        let alerts = (first...updates).map { number in
            var message = sample
            message.kind = number == 0 ? .opened : .updated
            message.updateNumber = number
            return OutboxEntry(sinkName: "noc", message: message, createdAt: time, nextAttemptAt: time)
        }
        let checkpoint = DetectionCheckpoint(
            provider: "vodafone", settings: DetectorSettings(), incidentSettings: IncidentSettings(), start: now)
        try store.saveDetection(provider: "vodafone", checkpoint: checkpoint, incidents: [], alerts: alerts, at: time)
        // Queued twice (a replayed run): the outbox keeps one row per key and sink.
        try store.saveDetection(provider: "vodafone", checkpoint: checkpoint, incidents: [], alerts: alerts, at: time)
    }

    @Test func eachMessageIsSentOnceInOrder() async throws {
        let store = try AppDatabase.inMemory()
        try Self.queue(store, updates: 2)
        let sender = ScriptedSender()
        let delivery = AlertDelivery(config: try Self.config(), store: store, sender: sender, now: Self.now)

        let first = try await delivery.run()
        let second = try await delivery.run()

        #expect(first.sent == 3 && first.pending == 0 && first.problems.isEmpty)
        #expect(second.sent == 0)
        #expect(sender.sent.map { $0.headers["Idempotency-Key"] } == [
            "vodafone-1795251000-0", "vodafone-1795251000-1", "vodafone-1795251000-2",
        ])
    }

    @Test func downSinkIsOneLineAndUpdatesWaitForTheOpening() async throws {
        let store = try AppDatabase.inMemory()
        try Self.queue(store, updates: 1)
        let sender = ScriptedSender([.retryLater(reason: "connection refused", retryAfter: nil)])
        let config = try Self.config()

        let down = try await AlertDelivery(config: config, store: store, sender: sender, now: Self.now).run()
        let tooSoon = try await AlertDelivery(
            config: config, store: store, sender: sender, now: Self.now.addingTimeInterval(10)
        ).run()
        let back = try await AlertDelivery(
            config: config, store: store, sender: sender, now: Self.now.addingTimeInterval(60)
        ).run()

        #expect(down.sent == 0 && down.pending == 2)
        #expect(down.problems.count == 1)
        #expect(down.problems.first?.contains("connection refused") == true)
        #expect(down.problems.first?.contains("secret") == false, "never the webhook url")
        #expect(tooSoon.sent == 0 && tooSoon.pending == 2 && tooSoon.problems.isEmpty, "backoff holds it")
        #expect(back.sent == 2 && back.pending == 0)
        #expect(sender.sent.count == 3)
        #expect(try store.outbox().map(\.status) == [.delivered, .delivered])
    }

    @Test func alertsStillUndeliveredAfterGiveUpAfterAreDroppedWithOneLineEach() async throws {
        let store = try AppDatabase.inMemory()
        try Self.queue(store, updates: 1)
        let sender = ScriptedSender(Array(repeating: .retryLater(reason: "http 503", retryAfter: nil), count: 10))
        let config = try Self.config(extra: "alerts: {give_up_after: 1d}")
        #expect(config.alerts.giveUpAfter == 86_400)

        let down = try await AlertDelivery(config: config, store: store, sender: sender, now: Self.now).run()
        let stillTrying = try await AlertDelivery(
            config: config, store: store, sender: sender, now: Self.now.addingTimeInterval(86_000)
        ).run()
        let late = try await AlertDelivery(
            config: config, store: store, sender: sender, now: Self.now.addingTimeInterval(86_401)
        ).run()

        #expect(down.pending == 2 && stillTrying.pending == 2)
        #expect(sender.sent.count == 2, "tried while within a day, then never again")
        #expect(late.failed == 2 && late.pending == 0 && late.sent == 0)
        #expect(
            late.problems.first
                == "sink 'noc': alert vodafone-1795251000-0 not delivered within 1d; last try failed: http 503 (temporary); it is dropped")
        #expect(try store.pendingAlerts().isEmpty)
        #expect(try store.outbox().map(\.status) == [.failed, .failed])
    }

    @Test func giveUpAfterOutsideItsRangeIsOneLine() {
        #expect(
            ConfigTestSupport.errors(ConfigTestSupport.minimal + "alerts:\n  give_up_after: 10m\n") == [
                "feeds.yml:8:18: 'give_up_after' in 'alerts' must be between 1h and 90d, found '10m'"
            ])
    }

    @Test func refusedAlertIsKeptForASlowRetryAndHoldsItsUpdates() async throws {
        let store = try AppDatabase.inMemory()
        try Self.queue(store, updates: 1)
        let sender = ScriptedSender([.rejected(status: 404, reason: "http 404")])
        let summary = try await AlertDelivery(config: try Self.config(), store: store, sender: sender, now: Self.now)
            .run()
        #expect(summary.failed == 0 && summary.pending == 2 && summary.sent == 0)
        #expect(sender.sent.count == 1, "the update is not sent while its opening waits")
        #expect(
            summary.problems == [
                "sink 'noc' (https://hooks.example.org/…): alert vodafone-1795251000-0 failed: http 404; "
                    + "kept in the outbox, next try at 2026-11-21T09:05:00Z, dropped after 2026-11-24T09:00:00Z"
            ])
        #expect(try store.outbox().map(\.status) == [.pending, .pending])
    }

    @Test func discordUpdatesEditTheOpeningMessage() async throws {
        let store = try AppDatabase.inMemory()
        try Self.queue(store, updates: 1)
        let sender = ScriptedSender([.delivered(status: 200, messageID: "1122334455")])
        _ = try await AlertDelivery(config: try Self.config(kind: "discord"), store: store, sender: sender, now: Self.now)
            .run()
        let methods = sender.sent.map(\.method)
        #expect(methods == ["POST", "PATCH"])
        #expect(sender.sent.last?.url.path.hasSuffix("/messages/1122334455") == true)
    }
}
