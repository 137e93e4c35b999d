// SPDX-License-Identifier: Apache-2.0

/// Reads the built-in word lists line by line as UTF-8 bytes.
///
/// Splitting ten thousand lexicon lines as Characters (grapheme by grapheme) was most of the
/// `classify` command's start-up time; the lists are plain text with `\n` lines and ASCII
/// separators, for which bytes and Characters split alike.
enum LexiconLines {
    /// Calls `body` with every non-empty line of `text`, without its newline.
    static func forEach(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                if end > start { body(UnsafeBufferPointer(rebasing: bytes[start..<end])) }
                start = end + 1
            }
        }
    }

    /// The non-empty fields of a line between `separator` bytes (as `split(separator:)`).
    static func fields(of line: UnsafeBufferPointer<UInt8>, separatedBy separator: UInt8) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for i in 0...line.count where i == line.count || line[i] == separator {
            if i > start { result.append(start..<i) }
            start = i + 1
        }
        return result
    }

    /// A field as a `String` (for number parsing and the rare phrase).
    static func string(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
