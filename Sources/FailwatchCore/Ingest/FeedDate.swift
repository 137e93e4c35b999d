// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads the dates feeds carry in the wild.
///
/// One pass over the UTF-8 bytes with a hand-written tokenizer and calendar arithmetic: no
/// `DateFormatter`, no `Calendar`, no allocation on the common paths, so it is pure, thread-safe
/// and fast enough for tens of thousands of items per second.
///
/// Two readers are tried in turn:
/// - `parseISO`: RFC 3339 / W3C-DTF and ISO 8601 (reduced precision, basic format,
///   ordinal and week dates, two-digit years, a month name in place of the month number);
/// - `parseLoose`: RFC 822/1123/2822 and what feeds make of it (named zones, missing
///   seconds or weekday, wrong weekday, two- and three-digit years, European, Greek, Hungarian and
///   Korean words, asctime, numeric dates such as Perforce's `2006/09/15`).
///
/// An unparseable date is `nil`: the caller picks the fallback with its own `now`. Out-of-range
/// fields (hour 25, minute 60, month 13, 31 June) make a date unparseable. A well-formed offset
/// outside −12…+14 h is read as UTC, as Miniflux does (`checkTimezoneRange`).
public enum FeedDate {
    /// Parses a feed date in any of the forms listed on ``FeedDate``.
    ///
    /// - Parameter raw: the date as it stands in the feed.
    /// - Returns: the instant, or `nil` when the string is not a date failwatch can read.
    public static func parse(_ raw: String) -> Date? {
        var text = raw
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// Parses trimmed or untrimmed UTF-8 bytes; the entry point for callers that hold bytes already.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var scanner = ByteScanner(bytes)
        scanner.skipSpaces()
        var end = bytes.count
        while end > scanner.pos {
            if ByteScanner.isSpace(bytes[end - 1]) {
                end -= 1
            } else if end - 2 >= scanner.pos, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 {
                end -= 2
            } else {
                break
            }
        }
        guard end > scanner.pos else { return nil }
        let text = UnsafeBufferPointer(rebasing: bytes[scanner.pos..<end])
        let first = text[0]
        if ByteScanner.isDigit(first) || first == UInt8(ascii: "-") {
            if let fields = parseISO(text) { return fields.instant }
            if let seconds = parseUnixSeconds(text) { return Date(timeIntervalSince1970: Double(seconds)) }
        }
        return parseLoose(text)?.instant
    }

    /// Ten bare digits: a Unix timestamp (2001…2286), as some JSON and generated feeds carry.
    static func parseUnixSeconds(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var scanner = ByteScanner(text)
        let (value, count) = scanner.digits()
        return count == 10 && scanner.atEnd ? value : nil
    }

    /// A date split into fields before range checks, so every reader shares one validation.
    struct Fields {
        var year = 0
        var month = 1
        var day = 1
        var hour = 0
        var minute = 0
        var second = 0
        var fraction = 0.0
        /// Minutes east of UTC.
        var offset = 0

        /// The instant, or `nil` when a field is out of range.
        var instant: Date? {
            guard (1...9999).contains(year), (1...12).contains(month),
                day >= 1, day <= FeedDate.daysInMonth(month, year: year),
                (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
            else { return nil }
            // A leap second is kept inside its minute rather than spilling into the next.
            let wholeSecond = min(second, 59)
            let zone = (-12 * 60...14 * 60).contains(offset) ? offset : 0
            let days = FeedDate.daysFromCivil(year: year, month: month, day: day)
            let seconds = days * 86_400 + hour * 3600 + minute * 60 + wholeSecond - zone * 60
            return Date(timeIntervalSince1970: Double(seconds) + fraction)
        }
    }

    /// Expands a two-digit year the RFC 2822 way: 00–49 → 2000s, 50–99 → 1900s.
    static func expandTwoDigitYear(_ year: Int) -> Int {
        year < 50 ? 2000 + year : 1900 + year
    }

    /// Reads `HH[:MM]`, `HHMM` or `H` after a sign as minutes east of UTC.
    ///
    /// - Returns: `nil` for malformed offsets (`+zz:00`, `+00:zz`, minutes above 59, hours above 23).
    static func readOffset(_ scanner: inout ByteScanner) -> Int? {
        let sign: Int
        if scanner.eat(UInt8(ascii: "+")) {
            sign = 1
        } else if scanner.eat(UInt8(ascii: "-")) {
            sign = -1
        } else if scanner.eat(0xE2), scanner.eat(0x88), scanner.eat(0x92) {
            // U+2212 MINUS SIGN, which typeset dates carry.
            sign = -1
        } else {
            return nil
        }
        let (value, count) = scanner.digits()
        var hours: Int
        var minutes = 0
        switch count {
        case 1, 2:
            hours = value
            if scanner.eat(UInt8(ascii: ":")) {
                guard let mm = scanner.fixedDigits(2) else { return nil }
                minutes = mm
            }
        case 3, 4:
            hours = value / 100
            minutes = value % 100
        default:
            return nil
        }
        guard hours <= 23, minutes <= 59 else { return nil }
        return sign * (hours * 60 + minutes)
    }
}
