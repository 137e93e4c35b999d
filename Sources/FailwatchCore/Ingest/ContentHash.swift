// SPDX-License-Identifier: Apache-2.0

/// A fingerprint of who said what, independent of the feed that carried it.
///
/// Case and whitespace are folded so that a repost with different markup still matches.
/// FNV-1a over 64 bits: collisions stay negligible for the millions of posts one store holds,
/// and it needs no cryptography.
public enum ContentHash {
    /// - Parameters:
    ///   - author: the author as the feed names them, if any.
    ///   - text: the post's plain text.
    /// - Returns: 16 lower-case hex digits.
    public static func of(author: String?, text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var lastWasSpace = true
        func feed(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        for scalar in ((author ?? "") + "\u{1}" + text).lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                if !lastWasSpace { feed(0x20) }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            for byte in String(scalar).utf8 { feed(byte) }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
