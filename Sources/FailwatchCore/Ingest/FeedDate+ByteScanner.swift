// SPDX-License-Identifier: Apache-2.0

extension FeedDate {
    /// Walks the UTF-8 bytes of a date once, so parsing allocates nothing and needs no `DateFormatter`.
    struct ByteScanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var pos: Int

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            self.pos = 0
        }

        var atEnd: Bool { pos >= bytes.count }

        /// The current byte, or 0 at the end (0 never occurs in a date we read).
        var peek: UInt8 { pos < bytes.count ? bytes[pos] : 0 }

        /// The byte after the current one, or 0.
        var peekNext: UInt8 { pos + 1 < bytes.count ? bytes[pos + 1] : 0 }

        /// Consumes `byte` when it is next.
        mutating func eat(_ byte: UInt8) -> Bool {
            guard pos < bytes.count, bytes[pos] == byte else { return false }
            pos += 1
            return true
        }

        /// Reads a run of ASCII digits (at most 18 are accumulated).
        /// - Returns: the value and how many digits there were (0 when none).
        mutating func digits() -> (value: Int, count: Int) {
            var value = 0
            var count = 0
            while pos < bytes.count, Self.isDigit(bytes[pos]) {
                if count < 18 { value = value * 10 + Int(bytes[pos] &- 48) }
                count += 1
                pos += 1
            }
            return (value, count)
        }

        /// Reads exactly `width` digits, or fails without a partial value.
        mutating func fixedDigits(_ width: Int) -> Int? {
            let start = pos
            let (value, count) = digits()
            guard count == width else {
                pos = start
                return nil
            }
            return value
        }

        /// Reads the digits after a decimal mark as a fraction of a second.
        mutating func fraction() -> Double {
            var value = 0.0
            var scale = 1.0
            while pos < bytes.count, Self.isDigit(bytes[pos]) {
                if scale > 1e-12 {
                    scale /= 10
                    value += Double(bytes[pos] &- 48) * scale
                }
                pos += 1
            }
            return value
        }

        /// Reads a run of letters (ASCII letters or any non-ASCII byte except a no-break space).
        mutating func word() -> UnsafeBufferPointer<UInt8> {
            let start = pos
            while pos < bytes.count, Self.isLetter(bytes[pos]), !isNoBreakSpace(at: pos) {
                pos += 1
            }
            return UnsafeBufferPointer(rebasing: bytes[start..<pos])
        }

        /// Skips ASCII whitespace and U+00A0; returns whether anything was skipped.
        @discardableResult
        mutating func skipSpaces() -> Bool {
            let start = pos
            while pos < bytes.count {
                if Self.isSpace(bytes[pos]) {
                    pos += 1
                } else if isNoBreakSpace(at: pos) {
                    pos += 2
                } else {
                    break
                }
            }
            return pos != start
        }

        func isNoBreakSpace(at index: Int) -> Bool {
            index + 1 < bytes.count && bytes[index] == 0xC2 && bytes[index + 1] == 0xA0
        }

        static func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
        }

        static func isLetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) &- 97 < 26 || byte >= 0x80
        }
    }
}
