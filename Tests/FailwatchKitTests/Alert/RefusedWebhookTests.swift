// SPDX-License-Identifier: Apache-2.0
import FailwatchKit
import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// A webhook that answers 404 or 410 (deleted, or its URL mistyped in feeds.yml), through the
/// outbox to a real loopback receiver: the alert is tried again until `give_up_after`, its
/// updates wait behind it, and when it is given up the next message says the opening was lost.
@Suite struct RefusedWebhookTests {
    static let now = AlertDeliveryTests.now
    static let lostNote = "The opening alert of this incident could not be delivered"
    private let sender = WebhookSender(timeout: 30, userAgent: "failwatch-test/1")

    private static func config(_ url: URL, kind: String = "slack", giveUpAfter: String = "3d") throws -> FeedsConfig {
        try AlertDeliveryTests.config(kind: kind, url: url.absoluteString, extra: "alerts: {give_up_after: \(giveUpAfter)}")
    }

    private func deliver(_ config: FeedsConfig, _ store: AppDatabase, after seconds: TimeInterval) async throws
        -> AlertDelivery.Summary
    {
        try await AlertDelivery(config: config, store: store, sender: sender, now: Self.now.addingTimeInterval(seconds))
            .run()
    }

    @Test(arguments: [404, 410])
    func mistypedURLFixedAnHourLaterStillDeliversTheOpeningBeforeItsUpdate(status: Int) async throws {
        let store = try AppDatabase.inMemory()
        try AlertDeliveryTests.queue(store, updates: 1)
        try await WebhookReceiver.with(replies: [.status(status, body: "no_service")]) { receiver in
            let typo = try Self.config(receiver.url("/services/T0/B0/typo"))
            let refused = try await deliver(typo, store, after: 0)
            let tooSoon = try await deliver(typo, store, after: 120)
            let fixed = try Self.config(receiver.url("/services/T0/B0/right"))
            let later = try await deliver(fixed, store, after: 3600)

            #expect(refused.sent == 0 && refused.failed == 0 && refused.pending == 2)
            #expect(refused.problems.count == 1)
            #expect(refused.problems.first?.contains("http \(status): no_service") == true)
            #expect(refused.problems.first?.contains("typo") == false, "never the webhook url")
            #expect(tooSoon.sent == 0 && tooSoon.pending == 2 && tooSoon.problems.isEmpty, "five minutes first")
            #expect(later.sent == 2 && later.pending == 0 && later.problems.isEmpty)
            let requests = receiver.requests
            #expect(requests.map { $0.header("Idempotency-Key") } == [
                "vodafone-1795251000-0", "vodafone-1795251000-0", "vodafone-1795251000-1",
            ])
            #expect(requests.map(\.path) == ["/services/T0/B0/typo", "/services/T0/B0/right", "/services/T0/B0/right"])
            #expect(!requests.contains { $0.text.contains(Self.lostNote) })
        }
        #expect(try store.outbox().map(\.status) == [.delivered, .delivered])
    }

    @Test func updateAfterAGivenUpOpeningSaysTheOpeningWasLost() async throws {
        let store = try AppDatabase.inMemory()
        try AlertDeliveryTests.queue(store, updates: 0)
        try await WebhookReceiver.with(replies: [.status(410), .status(410)]) { receiver in
            let config = try Self.config(receiver.url("/services/T0/B0/gone"), giveUpAfter: "1h")
            let first = try await deliver(config, store, after: 0)
            try AlertDeliveryTests.queue(store, updates: 1, from: 1, at: Self.now.addingTimeInterval(1800))
            let held = try await deliver(config, store, after: 1800)
            let givenUp = try await deliver(config, store, after: 3700)
            try AlertDeliveryTests.queue(store, updates: 2, from: 2, at: Self.now.addingTimeInterval(4000))
            let next = try await deliver(config, store, after: 4000)

            #expect(first.pending == 1 && held.pending == 2 && held.sent == 0, "the update waits behind its opening")
            #expect(givenUp.failed == 1 && givenUp.sent == 1 && givenUp.pending == 0)
            #expect(
                givenUp.problems == [
                    "sink 'noc': alert vodafone-1795251000-0 not delivered within 1h; last try failed: http 410"
                        + "; hint: the webhook no longer exists, create a new one and update the sink's url; it is dropped"
                ])
            #expect(next.sent == 1)
            let requests = receiver.requests
            #expect(requests.map { $0.header("Idempotency-Key") } == [
                "vodafone-1795251000-0", "vodafone-1795251000-0", "vodafone-1795251000-1", "vodafone-1795251000-2",
            ])
            #expect(requests[2].text.contains(Self.lostNote), "the first message the channel gets says so")
            #expect(!requests[2].text.contains("Follows the alert"))
            #expect(!requests[3].text.contains(Self.lostNote), "once said, later updates follow that message")
        }
        #expect(try store.outbox().map(\.status) == [.failed, .delivered, .delivered])
    }

    @Test func genericWebhookFlagsTheLostOpening() async throws {
        let store = try AppDatabase.inMemory()
        try AlertDeliveryTests.queue(store, updates: 1)
        try await WebhookReceiver.with(replies: [.status(404)]) { receiver in
            let config = try Self.config(receiver.url("/hook/gone"), kind: "webhook", giveUpAfter: "1h")
            _ = try await deliver(config, store, after: 0)
            let late = try await deliver(config, store, after: 3700)
            #expect(late.failed == 2 && late.sent == 0, "both older than give_up_after")
        }
        try AlertDeliveryTests.queue(store, updates: 2, from: 2, at: Self.now.addingTimeInterval(3000))
        try await WebhookReceiver.with { receiver in
            let config = try Self.config(receiver.url("/hook/new"), kind: "webhook", giveUpAfter: "1h")
            let summary = try await deliver(config, store, after: 3800)
            #expect(summary.sent == 1)
            let request = try #require(receiver.requests.first)
            #expect(request.json?["opening_lost"] as? Bool == true)
            #expect(request.json?["update_number"] as? Int == 2)
        }
    }
}
