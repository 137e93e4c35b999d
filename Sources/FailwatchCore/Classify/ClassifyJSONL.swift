// SPDX-License-Identifier: Apache-2.0

/// Reads `{"id","text","lang"}` lines and writes `{"id","label","complaint","outage","sentiment","lang",
/// "symptom","repost"}` lines (and `"providers"` for a post that names configured providers) without
/// Foundation's JSON, which would cost more than classifying.
///
/// The reader takes objects whose `id`, `text`, `lang` and `label` are scalars; nested values of
/// other fields are skipped. A line it cannot read is reported by the `classify` command, which goes on.
public enum ClassifyJSONL {
    /// One input post; `text` is UTF-8 with escapes decoded.
    public struct Post: Sendable, Equatable {
        public var id: String
        public var text: [UInt8]
        public var lang: String?
        /// The label of a training line: `label`, else `complaint` (true/false) as complaint/not_complaint.
        public var label: String?
    }

    /// Parses one line; `nil` unless it is a flat JSON object with a string `text`.
    public static func parse(_ line: UnsafeBufferPointer<UInt8>) -> Post? {
        var p = Parser(bytes: line)
        p.skipSpace()
        guard p.take(0x7B) else { return nil }  // {
        var id: String?
        var text: [UInt8]?
        var lang: String?
        var label: String?
        var complaint: String?
        p.skipSpace()
        if p.take(0x7D) { return nil }
        while true {
            p.skipSpace()
            guard let key = p.string() else { return nil }
            p.skipSpace()
            guard p.take(0x3A) else { return nil }
            p.skipSpace()
            guard let value = p.value() else { return nil }
            switch key {
            case [0x69, 0x64]:  // id
                id = value.text.map { String(decoding: $0, as: UTF8.self) }
            case [0x74, 0x65, 0x78, 0x74]:  // text
                guard value.isString, let t = value.text else { return nil }
                text = t
            case [0x6C, 0x61, 0x6E, 0x67]:  // lang
                if value.isString, let l = value.text { lang = String(decoding: l, as: UTF8.self) }
            case [0x6C, 0x61, 0x62, 0x65, 0x6C]:  // label
                if value.isString, let l = value.text { label = String(decoding: l, as: UTF8.self) }
            case [0x63, 0x6F, 0x6D, 0x70, 0x6C, 0x61, 0x69, 0x6E, 0x74]:  // complaint
                if !value.isString, let c = value.text {
                    complaint = c == Array("true".utf8) ? "complaint" : c == Array("false".utf8) ? "not_complaint" : nil
                }
            default:
                break
            }
            p.skipSpace()
            if p.take(0x2C) { continue }
            guard p.take(0x7D) else { return nil }
            break
        }
        p.skipSpace()
        guard p.atEnd, let text else { return nil }
        return Post(id: id ?? "", text: text, lang: lang, label: label ?? complaint)
    }

    /// The fields of one input line read in place, for the `classify` command's bulk path.
    public struct Fields: Sendable, Equatable {
        /// Where the `id` value stands in the line, as written (a string with its quotes and escapes, or a number).
        public var id: Range<Int>?
        public var idIsString = false
        /// "de", "en" or "other" from `lang` (see ``Classifier``); nil without one.
        public var language: String?
    }

    /// Reads one line without allocating: `text` is decoded into the reused `text` buffer, `id` is
    /// left where it stands (an output line copies it as written), `lang` is reduced to de/en/other.
    ///
    /// - Returns: nil unless the line is a JSON object with a string `text` (as ``parse(_:)``).
    public static func read(_ line: UnsafeBufferPointer<UInt8>, text: inout [UInt8]) -> Fields? {
        var p = Parser(bytes: line)
        var fields = Fields()
        var hasText = false
        p.skipSpace()
        guard p.take(0x7B) else { return nil }  // {
        p.skipSpace()
        if p.take(0x7D) { return nil }
        while true {
            p.skipSpace()
            guard let key = p.key() else { return nil }
            p.skipSpace()
            guard p.take(0x3A) else { return nil }
            p.skipSpace()
            let start = p.i
            let isString = !p.atEnd && line[p.i] == 0x22
            switch key {
            case .text:
                guard isString else { return nil }
                text.removeAll(keepingCapacity: true)
                guard p.string(into: &text) else { return nil }
                hasText = true
            case .id:
                guard p.skipValue() else { return nil }
                let raw = UnsafeBufferPointer(rebasing: line[start..<p.i])
                let scalar = !raw.isEmpty && raw[0] != 0x7B && raw[0] != 0x5B && !isNull(raw)
                fields.id = scalar ? start..<p.i : nil
                fields.idIsString = isString
            case .lang:
                guard p.skipValue() else { return nil }
                if isString && p.i - start > 2 {
                    fields.language = languageCode(UnsafeBufferPointer(rebasing: line[(start + 1)..<(p.i - 1)]))
                }
            case .other:
                guard p.skipValue() else { return nil }
            }
            p.skipSpace()
            if p.take(0x2C) { continue }
            guard p.take(0x7D) else { return nil }
            break
        }
        p.skipSpace()
        guard p.atEnd, hasText else { return nil }
        return fields
    }

