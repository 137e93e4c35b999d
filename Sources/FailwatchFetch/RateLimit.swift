// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// What an API's `X-RateLimit-*` headers say is left, so a run stops paging before the
/// limit is hit instead of after.
///
/// The headers are a convention, not a standard, and networks disagree on the reset:
/// Reddit sends seconds until the reset (`X-Ratelimit-Reset: 212`), GitHub-style APIs a
/// Unix time, Mastodon an ISO 8601 instant. All three are read.
public struct RateLimit: Sendable, Equatable {
    /// Requests left in the current window (`x-ratelimit-remaining`); `nil` when not sent.
    public var remaining: Double?
    /// When the window resets (`x-ratelimit-reset`); `nil` when not sent or unreadable.
    public var resetAfter: RetryAfter?

    /// Reads the headers of one response; X spells them `x-rate-limit-*`.
    /// - Parameter headers: response headers with lower-cased names.
    public init(headers: [String: String]) {
        remaining = (headers["x-ratelimit-remaining"] ?? headers["x-rate-limit-remaining"]).flatMap {
            Double($0.trimmingCharacters(in: .whitespaces))
        }
        resetAfter = (headers["x-ratelimit-reset"] ?? headers["x-rate-limit-reset"]).flatMap(Self.reset(_:))
    }

    /// Whether the window is used up, so the next request would be refused.
    public var isExhausted: Bool { (remaining ?? .infinity) < 1 }

    /// Seconds, a Unix time (anything past 2001-09-09 in seconds) or an ISO 8601 instant;
    /// `nil` for a number no clock can hold (`1e300`), so the source's interval applies.
    static func reset(_ value: String) -> RetryAfter? {
        let value = value.trimmingCharacters(in: .whitespaces)
        if let number = Double(value) {
            guard number.isFinite, number >= 0 else { return nil }
            if number >= 1_000_000_000 { return UntrustedNumber.instant(unixSeconds: number).map(RetryAfter.date) }
            return UntrustedNumber.integer(number.rounded(.up)).map(RetryAfter.seconds)
        }
        return FeedDate.parse(value).map(RetryAfter.date)
    }
}
