// SPDX-License-Identifier: Apache-2.0
import Foundation

/// When to try a failed delivery again, across runs: doubling waits from `initial` up to
/// `maximum`, or longer when the server asked for it with `Retry-After`. Pure, so the outbox
/// stores only the attempt count and the next time.
///
/// A sink that refuses (404 or 410 for a deleted or mistyped webhook, 401, 403) is tried again
/// too, on a slower schedule (`refusedInitial` doubling up to `refusedMaximum`): a URL fixed in
/// feeds.yml an hour later still delivers, until `alerts: give_up_after` drops the alert.
public struct DeliveryBackoff: Sendable, Equatable {
    /// Wait after the first failure.
    public var initial: TimeInterval
    /// Longest wait from doubling.
    public var maximum: TimeInterval
    /// Longest wait a `Retry-After` can impose, so a bogus header cannot park an alert for days.
    public var maximumRetryAfter: TimeInterval
    /// Wait after the first refusal: the configuration must change, which takes a person.
    public var refusedInitial: TimeInterval
    /// Longest wait between tries at a refusing sink.
    public var refusedMaximum: TimeInterval

    public init(
        initial: TimeInterval = 30, maximum: TimeInterval = 30 * 60, maximumRetryAfter: TimeInterval = 6 * 3600,
        refusedInitial: TimeInterval = 5 * 60, refusedMaximum: TimeInterval = 3600
    ) {
        self.initial = initial
        self.maximum = maximum
        self.maximumRetryAfter = maximumRetryAfter
        self.refusedInitial = refusedInitial
        self.refusedMaximum = refusedMaximum
    }

    public static let standard = DeliveryBackoff()

    /// The wait after `attempt` failed attempts (1 = the first failed): 30 s, 1 min, 2 min, …, 30 min.
    public func delay(afterAttempt attempt: Int, retryAfter: TimeInterval? = nil) -> TimeInterval {
        let doubled = Self.doubling(from: initial, upTo: maximum, attempt: attempt)
        guard let retryAfter else { return doubled }
        return max(doubled, min(retryAfter, maximumRetryAfter))
    }

    /// The wait after `attempt` failed attempts of which the last was refused: 5 min, 10 min, …, 1 h.
    public func refusedDelay(afterAttempt attempt: Int) -> TimeInterval {
        Self.doubling(from: refusedInitial, upTo: refusedMaximum, attempt: attempt)
    }

    private static func doubling(from first: TimeInterval, upTo cap: TimeInterval, attempt: Int) -> TimeInterval {
        let exponent = Double(max(0, attempt - 1))
        return exponent >= 30 ? cap : min(cap, first * pow(2, exponent))
    }

    /// The earliest time for the next attempt.
    /// - Parameters:
    ///   - attempt: failed attempts so far, including the one that just failed.
    ///   - now: when it failed.
    ///   - retryAfter: seconds from the server's `Retry-After`, if any.
    public func nextAttempt(afterAttempt attempt: Int, at now: Date, retryAfter: TimeInterval? = nil) -> Date {
        now.addingTimeInterval(delay(afterAttempt: attempt, retryAfter: retryAfter))
    }

    /// What the outbox does after an attempt: the time of the next one, or `nil` when it was delivered.
    /// - Parameters:
    ///   - result: how the attempt ended.
    ///   - attempt: attempts so far, including this one.
    public func nextAttempt(after result: DeliveryResult, attempt: Int, at now: Date) -> Date? {
        switch result {
        case .delivered: nil
        case .retryLater(_, let retryAfter): nextAttempt(afterAttempt: attempt, at: now, retryAfter: retryAfter)
        case .rejected: now.addingTimeInterval(refusedDelay(afterAttempt: attempt))
        }
    }
}