    static func isNull(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        raw.count == 4 && raw[0] == 0x6E && raw[1] == 0x75 && raw[2] == 0x6C && raw[3] == 0x6C
    }

    /// "de" for de, de-AT, gsw…; "en" for en, en-GB…; "other" for any other tag.
    static func languageCode(_ tag: UnsafeBufferPointer<UInt8>) -> String {
        let a = tag[0] | 0x20
        let b = tag.count > 1 ? tag[1] | 0x20 : 0
        if a == 0x64 && b == 0x65 { return "de" }
        if a == 0x65 && b == 0x6E { return "en" }
        if a == 0x67 && b == 0x73 && tag.count > 2 && tag[2] | 0x20 == 0x77 { return "de" }
        return "other"
    }

    /// Appends one output line (with its newline).
    /// - Parameter details: also write the rules' numbers (`score`, `compound`, `cues`) and `reasons`, for tuning.
    public static func appendOutput(
        id: String, classification c: Classification, details: Bool = false, to out: inout [UInt8]
    ) {
        append(#"{"id":"#, to: &out)
        appendString(id, to: &out)
        appendFields(c, details: details, to: &out)
    }

    /// Appends one output line whose id is copied as the input wrote it (see ``read(_:text:)``).
    public static func appendOutput(
        rawID: UnsafeBufferPointer<UInt8>?, idIsString: Bool, classification c: Classification, details: Bool = false,
        to out: inout [UInt8]
    ) {
        append(#"{"id":"#, to: &out)
        if let rawID, idIsString {
            out.append(contentsOf: rawID)
        } else {
            out.append(0x22)
            if let rawID { out.append(contentsOf: rawID) }  // a number or literal, quoted
            out.append(0x22)
        }
        appendFields(c, details: details, to: &out)
    }

    static func appendFields(_ c: Classification, details: Bool, to out: inout [UInt8]) {
        append(#","label":""#, to: &out)
        append(labelText(c.label), to: &out)
        append(c.complaint ? #"","complaint":true"# : #"","complaint":false"#, to: &out)
        append(c.outage ? #","outage":true"# : #","outage":false"#, to: &out)
        append(#","sentiment":"#, to: &out)
        appendNumber(c.sentiment, to: &out)
        append(#","lang":"#, to: &out)
        switch c.language {
        case "de": append(#""de""#, to: &out)
        case "en": append(#""en""#, to: &out)
        case "other": append(#""other""#, to: &out)
        default: appendString(c.language, to: &out)
        }
        appendSymptom(c.symptom, to: &out)
        append(c.repost ? #","repost":true"# : #","repost":false"#, to: &out)
        if !c.providers.isEmpty {
            append(#","providers":["#, to: &out)
            for (k, p) in c.providers.enumerated() {
                append(k == 0 ? #"{"id":"# : #",{"id":"#, to: &out)
                appendString(p.id, to: &out)
                append(#","label":""#, to: &out)
                append(labelText(p.label), to: &out)
                append(p.outage ? #"","outage":true"# : #"","outage":false"#, to: &out)
                appendSymptom(p.symptom, to: &out)
                out.append(0x7D)
            }
            out.append(0x5D)
        }
        if details {
            out.append(contentsOf: #","score":"#.utf8)
            appendNumber(c.complaintScore, to: &out)
            out.append(contentsOf: #","compound":"#.utf8)
            appendNumber(c.lexiconSentiment, to: &out)
            out.append(contentsOf: #","cues":["#.utf8)
            out.append(contentsOf: c.cueCounts.map(String.init).joined(separator: ",").utf8)
            out.append(contentsOf: #"],"reasons":["#.utf8)
            for (k, reason) in c.reasons.enumerated() {
                if k > 0 { out.append(0x2C) }
                appendString(reason, to: &out)
            }
            out.append(0x5D)
        }
        append("}\n", to: &out)
    }

    /// `,"symptom":"sms"`, or `,"symptom":null` for a verdict that is no outage.
    static func appendSymptom(_ symptom: Symptom?, to out: inout [UInt8]) {
        guard let symptom else {
            append(#","symptom":null"#, to: &out)
            return
        }
        append(#","symptom":"#, to: &out)
        appendString(symptom.rawValue, to: &out)
    }

    /// A label's raw value as constant text (see ``append(_:to:)``).
    static func labelText(_ label: Label) -> StaticString {
        switch label {
        case .outage: "outage"
        case .complaint: "complaint"
        case .negative: "negative"
        case .neutral: "neutral"
        case .positive: "positive"
        }
    }

    /// Appends constant text with one copy: appending a `String`'s UTF-8 view went byte by byte.
    @inline(__always)
    static func append(_ text: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: out.append(b)
            }
        }
        out.append(0x22)
    }

    /// Four decimals, no exponent: what the harness and people read.
    static func appendNumber(_ x: Double, to out: inout [UInt8]) {
        let scaled = Int((x * 10_000).rounded())
        if scaled < 0 { out.append(0x2D) }
        let v = abs(scaled)
        var whole = v / 10_000
        if whole < 10 {
            out.append(UInt8(0x30 + whole))
        } else {
            var digits: [UInt8] = []
            while whole > 0 {
                digits.append(UInt8(0x30 + whole % 10))
                whole /= 10
            }
            out.append(contentsOf: digits.reversed())
        }
        out.append(0x2E)
        let frac = v % 10_000
        out.append(UInt8(0x30 + frac / 1000))
        out.append(UInt8(0x30 + (frac / 100) % 10))
        out.append(UInt8(0x30 + (frac / 10) % 10))
        out.append(UInt8(0x30 + frac % 10))
    }

    /// A cursor over one line.
    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        var atEnd: Bool { i >= bytes.count }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || bytes[i] == 0x0A { i += 1 }
        }

        mutating func take(_ b: UInt8) -> Bool {
            if i < bytes.count && bytes[i] == b {
                i += 1
                return true
            }
            return false
        }

        /// A scalar value: its text (strings decoded, numbers and literals as written).
        mutating func value() -> (text: [UInt8]?, isString: Bool)? {
            guard i < bytes.count else { return nil }
            let b = bytes[i]
            if b == 0x22 { return string().map { ($0, true) } }
            if b == 0x7B || b == 0x5B { return skipNested() ? (nil, false) : nil }
            let start = i
            while i < bytes.count, bytes[i] != 0x2C, bytes[i] != 0x7D, bytes[i] != 0x20 { i += 1 }
            let raw = Array(bytes[start..<i])
            if raw == Array("null".utf8) { return (nil, false) }
            guard !raw.isEmpty else { return nil }
            return (raw, false)
        }

        /// Skips an object or array (other fields of a training line, e.g. aspects).
        mutating func skipNested() -> Bool {
            var depth = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x22 {
                    guard string() != nil else { return false }
                    continue
                }
                i += 1
                if b == 0x7B || b == 0x5B { depth += 1 }
                if b == 0x7D || b == 0x5D {
                    depth -= 1
                    if depth == 0 { return true }
                }
            }
            return false
        }

        /// The keys the bulk reader looks for.
        enum Key { case id, text, lang, other }

        /// An object key, recognised without building it.
        mutating func key() -> Key? {
            guard i < bytes.count, bytes[i] == 0x22 else { return nil }
            let start = i + 1
            guard skipString() else { return nil }
            let k = UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)])
            switch k.count {
            case 2 where k[0] == 0x69 && k[1] == 0x64: return .id
            case 4 where k[0] == 0x74 && k[1] == 0x65 && k[2] == 0x78 && k[3] == 0x74: return .text
            case 4 where k[0] == 0x6C && k[1] == 0x61 && k[2] == 0x6E && k[3] == 0x67: return .lang
            default: return .other
            }
        }

        /// Skips a string, checking its escapes.
        mutating func skipString() -> Bool {
            guard take(0x22) else { return false }
            while i < bytes.count {
                i = nextQuoteOrBackslash(from: i)
                guard i < bytes.count else { return false }
                let b = bytes[i]
                i += 1
                if b == 0x22 { return true }
                if b == 0x5C {
                    guard i < bytes.count else { return false }
                    let e = bytes[i]
                    i += 1
                    if e == 0x75 && hex4() == nil { return false }
                }
            }
            return false
        }

        /// Skips any value: a string, an object or array, or a number or literal.
        mutating func skipValue() -> Bool {
            guard i < bytes.count else { return false }
            let b = bytes[i]
            if b == 0x22 { return skipString() }
            if b == 0x7B || b == 0x5B { return skipNested() }
            let start = i
            while i < bytes.count, bytes[i] != 0x2C, bytes[i] != 0x7D, bytes[i] != 0x20 { i += 1 }
            return i > start
        }

        /// The index of the first `"` or `\\` at or after `start` (the end when there is none).
        ///
        /// Reads eight bytes at a time (see ``ByteMask``): posts are mostly plain text between escapes,
        /// and a byte-by-byte loop was a visible share of reading a line.
        @inline(__always)
        func nextQuoteOrBackslash(from start: Int) -> Int {
            var i = start
            let n = bytes.count
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 8 <= n {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    let found = ByteMask.equal(word, 0x22) | ByteMask.equal(word, 0x5C)
                    if found != 0 { return i + found.trailingZeroBitCount >> 3 }
                    i += 8
                }
            }
            while i < n && bytes[i] != 0x22 && bytes[i] != 0x5C { i += 1 }
            return i
        }

        /// A JSON string with escapes decoded to UTF-8.
        mutating func string() -> [UInt8]? {
            var out: [UInt8] = []
            out.reserveCapacity(128)
            return string(into: &out) ? out : nil
        }

        /// A JSON string with escapes decoded to UTF-8, appended to `out`.
        mutating func string(into out: inout [UInt8]) -> Bool {
            guard take(0x22) else { return false }
            while i < bytes.count {
                // Copy the run up to the next quote or backslash at once.
                let runStart = i
                i = nextQuoteOrBackslash(from: i)
                if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                guard i < bytes.count else { return false }
                let b = bytes[i]
                i += 1
                if b == 0x22 { return true }
                guard i < bytes.count else { return false }
                let e = bytes[i]
                i += 1
                switch e {
                case 0x6E: out.append(0x0A)
                case 0x74: out.append(0x09)
                case 0x72: out.append(0x0D)
                case 0x62, 0x66: out.append(0x20)
                case 0x75:
                    guard var scalar = hex4() else { return false }
                    if scalar >= 0xD800 && scalar < 0xDC00, take(0x5C), take(0x75), let low = hex4(),
                        low >= 0xDC00 && low < 0xE000
                    {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &out)
                default: out.append(e)  // \" \\ \/
                }
            }
            return false
        }

        /// Appends a scalar's UTF-8 bytes.
        @inline(__always)
        func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
            let v = scalar.value
            if v < 0x80 {
                out.append(UInt8(v))
            } else if v < 0x800 {
                out.append(UInt8(0xC0 | v >> 6))
                out.append(UInt8(0x80 | v & 0x3F))
            } else if v < 0x10000 {
                out.append(UInt8(0xE0 | v >> 12))
                out.append(UInt8(0x80 | (v >> 6) & 0x3F))
                out.append(UInt8(0x80 | v & 0x3F))
            } else {
                out.append(UInt8(0xF0 | v >> 18))
                out.append(UInt8(0x80 | (v >> 12) & 0x3F))
                out.append(UInt8(0x80 | (v >> 6) & 0x3F))
                out.append(UInt8(0x80 | v & 0x3F))
            }
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= bytes.count else { return nil }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[i]
                i += 1
                let d: UInt8
                switch c {
                case 0x30...0x39: d = c - 0x30
                case 0x61...0x66: d = c - 0x61 + 10
                case 0x41...0x46: d = c - 0x41 + 10
                default: return nil
                }
                v = v << 4 | UInt32(d)
            }
            return v
        }
    }
}
