// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads the dates feeds carry in the wild.
///
/// An unparseable date is `nil`: the caller picks the fallback with its own `now`.
public enum FeedDate {
    /// Parses an RFC 822 / RFC 3339 / W3C-DTF date string.
    ///
    /// - Parameter raw: the date as it stands in the feed.
    /// - Returns: the instant, or `nil` when the string is not a date failwatch can read.
    public static func parse(_ raw: String) -> Date? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for layout in ["EEE, dd MMM yyyy HH:mm:ss Z", "dd MMM yyyy HH:mm:ss Z"] {
            formatter.dateFormat = layout
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
