// SPDX-License-Identifier: Apache-2.0
import Foundation

/// HTTP-date reading and writing, for `Retry-After` and the `Last-Modified` of `file://` sources.
///
/// Spec: https://www.rfc-editor.org/rfc/rfc9110#name-date-time-formats (IMF-fixdate, plus the
/// obsolete RFC 850 and asctime forms a recipient must accept).
enum HTTPDate {
    private static let formats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",  // Sun, 06 Nov 1994 08:49:37 GMT
        "EEEE, dd-MMM-yy HH:mm:ss zzz",  // Sunday, 06-Nov-94 08:49:37 GMT
        "EEE MMM d HH:mm:ss yyyy",  // Sun Nov  6 08:49:37 1994
    ]

    /// Parses any of the three HTTP-date forms; `nil` otherwise.
    static func parse(_ raw: String) -> Date? {
        let value = raw.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        let formatter = makeFormatter()
        for format in formats {
            formatter.dateFormat = format
            if let date = formatter.date(from: value) { return date }
        }
        return nil
    }

    /// Formats as IMF-fixdate, the form servers send in `Last-Modified`.
    static func format(_ date: Date) -> String {
        let formatter = makeFormatter()
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    private static func makeFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.calendar = Calendar(identifier: .gregorian)
        return formatter
    }
}
