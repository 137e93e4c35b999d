// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A server's `Retry-After`, so a 429/503 source is skipped until the server is ready again.
///
/// Spec: https://www.rfc-editor.org/rfc/rfc9110#name-retry-after (delay-seconds or HTTP-date).
public enum RetryAfter: Sendable, Equatable {
    /// A delay in seconds from the moment the response arrived.
    case seconds(Int)
    /// An absolute time.
    case date(Date)

    /// Parses a header value; `nil` when it is neither a non-negative integer nor an HTTP-date.
    public init?(headerValue: String) {
        let value = headerValue.trimmingCharacters(in: .whitespaces)
        if !value.isEmpty, value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber) {
            // A huge number is still "a long time", not a parse failure.
            self = .seconds(Int(value) ?? Int(Int32.max))
        } else if let date = HTTPDate.parse(value) {
            self = .date(date)
        } else {
            return nil
        }
    }

    /// The longest wait a server can ask for: a week. A header of `1e300`, `99999999999` or
    /// the year 9999 is a broken server, not a reason to silence a source for ever.
    public static let longest: TimeInterval = 7 * 86_400

    /// The earliest moment to try again; never earlier than `now`, never later than ``longest`` after it.
    ///
    /// - Parameter now: when the response was received.
    /// - Returns: `now` plus the delay, or the date, whichever form the server sent.
    public func until(now: Date) -> Date {
        switch self {
        case .seconds(let seconds):
            return now.addingTimeInterval(min(TimeInterval(max(seconds, 0)), Self.longest))
        case .date(let date):
            return min(max(date, now), now.addingTimeInterval(Self.longest))
        }
    }
}
