// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// PagerDuty and Alertmanager sinks through the outbox, against loopback servers that answer
/// as those systems do, and a sink's problems told once (not every run) to cron.
@Suite struct OnCallDeliveryTests {
    static let now = AlertDeliveryTests.now
    static let routingKey = "KEYsecretKEYsecretKEYsecret00000"

    static func config(_ sink: String, url: URL) throws -> FeedsConfig {
        try AlertDeliveryTests.config(
            kind: sink, url: url.absoluteString, extra: sink == "pagerduty" ? "    routing_key: \(routingKey)" : "")
    }

    /// Queues messages of one incident for the sink `noc`; the incident is stored open, or resolved with `resolved`.
    static func queue(_ store: AppDatabase, _ kinds: [AlertMessage.Kind], resolved: Bool = false, at time: Date = now) throws {
        var sample = AlertMessage.sample(provider: .init(id: "vodafone", name: "Vodafone"), now: time, timeZoneID: "UTC")
        sample.incidentID = "vodafone-1795251000"
        let alerts = kinds.enumerated().map { number, kind in
            var message = sample
            message.kind = kind
            message.updateNumber = number
            return OutboxEntry(sinkName: "noc", message: message, createdAt: time, nextAttemptAt: time)
        }
        let incident = IncidentRecord(
            id: sample.incidentID, providerID: "vodafone", firstComplaintAt: time.addingTimeInterval(-600),
            openedAt: time, resolvedAt: resolved ? time : nil)
        let checkpoint = DetectionCheckpoint(
            provider: "vodafone", settings: DetectorSettings(), incidentSettings: IncidentSettings(), start: now)
        try store.saveDetection(provider: "vodafone", checkpoint: checkpoint, incidents: [incident], alerts: alerts, at: time)
    }

    static func deliver(_ config: FeedsConfig, _ store: AppDatabase, at time: Date) async throws -> AlertDelivery.Summary {
        try await AlertDelivery(config: config, store: store, sender: WebhookSender(timeout: 120), now: time).run()
    }

    @Test func pagerDutyGetsATriggerThenAResolveForTheIncidentAndWaitsOutA429() async throws {
        try await WebhookReceiver.with(replies: [
            WebhookReceiver.Reply(
                status: 429, headers: ["Retry-After": "60"], body: "{\"status\":\"throttled \(Self.routingKey)\"}"),
            WebhookReceiver.Reply(status: 202, body: "{\"status\":\"success\",\"message\":\"Event processed\"}"),
        ]) { receiver in
            let config = try Self.config("pagerduty", url: receiver.url("/"))
            let store = try AppDatabase.inMemory()
            try Self.queue(store, [.opened, .resolved], resolved: true)

            let throttled = try await Self.deliver(config, store, at: Self.now)
            let early = try await Self.deliver(config, store, at: Self.now.addingTimeInterval(30))
            let later = try await Self.deliver(config, store, at: Self.now.addingTimeInterval(61))

            #expect(throttled.sent == 0 && throttled.pending == 2)
            #expect(throttled.problems.first?.contains("http 429") == true)
            #expect(throttled.problems.first?.contains("retry after 60s") == true)
            #expect(!throttled.problems.joined().contains(Self.routingKey), "the routing key is never printed")
            #expect(early.sent == 0, "Retry-After is honoured")
            #expect(later.sent == 2)
            let requests = receiver.requests
            #expect(requests.map(\.path) == ["/v2/enqueue", "/v2/enqueue", "/v2/enqueue"])
            #expect(requests.map { $0.json?["event_action"] as? String } == ["trigger", "trigger", "resolve"])
            #expect(Set(requests.compactMap { $0.json?["dedup_key"] as? String }) == ["vodafone-1795251000"])
            #expect(requests.allSatisfy { $0.json?["routing_key"] as? String == Self.routingKey })
        }
    }

    @Test func alertmanagerGetsTheAlertPostedAgainWhileOpenAndEndedOnResolve() async throws {
        try await WebhookReceiver.with(replies: []) { receiver in
            let config = try Self.config("alertmanager", url: receiver.url("/"))
            let store = try AppDatabase.inMemory()
            try Self.queue(store, [.opened])

            let first = try await Self.deliver(config, store, at: Self.now)
            let refreshed = try await Self.deliver(config, store, at: Self.now.addingTimeInterval(300))
            try Self.queue(store, [.opened, .resolved], resolved: true, at: Self.now.addingTimeInterval(600))
            let resolved = try await Self.deliver(config, store, at: Self.now.addingTimeInterval(600))
            let quiet = try await Self.deliver(config, store, at: Self.now.addingTimeInterval(900))

            #expect(first.sent == 1 && first.refreshed == 0)
            #expect(refreshed.sent == 0 && refreshed.refreshed == 1)
            #expect(resolved.sent == 1 && resolved.refreshed == 0)
            #expect(quiet.sent == 0 && quiet.refreshed == 0, "a resolved incident is not posted again")
            let alerts = receiver.requests.map { request in
                ((try? JSONSerialization.jsonObject(with: request.body)) as? [[String: Any]])?.first ?? [:]
            }
            #expect(receiver.requests.map(\.path) == Array(repeating: "/api/v2/alerts", count: 3))
            #expect(alerts.map { $0["endsAt"] as? String } == [
                "2026-11-21T10:00:00Z", "2026-11-21T10:05:00Z", "2026-11-21T09:10:00Z",
            ])
            #expect(Set(alerts.compactMap { ($0["labels"] as? [String: String])?["incident"] }) == ["vodafone-1795251000"])
        }
    }

    @Test func aFailingSinkIsNewsWhenItStartsOnceADayAndWhenItRecovers() async throws {
        let store = try AppDatabase.inMemory()
        let config = try AlertDeliveryTests.config()
        try AlertDeliveryTests.queue(store, updates: 0)
        let down = DeliveryResult.retryLater(reason: "http 503", retryAfter: nil)
        let sender = AlertDeliveryTests.ScriptedSender([down, down, down])
        func run(after seconds: TimeInterval) async throws -> AlertDelivery.Summary {
            try await AlertDelivery(config: config, store: store, sender: sender, now: Self.now.addingTimeInterval(seconds))
                .run()
        }

        let started = try await run(after: 0)
        let again = try await run(after: 60)
        let nextDay = try await run(after: 86_460)
        let back = try await run(after: 90_000)

        #expect(started.news.count == 1 && started.news.first?.contains("http 503") == true)
        #expect(again.problems.count == 1 && again.news.isEmpty, "the same old failure is no news")
        #expect(nextDay.news.first?.hasPrefix("still failing since 2026-11-21T09:00:00Z (3 runs in a row): ") == true)
        #expect(back.sent == 1)
        #expect(back.news == ["sink 'noc': delivers again after 3 failed runs (failing since 2026-11-21T09:00:00Z)"])
        #expect(try store.sinkHealth()["noc"] == SinkHealth(name: "noc"))
    }
}
