// SPDX-License-Identifier: Apache-2.0

extension FeedDate {
    /// Reads RFC 3339 / W3C-DTF and the ISO 8601 forms feeds use.
    ///
    /// Dates: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYYMMDD`, `YYYY-DDD`/`YYYYDDD` (ordinal),
    /// `YYYY-Www-D`/`YYYYWwwD` (week), `YY-MM-DD`, `YYMMDD`, `-YYMM`, `-YY-MM`, `YYYY-0MM-DD`
    /// (a zero-padded three-digit month, seen in the wild) and `YYYY-<month name>-DD`
    /// (Hungarian blogs: `2004-július-13T9:15-05:00`). Times after `T`, `t` or spaces:
    /// `H:MM`, `HH:MM:SS`, `HHMMSS` with an optional fraction, then `Z` or `±HH[:MM]`.
    ///
    /// Five bare digits (`22013`, `03335`) are rejected: as a date they would only be the rare
    /// `YYDDD` form, and in feeds they are far more often garbage.
    ///
    /// - Returns: the fields, or `nil` when the text is not one of these forms.
    static func parseISO(_ text: UnsafeBufferPointer<UInt8>) -> Fields? {
        var s = ByteScanner(text)
        var f = Fields()
        let dash = UInt8(ascii: "-")
        if s.eat(dash) {
            // -YYMM or -YY-MM: year in the century, first of the month.
            let (value, count) = s.digits()
            if count == 4 {
                f.year = expandTwoDigitYear(value / 100)
                f.month = value % 100
            } else if count == 2, s.eat(dash), let month = s.fixedDigits(2) {
                f.year = expandTwoDigitYear(value)
                f.month = month
            } else {
                return nil
            }
            return s.atEnd ? f : nil
        }
        let (value, count) = s.digits()
        switch count {
        case 4:
            f.year = value
            if s.atEnd { return f }
            guard readExtendedDateTail(&s, into: &f) else { return nil }
        case 8:
            f.year = value / 10_000
            f.month = value / 100 % 100
            f.day = value % 100
        case 7:
            guard setOrdinal(value % 1000, year: value / 1000, into: &f) else { return nil }
        case 6:
            f.year = expandTwoDigitYear(value / 10_000)
            f.month = value / 100 % 100
            f.day = value % 100
        case 2:
            guard s.eat(dash), let month = s.fixedDigits(2), s.eat(dash), let day = s.fixedDigits(2) else {
                return nil
            }
            f.year = expandTwoDigitYear(value)
            f.month = month
            f.day = day
        default:
            return nil
        }
        if s.atEnd { return f }
        guard s.eat(UInt8(ascii: "T")) || s.eat(UInt8(ascii: "t")) || s.skipSpaces(), readISOTime(&s, into: &f)
        else { return nil }
        return s.atEnd ? f : nil
    }

    /// Reads what follows `YYYY`: `-MM[-DD]`, `-0MM-DD`, `-DDD`, `-Www[-D]`, `Www[D]`, `-<month>-D`.
    private static func readExtendedDateTail(_ s: inout ByteScanner, into f: inout Fields) -> Bool {
        let dash = UInt8(ascii: "-")
        if s.eat(UInt8(ascii: "W")) {
            return readWeek(&s, extended: false, into: &f)
        }
        guard s.eat(dash) else { return false }
        if s.eat(UInt8(ascii: "W")) {
            return readWeek(&s, extended: true, into: &f)
        }
        if ByteScanner.isLetter(s.peek) {
            guard case .month(let month, _)? = Words.lookup(s.word()), s.eat(dash) else { return false }
            let (day, count) = s.digits()
            guard count == 1 || count == 2 else { return false }
            f.month = month
            f.day = day
            return true
        }
        let (value, count) = s.digits()
        switch count {
        case 2:
            f.month = value
            if s.eat(dash) {
                guard let day = s.fixedDigits(2) else { return false }
                f.day = day
            } else {
                // YYYY-MM takes no time of day.
                return s.atEnd
            }
        case 3:
            if s.eat(dash) {
                guard let day = s.fixedDigits(2) else { return false }
                f.month = value
                f.day = day
            } else {
                return setOrdinal(value, year: f.year, into: &f)
            }
        default:
            return false
        }
        return true
    }

    /// Reads `ww[-D]` (extended) or `ww[D]` (basic) after the `W` of a week date.
    private static func readWeek(_ s: inout ByteScanner, extended: Bool, into f: inout Fields) -> Bool {
        let (value, count) = s.digits()
        var week = value
        var weekday = 1
        if !extended && count == 3 {
            week = value / 10
            weekday = value % 10
        } else if count != 2 {
            return false
        } else if extended && s.eat(UInt8(ascii: "-")) {
            guard let day = s.fixedDigits(1) else { return false }
            weekday = day
        }
        guard (1...7).contains(weekday) else { return false }
        // Week 1 holds the year's first Thursday, so it holds 4 January.
        let jan4 = daysFromCivil(year: f.year, month: 1, day: 4)
        let week1Monday = jan4 - (isoWeekday(days: jan4) - 1)
        let nextJan4 = daysFromCivil(year: f.year + 1, month: 1, day: 4)
        let weeks = (nextJan4 - (isoWeekday(days: nextJan4) - 1) - week1Monday) / 7
        guard week >= 1, week <= weeks else { return false }
        let civil = civilFromDays(week1Monday + (week - 1) * 7 + weekday - 1)
        (f.year, f.month, f.day) = civil
        return true
    }

    /// Turns day-of-year `ordinal` into month and day; rejects days the year does not have.
    private static func setOrdinal(_ ordinal: Int, year: Int, into f: inout Fields) -> Bool {
        guard ordinal >= 1, ordinal <= (isLeapYear(year) ? 366 : 365) else { return false }
        let civil = civilFromDays(daysFromCivil(year: year, month: 1, day: 1) + ordinal - 1)
        (f.year, f.month, f.day) = civil
        return true
    }

    /// Reads `H[H]:MM[:SS][.frac]` or `HHMM[SS][.frac]`, then an optional zone.
    private static func readISOTime(_ s: inout ByteScanner, into f: inout Fields) -> Bool {
        let colon = UInt8(ascii: ":")
        let (value, count) = s.digits()
        switch count {
        case 1, 2:
            guard s.eat(colon), let minute = s.fixedDigits(2) else { return false }
            f.hour = value
            f.minute = minute
            if s.eat(colon) {
                guard let second = s.fixedDigits(2) else { return false }
                f.second = second
                readFraction(&s, into: &f)
            }
        case 4:
            f.hour = value / 100
            f.minute = value % 100
        case 6:
            f.hour = value / 10_000
            f.minute = value / 100 % 100
            f.second = value % 100
            readFraction(&s, into: &f)
        default:
            return false
        }
        s.skipSpaces()
        if s.atEnd { return true }
        if s.eat(UInt8(ascii: "Z")) || s.eat(UInt8(ascii: "z")) { return true }
        guard let offset = readOffset(&s) else { return false }
        f.offset = offset
        return true
    }

    private static func readFraction(_ s: inout ByteScanner, into f: inout Fields) {
        if (s.peek == UInt8(ascii: ".") || s.peek == UInt8(ascii: ",")) && ByteScanner.isDigit(s.peekNext) {
            s.pos += 1
            f.fraction = s.fraction()
        }
    }
}
