// SPDX-License-Identifier: Apache-2.0
import CLibXML2
import Foundation

/// Decides which character encoding a feed body is really in, and brings it to UTF-8.
///
/// Feeds lie about their encoding (a Latin-1 declaration over UTF-8 bytes, a UTF-8
/// declaration over windows-1252 bytes), so the bytes win over the labels, as in Miniflux.
/// The labels (BOM, HTTP `charset`, XML declaration) only pick between readings that the
/// bytes allow.
enum FeedEncoding {
    /// A body ready for the XML parser.
    struct Decoded {
        /// UTF-8 bytes (the parser must ignore the document's own encoding label), or, when
        /// `nativeEncoding` is set, the original bytes for libxml2 to decode itself.
        var bytes: Data
        /// An encoding failwatch does not transcode itself (KOI8-R, Shift_JIS, …), left to
        /// libxml2/iconv; `nil` when `bytes` is UTF-8.
        var nativeEncoding: String?
        var warnings: [String] = []
    }

    /// What one pass over the bytes found.
    private struct Scan {
        var validUTF8 = true
        var nonASCII = false
        var illegalControls = 0
    }

    /// Brings `data` to UTF-8, or says which encoding libxml2 should decode.
    /// - Parameters:
    ///   - data: the body as received.
    ///   - contentType: the HTTP `Content-Type`, whose `charset` counts as a label.
    static func decode(_ data: Data, contentType: String?) -> Decoded {
        var body = data
        // 1. A byte-order mark is the strongest label.
        if body.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || body.starts(with: [0x3C, 0x00, 0x00, 0x00]) {
            return utf32(body, littleEndian: true)
        } else if body.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || body.starts(with: [0x00, 0x00, 0x00, 0x3C]) {
            return utf32(body, littleEndian: false)
        }
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
        } else if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0x3C, 0x00, 0x3F, 0x00]) {
            return utf16(body, littleEndian: true)
        } else if body.starts(with: [0xFE, 0xFF]) || body.starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
            return utf16(body, littleEndian: false)
        }
        let label = charset(fromContentType: contentType) ?? declaredEncoding(in: body)
        var family = label.map(family(of:)) ?? .utf8
        var warnings: [String] = []
        if case .utf16 = family {
            // The label was readable as ASCII, so the body is not UTF-16 whatever it says.
            warnings.append("encoding: declared \(label ?? "UTF-16") but the bytes are not UTF-16")
            family = .utf8
        }
        if case .other(let name) = family, xmlFindCharEncodingHandler(name) == nil {
            warnings.append("encoding: unknown encoding \(name); read as UTF-8 or windows-1252")
            family = .utf8
        }
        let scan = scan(body)
        var result: Data
        if scan.validUTF8 {
            result = body
            if scan.nonASCII, let label, family != .utf8 {
                warnings.append("encoding: declared \(label) but the bytes are UTF-8; read as UTF-8")
            }
        } else {
            switch family {
            case .utf8:
                result = transcode(body, TextEncodingTables.windows1252)
                if label != nil { warnings.append(
                    "encoding: declared \(label ?? "UTF-8") but the bytes are not UTF-8; read as windows-1252") }
            case .latin1:
                result = transcode(body, TextEncodingTables.windows1252)
            case .latin9:
                result = transcode(body, TextEncodingTables.iso885915)
            case .utf16:
                result = body
            case .other(let name):
                return Decoded(bytes: body, nativeEncoding: name)
            }
        }
        if scan.illegalControls > 0 {
            result = replacingControls(result)
            warnings.append("encoding: replaced \(scan.illegalControls) control characters that XML forbids")
        }
        return Decoded(bytes: result, nativeEncoding: nil, warnings: warnings)
    }

    /// Encoding families failwatch treats alike.
    private enum Family: Equatable {
        case utf8, latin1, latin9
        case utf16(littleEndian: Bool)
        case other(String)
    }

    private static func family(of label: String) -> Family {
        switch label.lowercased() {
        case "utf-8", "utf8", "us-ascii", "ascii", "unicode-1-1-utf-8": return .utf8
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "windows-1252", "cp1252",
            "x-cp1252", "iso-ir-100", "cp819", "ibm819":
            return .latin1
        case "iso-8859-15", "iso8859-15", "latin-9", "latin9", "iso_8859-15", "l9": return .latin9
        case "utf-16le": return .utf16(littleEndian: true)
        case "utf-16be", "utf-16": return .utf16(littleEndian: false)
        case let other: return .other(other)
        }
    }

    /// The `charset` parameter of a `Content-Type` header value.
    static func charset(fromContentType contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2,
                parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset"
            else { continue }
            let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The `encoding` of an `<?xml … ?>` declaration at the start of the body.
    static func declaredEncoding(in body: Data) -> String? {
        let head = Array(body.prefix(512))
        guard let start = head.firstIndex(where: { !HTMLText.isSpace($0) }), head.count >= start + 5,
            head[start..<start + 5].elementsEqual("<?xml".utf8),
            let close = head[start...].firstIndex(of: UInt8(ascii: ">"))
        else { return nil }
        let key = Array("encoding".utf8)
        var index = start + 5
        while index + key.count <= close {
            if head[index..<index + key.count].elementsEqual(key) { break }
            index += 1
        }
        guard index + key.count <= close else { return nil }
        index += key.count
        while index < close, head[index] == UInt8(ascii: " ") || head[index] == UInt8(ascii: "=")
            || head[index] == UInt8(ascii: "\t")
        {
            index += 1
        }
        guard index < close, head[index] == UInt8(ascii: "\"") || head[index] == UInt8(ascii: "'") else { return nil }
        let quote = head[index]
        guard let end = head[(index + 1)..<close].firstIndex(of: quote), end > index + 1 else { return nil }
        return String(decoding: head[(index + 1)..<end], as: UTF8.self)
    }

    /// One pass: is it valid UTF-8, is anything beyond ASCII, how many C0 controls XML forbids.
    private static func scan(_ body: Data) -> Scan {
        body.withUnsafeBytes { raw -> Scan in
            var result = Scan()
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { result.illegalControls += 1 }
                    index += 1
                    continue
                }
                result.nonASCII = true
                let length: Int
                switch byte {
                case 0xC2...0xDF: length = 2
                case 0xE0...0xEF: length = 3
                case 0xF0...0xF4: length = 4
                default:
                    result.validUTF8 = false
                    index += 1
                    continue
                }
                guard index + length <= count else {
                    // A body cut in the middle of a character is still UTF-8.
                    index = count
                    continue
                }
                var ok = true
                for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { ok = false }
                if ok, length == 3 {
                    let second = bytes[index + 1]
                    if byte == 0xE0, second < 0xA0 { ok = false }
                    if byte == 0xED, second > 0x9F { ok = false }
                }
                if ok, length == 4 {
                    let second = bytes[index + 1]
                    if byte == 0xF0, second < 0x90 { ok = false }
                    if byte == 0xF4, second > 0x8F { ok = false }
                }
                if !ok {
                    result.validUTF8 = false
                    index += 1
                    continue
                }
                index += length
            }
            return result
        }
    }

    /// Re-encodes a single-byte code page to UTF-8 through a byte → scalar table.
    private static func transcode(_ body: Data, _ table: (UInt8) -> UInt32) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + body.count / 8)
        for byte in body {
            if byte < 0x80 {
                out.append(byte)
            } else if let scalar = Unicode.Scalar(table(byte)) {
                HTMLText.appendUTF8(scalar, to: &out)
            }
        }
        return Data(out)
    }

    private static func utf16(_ body: Data, littleEndian: Bool) -> Decoded {
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index + 1 < body.endIndex {
            let first = UInt16(body[index])
            let second = UInt16(body[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        if units.first == 0xFEFF { units.removeFirst() }
        let text = String(decoding: units, as: UTF16.self)
        var bytes = Data(text.utf8)
        var warnings: [String] = []
        let scan = scan(bytes)
        if scan.illegalControls > 0 {
            bytes = replacingControls(bytes)
            warnings.append("encoding: replaced \(scan.illegalControls) control characters that XML forbids")
        }
        return Decoded(bytes: bytes, nativeEncoding: nil, warnings: warnings)
    }

    /// UTF-32 (rare, but the XML spec's autodetection table lists it), by BOM or by `<`.
    private static func utf32(_ body: Data, littleEndian: Bool) -> Decoded {
        var scalars = String.UnicodeScalarView()
        var index = body.startIndex
        while index + 3 < body.endIndex {
            let bytes = (UInt32(body[index]), UInt32(body[index + 1]), UInt32(body[index + 2]), UInt32(body[index + 3]))
            let value = littleEndian
                ? bytes.0 | bytes.1 << 8 | bytes.2 << 16 | bytes.3 << 24
                : bytes.0 << 24 | bytes.1 << 16 | bytes.2 << 8 | bytes.3
            if value != 0xFEFF || !scalars.isEmpty { scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}") }
            index += 4
        }
        return Decoded(bytes: Data(String(scalars).utf8), nativeEncoding: nil)
    }

    /// XML 1.0 forbids C0 controls other than tab, LF and CR; libxml2 stops at them, so they
    /// become spaces.
    private static func replacingControls(_ body: Data) -> Data {
        var copy = Data(body)
        copy.withUnsafeMutableBytes { raw in
            for index in raw.indices where raw[index] < 0x20 && raw[index] != 0x09 && raw[index] != 0x0A
                && raw[index] != 0x0D
            {
                raw[index] = 0x20
            }
        }
        return copy
    }
}
