// SPDX-License-Identifier: Apache-2.0

/// Turns the HTML that feeds put in titles, summaries and content into the plain text the
/// classifier reads: tags removed, entities decoded, whitespace collapsed.
///
/// A single pass over the UTF-8 bytes, no regular expressions and no DOM, so it costs about
/// as much as copying the string. `script` and `style` bodies and comments are dropped;
/// block elements (`<p>`, `<br>`, `<li>`, …) become a space so words do not run together.
public enum HTMLText {
    /// Renders an HTML fragment as one line of plain text.
    ///
    /// A `<` that does not start a tag (`a < b`) and an `&` that does not start a known
    /// reference (`AT&T`) are kept as they are, so plain text passes through unchanged.
    public static func plainText(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            if !needsWork(bytes, markup: true) { return String(decoding: bytes, as: UTF8.self) }
            return render(bytes, markup: true)
        }
    }

    /// Collapses runs of whitespace to one space and trims the ends, for text that is
    /// already plain (Atom `type="text"`): markup characters in it are content.
    public static func collapsingWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            if !needsWork(bytes, markup: false) { return String(decoding: bytes, as: UTF8.self) }
            return render(bytes, markup: false)
        }
    }

    /// Runs the renderer into a temporary buffer (output is at most 1.5× input: a 2-byte C1
    /// control becomes a 3-byte character), then copies it into an exactly sized string.
    private static func render(_ bytes: UnsafeBufferPointer<UInt8>, markup: Bool) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 2 + 4) { buffer in
            guard let base = buffer.baseAddress else { return "" }
            var renderer = Renderer(bytes: bytes, markup: markup, out: base)
            renderer.render()
            let output = UnsafeBufferPointer(start: base, count: renderer.length)
            return renderer.suspicious ? repairingMojibake(Array(output)) : String(decoding: output, as: UTF8.self)
        }
    }

    /// Decodes character references only (`&amp;` → `&`), keeping tags; for the rare
    /// attribute value or URL that arrives entity-escaped.
    static func decodingEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "&"), let (scalar, next) = entity(in: bytes, at: index) {
                    appendUTF8(scalar, to: &out)
                    index = next
                } else {
                    out.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// True when the text has markup, references, or whitespace that is not single spaces.
    private static func needsWork(_ bytes: UnsafeBufferPointer<UInt8>, markup: Bool) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if isSpace(first) || isSpace(last) { return true }
        var previousSpace = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: "&"):
                if markup { return true }
                previousSpace = false
            case UInt8(ascii: " "):
                if previousSpace { return true }
                previousSpace = true
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0C, 0xC2:
                // 0xC2 may start a C1 control (U+0080…U+009F), which is mapped.
                return true
            default:
                previousSpace = false
            }
        }
        return false
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// Parses the character reference at `start` (which holds `&`).
    /// - Returns: the scalar and the index after the reference, or `nil` when it is not one.
    static func entity(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            var hex = false
            if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "x") {
                hex = true
                index += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while index < bytes.count, digits < 8 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: digit = 99
                }
                if digit == 99 { break }
                value = value * (hex ? 16 : 10) + digit
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if index < bytes.count, bytes[index] == UInt8(ascii: ";") { index += 1 }
            let mapped = windows1252Controls(value)
            guard mapped != 0, let scalar = Unicode.Scalar(mapped) else { return ("\u{FFFD}", index) }
            return (scalar, index)
        }
        var end = index
        while end < bytes.count, end - index < 10, isLetter(bytes[end]) || (bytes[end] >= 0x30 && bytes[end] <= 0x39) {
            end += 1
        }
        guard end > index, end < bytes.count, bytes[end] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
        guard let value = HTMLEntities.scalars[name], let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, end + 1)
    }

    /// True when the numeric reference in `bytes[start..<end]` has a value in 128…159.
    static func numericReferenceIsC1(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var value = 0
        var index = start + 2
        var hex = false
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "x") {
            hex = true
            index += 1
        }
        while index < end, bytes[index] != UInt8(ascii: ";") {
            guard let digit = Character(Unicode.Scalar(bytes[index])).hexDigitValue else { return false }
            value = value * (hex ? 16 : 10) + digit
            index += 1
        }
        return value >= 0x80 && value <= 0x9F
    }

    /// Numeric references in 128…159 mean windows-1252 characters in practice (`&#147;`).
    private static func windows1252Controls(_ value: UInt32) -> UInt32 {
        guard value >= 0x80, value <= 0x9F else { return value }
        return UInt32(TextEncodingTables.windows1252High[Int(value - 0x80)])
    }

    static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            out.append(UInt8(value))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (value >> 6)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (value >> 12)))
            out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (value >> 18)))
            out.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// Undoes UTF-8 that was read as windows-1252/Latin-1 and re-encoded (`â€¦` → `…`).
    ///
    /// Only a lead letter (U+00C2…U+00F4) followed by the right number of characters that
    /// stand for continuation bytes, at least one from the 0x80…0x9F range (which Latin text
    /// never contains), is rewritten, so genuine `Ã©` stays.
    static func repairingMojibake(_ bytes: [UInt8]) -> String {
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let lead = scalars[index].value
            if lead >= 0xC2, lead <= 0xF4 {
                let needed = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3
                var raw: [UInt8] = [UInt8(lead)]
                var sawC1 = false
                var offset = 1
                while offset <= needed, index + offset < scalars.count,
                    let byte = continuationByte(scalars[index + offset].value)
                {
                    if byte < 0xA0 { sawC1 = true }
                    raw.append(byte)
                    offset += 1
                }
                if raw.count == needed + 1, sawC1, let decoded = String(validating: raw, as: UTF8.self) {
                    out.append(contentsOf: decoded.unicodeScalars)
                    index += needed + 1
                    continue
                }
            }
            out.append(scalars[index])
            index += 1
        }
        return String(out)
    }

    /// The byte 0x80…0xBF a character stands for in windows-1252 (or Latin-1), if any.
    private static func continuationByte(_ value: UInt32) -> UInt8? {
        if value >= 0x80, value <= 0xBF { return UInt8(value) }
        if let index = TextEncodingTables.windows1252High.firstIndex(of: UInt16(truncatingIfNeeded: value)),
            value > 0xFF
        {
            return UInt8(0x80 + index)
        }
        return nil
    }

    /// True for elements whose start or end separates words (`p`, `br`, `li`, …).
    static func isBlock(_ name: String) -> Bool {
        blockTags.contains(name)
    }

    /// A tag name as a number (case-folded, up to 10 characters, 6 bits each, length on top), so
    /// the per-tag checks allocate nothing; 0 for names that are longer.
    static func tagCode<C: Collection>(_ name: C) -> UInt64 where C.Element == UInt8 {
        guard name.count <= 10 else { return 0 }
        var code: UInt64 = 0
        for byte in name {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = UInt64(byte - UInt8(ascii: "a") + 1)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = UInt64(byte - UInt8(ascii: "A") + 1)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0") + 27)
            case UInt8(ascii: ":"): digit = 37
            default: digit = 38
            }
            code = code << 6 | digit
        }
        return code | UInt64(name.count) << 60
    }

    static let scriptCode = tagCode(Array("script".utf8))
    static let styleCode = tagCode(Array("style".utf8))
    static let blockCodes: Set<UInt64> = Set(blockTags.map { tagCode(Array($0.utf8)) })

    /// Elements whose start or end separates words.
    private static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "img", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "ul",
    ]

    /// One pass of the conversion; `markup == false` only collapses whitespace.
    private struct Renderer {
        let bytes: UnsafeBufferPointer<UInt8>
        let markup: Bool
        let out: UnsafeMutablePointer<UInt8>
        var length = 0
        var pendingSpace = false
        /// Set when the text has C1 controls or windows-1252 punctuation from references,
        /// the marks of mojibake.
        var suspicious = false

        init(bytes: UnsafeBufferPointer<UInt8>, markup: Bool, out: UnsafeMutablePointer<UInt8>) {
            self.bytes = bytes
            self.markup = markup
            self.out = out
        }

        mutating func space() {
            if length > 0 { pendingSpace = true }
        }

        @inline(__always) mutating func put(_ byte: UInt8) {
            out[length] = byte
            length += 1
        }

        mutating func flushSpace() {
            if pendingSpace {
                put(0x20)
                pendingSpace = false
            }
        }

        mutating func put(_ scalar: Unicode.Scalar) {
            flushSpace()
            let value = scalar.value
            switch value {
            case 0..<0x80:
                put(UInt8(value))
            case 0x80..<0x800:
                put(UInt8(0xC0 | (value >> 6)))
                put(UInt8(0x80 | (value & 0x3F)))
            case 0x800..<0x10000:
                put(UInt8(0xE0 | (value >> 12)))
                put(UInt8(0x80 | ((value >> 6) & 0x3F)))
                put(UInt8(0x80 | (value & 0x3F)))
            default:
                put(UInt8(0xF0 | (value >> 18)))
                put(UInt8(0x80 | ((value >> 12) & 0x3F)))
                put(UInt8(0x80 | ((value >> 6) & 0x3F)))
                put(UInt8(0x80 | (value & 0x3F)))
            }
        }

        mutating func render() {
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if HTMLText.isSpace(byte) {
                    space()
                    index += 1
                } else if markup, byte == UInt8(ascii: "<"), let next = tag(at: index) {
                    index = next
                } else if markup, byte == UInt8(ascii: "&"), let (scalar, next) = HTMLText.entity(in: bytes, at: index) {
                    if scalar.value < 0x80, HTMLText.isSpace(UInt8(scalar.value)) {
                        space()
                    } else {
                        put(scalar)
                        // `&#128;`…`&#159;` are windows-1252 bytes spelt as references: mojibake evidence.
                        if scalar.value > 0xFF, next - index <= 7, index + 1 < count, bytes[index + 1] == UInt8(ascii: "#"),
                            TextEncodingTables.windows1252High.contains(UInt16(truncatingIfNeeded: scalar.value))
                        {
                            suspicious = HTMLText.numericReferenceIsC1(bytes, from: index, to: next)
                                || suspicious
                        }
                    }
                    index = next
                } else if byte == 0xC2, index + 1 < count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9F {
                    // A C1 control is a windows-1252 character that went through Latin-1.
                    put(Unicode.Scalar(TextEncodingTables.windows1252(bytes[index + 1])) ?? "\u{FFFD}")
                    suspicious = true
                    index += 2
                } else {
                    if pendingSpace {
                        put(0x20)
                        pendingSpace = false
                    }
                    put(byte)
                    index += 1
                }
            }
        }

        /// Skips the tag, comment or declaration at `start`.
        /// - Returns: the index after it, or `nil` when the `<` is literal text.
        mutating func tag(at start: Int) -> Int? {
            let count = bytes.count
            var index = start + 1
            guard index < count else { return nil }
            let first = bytes[index]
            if first == UInt8(ascii: "!") || first == UInt8(ascii: "?") {
                if first == UInt8(ascii: "!"), index + 2 < count, bytes[index + 1] == UInt8(ascii: "-"),
                    bytes[index + 2] == UInt8(ascii: "-")
                {
                    // An SGML-style comment without `-->` ends at the next `>`.
                    if let end = find("-->", from: index + 3) { return end + 3 }
                    if let end = find(">", from: index + 3) { return end + 1 }
                    return count
                }
                // `<![CDATA[` inside HTML is text, not markup.
                if first == UInt8(ascii: "!"), index + 1 < count, bytes[index + 1] == UInt8(ascii: "[") { return nil }
                guard let end = find(">", from: index) else { return nil }
                return end + 1
            }
            var closing = false
            if first == UInt8(ascii: "/") {
                closing = true
                index += 1
            }
            guard index < count, HTMLText.isLetter(bytes[index]) else { return nil }
            let nameStart = index
            while index < count, HTMLText.isLetter(bytes[index]) || (bytes[index] >= 0x30 && bytes[index] <= 0x39)
                || bytes[index] == UInt8(ascii: ":") || bytes[index] == UInt8(ascii: "-")
            {
                index += 1
            }
            let code = HTMLText.tagCode(UnsafeBufferPointer(rebasing: bytes[nameStart..<index]))
            // Find the end of the tag, skipping quoted attribute values.
            var quote: UInt8 = 0
            while index < count {
                let byte = bytes[index]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                } else if byte == UInt8(ascii: "<") {
                    // An unterminated tag: treat it as ending here.
                    index -= 1
                    break
                }
                index += 1
            }
            guard index < count else { return nil }
            let afterTag = index + 1
            if !closing, code == HTMLText.scriptCode || code == HTMLText.styleCode {
                let name = code == HTMLText.scriptCode ? "script" : "style"
                guard let end = findClosing(name, from: afterTag) else { return count }
                return end
            }
            if HTMLText.blockCodes.contains(code) { space() }
            return afterTag
        }

        func find(_ needle: StaticString, from start: Int) -> Int? {
            let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
            var index = start
            while index + pattern.count <= bytes.count {
                if bytes[index] == pattern[0] {
                    var offset = 1
                    while offset < pattern.count, bytes[index + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return index }
                }
                index += 1
            }
            return nil
        }

        /// The index after `</name …>`, matched case-insensitively.
        func findClosing(_ name: String, from start: Int) -> Int? {
            let target = Array(name.utf8)
            var index = start
            while index + 2 + target.count <= bytes.count {
                if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/") {
                    var offset = 0
                    while offset < target.count, bytes[index + 2 + offset] | 0x20 == target[offset] { offset += 1 }
                    if offset == target.count {
                        var end = index + 2 + target.count
                        while end < bytes.count, bytes[end] != UInt8(ascii: ">") { end += 1 }
                        return min(end + 1, bytes.count)
                    }
                }
                index += 1
            }
            return nil
        }
    }
}
