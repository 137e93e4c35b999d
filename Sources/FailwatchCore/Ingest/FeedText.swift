// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Text and date helpers the format adapters share, so every format renders a title or a
/// date the same way.
enum FeedText {
    /// Text that may hold HTML (RSS titles and descriptions, Atom `type="html"`), as plain text.
    /// - Returns: `nil` for a missing element or one with no visible text.
    static func html(_ node: XMLNode?) -> String? {
        guard let node else { return nil }
        return nonEmpty(HTMLText.plainText(node.text))
    }

    /// Text that is already plain (Atom `type="text"`): only whitespace is collapsed.
    static func plain(_ node: XMLNode?) -> String? {
        guard let node else { return nil }
        return nonEmpty(HTMLText.collapsingWhitespace(node.text))
    }

    /// A short identifier-like value (guid, id, language) with the ends trimmed.
    static func trimmed(_ node: XMLNode?) -> String? {
        guard let node else { return nil }
        return nonEmpty(trim(node.text))
    }

    /// The date in the first of `keys` that `node` has and that parses; of repeated
    /// elements the last one counts (feedparser overwrites).
    static func date(_ node: XMLNode, _ keys: String...) -> Date? {
        for key in keys {
            for child in node.children(key).reversed() {
                if let date = date(child.text) { return date }
            }
        }
        return nil
    }

    /// A language tag as written (`en_US` is read as `en-US`).
    static func language(_ node: XMLNode?) -> String? {
        language(node?.text)
    }

    static func language(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let trimmed = trim(raw)
        guard !trimmed.isEmpty else { return nil }
        return trimmed.replacingOccurrences(of: "_", with: "-")
    }

    /// A date as it stands in a feed, or `nil` when it is missing or unreadable.
    static func date(_ raw: String?) -> Date? {
        guard let raw else { return nil }
        let trimmed = trim(raw)
        guard !trimmed.isEmpty else { return nil }
        return FeedDate.parse(trimmed)
    }

    /// Trims ASCII whitespace from both ends without Foundation's bridging (hot per item);
    /// an already trimmed string is returned as it is.
    static func trim(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        if !HTMLText.isSpace(first), !HTMLText.isSpace(last) { return text }
        guard let start = utf8.firstIndex(where: { !HTMLText.isSpace($0) }),
            let end = utf8.lastIndex(where: { !HTMLText.isSpace($0) })
        else { return "" }
        return String(Substring(utf8[start...end]))
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// Base64 text (Atom `mode="base64"`) as UTF-8, tolerating line breaks.
    static func base64Decoded(_ text: String) -> String? {
        let compact = text.filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: compact, options: .ignoreUnknownCharacters) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
