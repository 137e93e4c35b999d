// SPDX-License-Identifier: Apache-2.0

/// Hashes lexicon terms given as UTF-8 bytes through one reused token buffer, exactly as
/// ``TextHash/word(_:)`` would, but without a `String` and two arrays per term (start-up time).
struct TermHasher {
    private var tokens = TokenizedText()
    private var scratch: [Token] = []

    /// The hash of the first token of `bytes`, or `nil` when they hold no token.
    mutating func firstHash(of bytes: [UInt8]) -> UInt64? {
        bytes.withUnsafeBufferPointer { tokenize($0) }
        return tokens.tokens.first?.hash
    }

    /// The hash of `bytes` when they are exactly one token (VADER's words), else `nil`.
    mutating func onlyHash(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        tokenize(bytes)
        return tokens.tokens.count == 1 ? tokens.tokens[0].hash : nil
    }

    private mutating func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) {
        Tokenizer.tokenize(bytes: bytes, into: &tokens, scratch: &scratch)
    }
}
