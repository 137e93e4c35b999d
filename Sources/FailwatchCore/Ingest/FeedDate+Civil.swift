// SPDX-License-Identifier: Apache-2.0
import Foundation

extension FeedDate {
    /// Days since 1970-01-01 in the proleptic Gregorian calendar, so no `Calendar` is needed per date.
    ///
    /// Howard Hinnant's `days_from_civil` (https://howardhinnant.github.io/date_algorithms.html).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count, the inverse of ``daysFromCivil(year:month:day:)``.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// ISO weekday of a day count: Monday 1 … Sunday 7 (1970-01-01 was a Thursday).
    static func isoWeekday(days: Int) -> Int {
        let mod = ((days + 3) % 7 + 7) % 7
        return mod + 1
    }

    /// Writes an instant as `YYYY-MM-DDTHH:MM:SSZ`, the form the CLI and JSON output promise.
    ///
    /// - Parameter date: the instant; sub-second parts are dropped (floored).
    /// - Returns: the ISO-8601 UTC text, always with a four-digit year.
    public static func iso8601UTC(_ date: Date) -> String {
        let seconds = Int(UntrustedNumber.clampedSeconds(date))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let (year, month, day) = civilFromDays(days)
        var out: [UInt8] = []
        out.reserveCapacity(21)
        func put(_ value: Int, _ width: Int) {
            var digits = [UInt8](repeating: 48, count: width)
            var v = abs(value)
            for index in stride(from: width - 1, through: 0, by: -1) {
                digits[index] = UInt8(48 + v % 10)
                v /= 10
            }
            if value < 0 { out.append(UInt8(ascii: "-")) }
            out.append(contentsOf: digits)
        }
        put(year, 4)
        out.append(UInt8(ascii: "-"))
        put(month, 2)
        out.append(UInt8(ascii: "-"))
        put(day, 2)
        out.append(UInt8(ascii: "T"))
        put(rest / 3600, 2)
        out.append(UInt8(ascii: ":"))
        put(rest / 60 % 60, 2)
        out.append(UInt8(ascii: ":"))
        put(rest % 60, 2)
        out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }
}
