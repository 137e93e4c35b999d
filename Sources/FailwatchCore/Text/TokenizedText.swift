// SPDX-License-Identifier: Apache-2.0

/// A post split into folded tokens, with the punctuation facts the sentiment rules need.
public struct TokenizedText: Sendable {
    /// Folded bytes of all tokens, back to back; tokens point into it.
    public var folded: [UInt8] = []
    public var tokens: [Token] = []
    /// `!` and `?` in the whole post.
    public var exclamations = 0
    public var questions = 0
    /// Whether any letter was lower case: capitals only stress a word when the rest is not shouted.
    public var hasLowercase = false

    /// The folded text of one token ("Störung" → "stoerung").
    public func text(of token: Token) -> String {
        String(decoding: folded[Int(token.start)..<Int(token.end)], as: UTF8.self)
    }

    /// Whether a token's folded text ends with the given ASCII suffix (German compounds: "netzausfall").
    @inline(__always)
    public func token(_ token: Token, hasSuffix suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        let start = Int(token.start)
        let end = Int(token.end)
        guard end - start >= n else { return false }
        let base = suffix.utf8Start
        var i = 0
        while i < n {
            if folded[end - n + i] != base[i] { return false }
            i += 1
        }
        return true
    }

    /// Whether a token's folded text starts with the given ASCII prefix.
    @inline(__always)
    public func token(_ token: Token, hasPrefix prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        let start = Int(token.start)
        guard Int(token.end) - start >= n else { return false }
        let base = prefix.utf8Start
        var i = 0
        while i < n {
            if folded[start + i] != base[i] { return false }
            i += 1
        }
        return true
    }
}
