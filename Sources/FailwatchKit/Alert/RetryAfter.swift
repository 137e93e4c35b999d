// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads an HTTP `Retry-After` value, so a rate-limited webhook is not hammered.
enum RetryAfter {
    /// Seconds to wait: the value as delay-seconds (`120`), or the distance from `now` to an
    /// HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`); `nil` when unreadable. Never negative.
    static func seconds(_ value: String, now: Date) -> TimeInterval? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds.isFinite { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
