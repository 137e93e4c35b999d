// SPDX-License-Identifier: Apache-2.0

/// Hashes folded token text so that lexicons and rules match tokens without building strings.
public enum TextHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Adds one byte to an FNV-1a hash.
    @inline(__always)
    static func add(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    /// The hash of a word, after the same folding the tokenizer applies ("Störung" = "stoerung").
    ///
    /// - Returns: the hash of the first token of `word`, or `nil` when it holds no token.
    public static func word(_ word: String) -> UInt64? {
        Tokenizer.tokenize(word).tokens.first?.hash
    }

    /// The hashes of the words of a list, separated by spaces or line breaks ("weg hin"): the word
    /// sets rules compare tokens with.
    static func words(_ list: String) -> Set<UInt64> {
        Set(list.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { word(String($0)) })
    }

    /// The hashes of every token of a phrase ("1 und 1" → three hashes).
    public static func phrase(_ phrase: String) -> [UInt64] {
        Tokenizer.tokenize(phrase).tokens.map(\.hash)
    }

    /// The hash of raw bytes, as the tokenizer hashes emoji and emoticons (lower-cased ASCII).
    public static func raw(_ text: String) -> UInt64 {
        raw(bytes: text.utf8)
    }

    /// The hash of raw UTF-8 bytes, as ``raw(_:)``.
    static func raw(bytes: some Sequence<UInt8>) -> UInt64 {
        var h = offset
        for b in bytes { h = add(h, b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
        return h
    }
}
