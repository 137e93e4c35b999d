// SPDX-License-Identifier: Apache-2.0

extension FeedDate {
    /// The fields of a free-form date as they turn up, before they are checked.
    private struct LooseState {
        var year: Int?
        var month: Int?
        var monthAmbiguous = false
        var day: Int?
        var time: (hour: Int, minute: Int, second: Int, fraction: Double)?
        var offset: Int?
        var offsetIsNumeric = false
        var meridiem: Bool?
        var korean = false

        /// Builds the fields once a year, month and day are known.
        func fields() -> Fields? {
            guard let year, let month, let day else { return nil }
            var fields = Fields(year: year, month: month, day: day)
            if let time {
                fields.hour = time.hour
                fields.minute = time.minute
                fields.second = time.second
                fields.fraction = time.fraction
            }
            if let pm = meridiem {
                guard time != nil, (1...12).contains(fields.hour) else { return nil }
                fields.hour = fields.hour % 12 + (pm ? 12 : 0)
            }
            fields.offset = offset ?? (korean ? 9 * 60 : 0)
            return fields
        }
    }

    /// Reads RFC 822/1123/2822 dates and the free forms feeds make of them, token by token.
    ///
    /// Handles weekday (any, ignored) and month names in many languages, day-month-year in any
    /// order (`Thu Aug 30 2012`, asctime's `Sun Jan  4 16:29:06 2004`, Twitter's
    /// `Sun Jul 15 01:16:00 +0000 2012`), `H:MM[:SS[.frac]]`, named and numeric zones
    /// (`GMT-01:01`, `Etc/GMT`, `-0000`, `(PST)` comments), numeric dates (`2006/09/15`,
    /// `05.01.2004`, `06-Nov-94`), Korean and CJK markers, stray commas, dots and spaces.
    /// Any unknown word or stray number makes the whole date unreadable.
    ///
    /// - Returns: the fields, or `nil`.
    static func parseLoose(_ text: UnsafeBufferPointer<UInt8>) -> Fields? {
        var s = ByteScanner(text)
        var state = LooseState()
        while !s.atEnd {
            let byte = s.peek
            if s.skipSpaces() { continue }
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") {
                s.pos += 1
            } else if ByteScanner.isDigit(byte) {
                guard readLooseNumber(&s, into: &state) else { return nil }
            } else if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == 0xE2 {
                if (state.time != nil || state.offset != nil) && !state.offsetIsNumeric {
                    guard let offset = readOffset(&s) else { return nil }
                    state.offset = offset
                    state.offsetIsNumeric = true
                } else if byte == UInt8(ascii: "-") {
                    s.pos += 1
                } else {
                    return nil
                }
            } else if byte == UInt8(ascii: "(") {
                // An RFC 2822 comment such as "(PST)" after a numeric zone.
                while !s.atEnd, s.peek != UInt8(ascii: ")") { s.pos += 1 }
                guard s.eat(UInt8(ascii: ")")) else { return nil }
            } else if byte | 0x20 == UInt8(ascii: "t"), state.day != nil, state.time == nil,
                ByteScanner.isDigit(s.peekNext), s.pos > 0, ByteScanner.isDigit(text[s.pos - 1])
            {
                // ISO 8601's date-time separator before a zone name: "2004-01-05T21:49:13 UTC".
                s.pos += 1
            } else if ByteScanner.isLetter(byte) {
                let word = s.word()
                if word.count == 3, word[0] | 0x20 == UInt8(ascii: "e"), word[1] | 0x20 == UInt8(ascii: "t"),
                    word[2] | 0x20 == UInt8(ascii: "c"), s.peek == UInt8(ascii: "/")
                {
                    // "Etc/GMT": the tz database's name for UTC.
                    s.pos += 1
                    continue
                }
                guard let meaning = Words.lookup(word), apply(meaning, to: &state) else { return nil }
            } else {
                return nil
            }
        }
        return state.fields()
    }

    /// Applies one looked-up word; `false` when it contradicts what was read already.
    private static func apply(_ meaning: Word, to state: inout LooseState) -> Bool {
        switch meaning {
        case .month(let month, let ambiguous):
            if state.month != nil {
                // French "mar." (mardi) before the real month.
                guard state.monthAmbiguous else { return ambiguous }
            }
            state.month = month
            state.monthAmbiguous = ambiguous
        case .weekday, .filler:
            break
        case .zone(let offset):
            if let known = state.offset {
                // "+0000 GMT": the numeric offset wins; two different names contradict.
                return state.offsetIsNumeric || known == offset
            }
            state.offset = offset
        case .military(let offset):
            guard state.time != nil, state.offset == nil else { return false }
            state.offset = offset
        case .atWord:
            if state.time != nil {
                guard state.offset == nil else { return false }
                state.offset = -240
            }
        case .meridiem(let pm):
            if state.time != nil {
                guard state.meridiem == nil else { return false }
                state.meridiem = pm
            } else if pm {
                return false
            }
        case .koreanMeridiem(let pm):
            guard state.meridiem == nil else { return false }
            state.meridiem = pm
            state.korean = true
        case .mark:
            // A marker with no number right before it.
            return false
        }
        return true
    }

    /// Reads a number and decides what it is: a time, a numeric date, a marked part or a day/year.
    private static func readLooseNumber(_ s: inout ByteScanner, into state: inout LooseState) -> Bool {
        let (value, count) = s.digits()
        let colon = UInt8(ascii: ":")
        if s.peek == colon {
            guard state.time == nil, count <= 2 else { return false }
            s.pos += 1
            guard let minute = s.fixedDigits(2) else { return false }
            var second = 0
            var fraction = 0.0
            if s.eat(colon) {
                guard let sec = s.fixedDigits(2) else { return false }
                second = sec
                if s.peek == UInt8(ascii: ".") || s.peek == UInt8(ascii: ","), ByteScanner.isDigit(s.peekNext) {
                    s.pos += 1
                    fraction = s.fraction()
                }
            }
            // "1:2:3:4" is no time.
            guard s.peek != colon else { return false }
            state.time = (value, minute, second, fraction)
            return true
        }
        let separator = s.peek
        if separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") || separator == UInt8(ascii: "."),
            ByteScanner.isDigit(s.peekNext), state.time == nil
        {
            return readNumericDate(first: value, count: count, separator: separator, &s, into: &state)
        }
        if s.peek >= 0x80 {
            let start = s.pos
            if case .mark(let mark, let korean)? = Words.lookup(s.word()) {
                state.korean = state.korean || korean
                switch mark {
                case .year:
                    guard state.year == nil else { return false }
                    state.year = count == 2 ? expandTwoDigitYear(value) : value
                case .month:
                    guard state.month == nil else { return false }
                    state.month = value
                case .day:
                    guard state.day == nil else { return false }
                    state.day = value
                }
                return true
            }
            s.pos = start
        }
        switch count {
        case 3, 4:
            guard state.year == nil else { return false }
            // Three digits: years counted from 1900, as C's tm_year (104 → 2004).
            state.year = count == 3 ? 1900 + value : value
        case 1, 2:
            if state.day == nil {
                state.day = value
            } else if state.year == nil {
                state.year = expandTwoDigitYear(value)
            } else {
                return false
            }
        default:
            return false
        }
        return true
    }

    /// Reads `Y-M-D`, `Y/M/D`, `D.M.Y`, `D-M-Y`, `M/D/Y` (US, unless the first part exceeds 12).
    private static func readNumericDate(
        first: Int, count: Int, separator: UInt8, _ s: inout ByteScanner, into state: inout LooseState
    ) -> Bool {
        guard state.year == nil, state.month == nil, state.day == nil else { return false }
        s.pos += 1
        let (second, secondCount) = s.digits()
        guard s.eat(separator) else { return false }
        let (third, thirdCount) = s.digits()
        guard (1...4).contains(count), (1...2).contains(secondCount), (1...4).contains(thirdCount)
        else { return false }
        if count == 4 || (count == 2 && thirdCount == 2 && separator == UInt8(ascii: "-")) {
            state.year = count == 4 ? first : expandTwoDigitYear(first)
            state.month = second
            state.day = third
            return true
        }
        guard count <= 2, thirdCount == 2 || thirdCount == 4 else { return false }
        let year = thirdCount == 4 ? third : expandTwoDigitYear(third)
        if separator == UInt8(ascii: "/"), first <= 12 {
            state.month = first
            state.day = second
        } else {
            state.day = first
            state.month = second
        }
        state.year = year
        return true
    }
}
