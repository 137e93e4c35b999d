import Foundation
import Testing

// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchKit

/// How long the outbox waits between attempts, across runs.
@Suite struct DeliveryBackoffTests {
    @Test(arguments: [(1, 30.0), (2, 60), (3, 120), (4, 240), (6, 960), (7, 1800), (50, 1800), (10_000, 1800)])
    func waitsDoubleUpToTheCap(attempt: Int, seconds: TimeInterval) {
        #expect(DeliveryBackoff.standard.delay(afterAttempt: attempt) == seconds)
    }

    @Test func retryAfterLongerThanTheBackoffIsHonoured() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(
            DeliveryBackoff.standard.nextAttempt(afterAttempt: 1, at: now, retryAfter: 300)
                == now.addingTimeInterval(300))
    }

    @Test func retryAfterShorterThanTheBackoffDoesNotShortenIt() {
        #expect(DeliveryBackoff.standard.delay(afterAttempt: 3, retryAfter: 1) == 120)
    }

    @Test func everyFailureIsScheduledAgainRefusalsMoreSlowly() {
        let now = AlertFixtures.now
        let backoff = DeliveryBackoff.standard
        #expect(backoff.nextAttempt(after: .delivered(status: 200, messageID: nil), attempt: 1, at: now) == nil)
        #expect(
            backoff.nextAttempt(after: .rejected(status: 404, reason: "gone"), attempt: 1, at: now)
                == now.addingTimeInterval(300))
        #expect(
            backoff.nextAttempt(after: .retryLater(reason: "http 429", retryAfter: 90), attempt: 2, at: now)
                == now.addingTimeInterval(90))
    }

    /// A mistyped or deleted webhook: 5 min, 10 min, 20 min, 40 min, then hourly until `give_up_after`.
    @Test(arguments: [(1, 300.0), (2, 600), (3, 1200), (4, 2400), (5, 3600), (6, 3600), (10_000, 3600)])
    func refusalsWaitFiveMinutesDoublingUpToAnHour(attempt: Int, seconds: TimeInterval) {
        #expect(DeliveryBackoff.standard.refusedDelay(afterAttempt: attempt) == seconds)
    }

    @Test func absurdRetryAfterIsCapped() {
        #expect(DeliveryBackoff.standard.delay(afterAttempt: 1, retryAfter: 30 * 86_400) == 6 * 3600)
    }
}
