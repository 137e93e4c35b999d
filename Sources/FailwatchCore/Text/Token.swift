// SPDX-License-Identifier: Apache-2.0

/// One word, hashtag, mention, URL part, emoji or emoticon of a post, as the rules see it.
///
/// A token carries the hash of its folded text so that lexicon and rule look-ups cost one
/// integer-keyed probe instead of building a `String`.
public struct Token: Sendable, Equatable {
    /// What kind of text the token came from.
    public enum Kind: UInt8, Sendable {
        case word, number, hashtag, mention, url, emoji, emoticon
    }

    /// FNV-1a hash of the folded text (see ``TextHash``).
    public var hash: UInt64
    /// Start and end of the folded text in ``TokenizedText/folded``.
    public var start: Int32
    public var end: Int32
    public var kind: Kind
    /// Written all in capitals ("STÖRUNG", "DOWN"), at least two letters.
    public var isCaps: Bool
    /// `!` and `?` written directly after the token.
    public var exclamations: UInt8
    public var questions: UInt8
    /// A clause ends after this token (`.`, `,`, `;`, `!`, `?`, a line break…).
    public var endsClause: Bool

    /// A placeholder for buffers that tokens are written into later.
    static let empty = Token(
        hash: 0, start: 0, end: 0, kind: .word, isCaps: false, exclamations: 0, questions: 0, endsClause: false)

    /// Whether the token is running text (not a URL part, mention, emoji…).
    public var isWordLike: Bool { kind == .word || kind == .hashtag || kind == .number }
}
