// SPDX-License-Identifier: Apache-2.0
import Foundation

/// When to try a failed delivery again, across runs: doubling waits from `initial` up to
/// `maximum`, or longer when the server asked for it with `Retry-After`. Pure, so the outbox
/// stores only the attempt count and the next time.
public struct DeliveryBackoff: Sendable, Equatable {
    /// Wait after the first failure.
    public var initial: TimeInterval
    /// Longest wait from doubling.
    public var maximum: TimeInterval
    /// Longest wait a `Retry-After` can impose, so a bogus header cannot park an alert for days.
    public var maximumRetryAfter: TimeInterval

    public init(initial: TimeInterval = 30, maximum: TimeInterval = 30 * 60, maximumRetryAfter: TimeInterval = 6 * 3600)
    {
        self.initial = initial
        self.maximum = maximum
        self.maximumRetryAfter = maximumRetryAfter
    }

    public static let standard = DeliveryBackoff()

    /// The wait after `attempt` failed attempts (1 = the first failed): 30 s, 1 min, 2 min, …, 30 min.
    public func delay(afterAttempt attempt: Int, retryAfter: TimeInterval? = nil) -> TimeInterval {
        let exponent = Double(max(0, attempt - 1))
        let doubled = exponent >= 30 ? maximum : min(maximum, initial * pow(2, exponent))
        guard let retryAfter else { return doubled }
        return max(doubled, min(retryAfter, maximumRetryAfter))
    }

    /// The earliest time for the next attempt.
    /// - Parameters:
    ///   - attempt: failed attempts so far, including the one that just failed.
    ///   - now: when it failed.
    ///   - retryAfter: seconds from the server's `Retry-After`, if any.
    public func nextAttempt(afterAttempt attempt: Int, at now: Date, retryAfter: TimeInterval? = nil) -> Date {
        now.addingTimeInterval(delay(afterAttempt: attempt, retryAfter: retryAfter))
    }

    /// What the outbox does after an attempt: the time of the next one, or `nil` when there
    /// is none (delivered, or rejected for good).
    /// - Parameters:
    ///   - result: how the attempt ended.
    ///   - attempt: attempts so far, including this one.
    public func nextAttempt(after result: DeliveryResult, attempt: Int, at now: Date) -> Date? {
        guard case .retryLater(_, let retryAfter) = result else { return nil }
        return nextAttempt(afterAttempt: attempt, at: now, retryAfter: retryAfter)
    }
}
