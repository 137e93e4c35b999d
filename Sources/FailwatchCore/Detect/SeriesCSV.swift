// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads `timestamp,value` series (the NAB format) for backtests.
///
/// Timestamps are `YYYY-MM-DD HH:MM:SS` (UTC, as in NAB) or the same with `T` and an optional `Z`,
/// read on a fast path; any other date `failwatch parse-date` reads (`2026-11-01 00:00`, an
/// offset) is read as it reads it. An optional header row `timestamp,value` is skipped. Rows
/// must be in time order.
public enum SeriesCSV {
    /// Parses the whole text of a series file.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the file's name, for error messages.
    /// - Returns: the points in file order.
    /// - Throws: ``DetectError`` naming the file and the first bad line.
    public static func parse(_ text: String, file: String) throws -> [SeriesPoint] {
        var points: [SeriesPoint] = []
        var lineNumber = 0
        // Split on the scalar: as Characters, "\r\n" is one grapheme that "\n" never matches,
        // and a spreadsheet's CRLF file would be one long line.
        for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Substring(rawLine.last == "\r" ? rawLine.dropLast() : rawLine)
            if line.allSatisfy(\.isWhitespace) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            if points.isEmpty && lineNumber == 1 && fields.first?.lowercased() == "timestamp" { continue }
            guard fields.count == 2 else {
                throw DetectError.badRow(
                    file: file, line: lineNumber, reason: "expected 'timestamp,value', got \(fields.count) fields")
            }
            let stamp = String(fields[0]).trimmingCharacters(in: .whitespaces)
            guard let time = timestamp(stamp) ?? FeedDate.parse(stamp) else {
                throw DetectError.badRow(file: file, line: lineNumber, reason: "bad timestamp '\(quoted(stamp))'")
            }
            let valueText = fields[1].trimmingCharacters(in: .whitespaces)
            guard let value = Double(valueText), value.isFinite, value >= 0 else {
                throw DetectError.badRow(
                    file: file, line: lineNumber, reason: "bad value '\(quoted(valueText))', expected a count >= 0")
            }
            if let previous = points.last, time <= previous.time {
                throw DetectError.badRow(
                    file: file, line: lineNumber, reason: "timestamp '\(quoted(stamp))' is not after the previous row")
            }
            points.append(SeriesPoint(time: time, value: value, timestamp: stamp))
        }
        guard !points.isEmpty else { throw DetectError.emptySeries(file: file) }
        return points
    }

    /// A field as an error quotes it: control characters as spaces, at most 60 characters, so the
    /// message stays one short line whatever the file holds.
    static func quoted(_ field: some StringProtocol) -> String {
        AlertText.clean(String(field), limit: 60)
    }

    /// Reads `YYYY-MM-DD HH:MM:SS` (or with `T`, optional fraction and `Z`) as UTC.
    ///
    /// - Parameter text: the timestamp.
    /// - Returns: the instant, or `nil` when the text is not such a timestamp.
    public static func timestamp(_ text: String) -> Date? {
        var body = Substring(text)
        if body.hasSuffix("Z") { body = body.dropLast() }
        if let dot = body.firstIndex(of: "."), body.distance(from: body.startIndex, to: dot) == 19 {
            guard body[body.index(after: dot)...].allSatisfy(\.isNumber) else { return nil }
            body = body[..<dot]
        }
        let chars = Array(body.utf8)
        guard chars.count == 19, chars[4] == 0x2D, chars[7] == 0x2D, chars[13] == 0x3A, chars[16] == 0x3A,
            chars[10] == 0x20 || chars[10] == 0x54
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var result = 0
            for index in range {
                let digit = Int(chars[index]) - 0x30
                guard (0...9).contains(digit) else { return nil }
                result = result * 10 + digit
            }
            return result
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
