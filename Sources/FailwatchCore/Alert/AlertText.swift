// SPDX-License-Identifier: Apache-2.0

/// Makes untrusted text (posts, author names, status-page text) safe to show in chat before
/// a platform's own escaping: one line, no invisible direction tricks, no mass mentions,
/// bounded length, with links kept intact and apart so renderers can keep them clickable.
public enum AlertText {
    /// A run of text, or a link found in it.
    public enum Segment: Equatable {
        case text(String)
        case link(String)
    }

    /// Zero-width space: put after `@` (and `<` before `users/` or `!`) it stops a platform
    /// from reading a mention while the text still looks the same.
    static let breaker = "\u{200B}"

    /// One line without control characters and bidirectional overrides (U+202A–U+202E,
    /// U+2066–U+2069, which can make "moc.evil" read as "live.com"), whitespace collapsed,
    /// at most `limit` characters (ending in "…" when cut).
    public static func clean(_ text: String, limit: Int) -> String {
        var output = ""
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                if !lastWasSpace { output.unicodeScalars.append(" ") }
                lastWasSpace = true
            } else if isDirectionControl(scalar)
                || scalar.properties.generalCategory == .format && scalar.value != 0x200D
            {
                continue
            } else {
                output.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        if output.hasSuffix(" ") { output.removeLast() }
        return truncate(output, limit: limit)
    }

    /// At most `limit` characters; cut text ends in "…".
    public static func truncate(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(max(0, limit - 1))) + "…"
    }

    static func isDirectionControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0x061C
    }

    /// Breaks every mention syntax of the platforms we post to: `@name` (`@channel`, `@here`,
    /// `@everyone`, `@all`), Slack `<!here>`/`<@U…>`/`<!subteam^…>`, Discord `<@id>`/`<@&id>`,
    /// Google Chat `<users/all>`.
    public static func defuseMentions(_ text: String) -> String {
        var output = ""
        var previous: Character?
        for character in text {
            if previous == "@" && character != " " { output += breaker }
            if previous == "<" && (character == "!" || character == "@" || character == "#" || character == "u") {
                output += breaker
            }
            output.append(character)
            previous = character
        }
        return output
    }

    /// `text` with a backslash before each of `characters`: Markdown's escape.
    public static func backslashed(_ text: String, characters: String) -> String {
        var output = ""
        for character in text {
            if characters.contains(character) { output += "\\" }
            output.append(character)
        }
        return output
    }

    /// Splits cleaned text into plain runs and http(s) links. A link ends at whitespace or
    /// at a character no URL needs here (`<>"` `` ` `` `\` `|` `{}` `^`), and trailing
    /// punctuation (`.,;:!?)]`) is left to the text, as people write "see https://x.y/z."
    public static func segments(_ text: String) -> [Segment] {
        var segments: [Segment] = []
        var plain = ""
        var rest = Substring(text)
        while let start = nextLinkStart(in: rest) {
            plain += rest[..<start]
            var end = start
            while end < rest.endIndex, isLinkCharacter(rest[end]) { end = rest.index(after: end) }
            var link = String(rest[start..<end])
            while let last = link.last, ".,;:!?)]".contains(last) {
                if last == ")" && link.filter({ $0 == "(" }).count >= link.filter({ $0 == ")" }).count { break }
                link.removeLast()
            }
            let linkEnd = rest.index(start, offsetBy: link.count)
            if !plain.isEmpty { segments.append(.text(plain)) }
            plain = ""
            segments.append(.link(link))
            rest = rest[linkEnd...]
        }
        plain += rest
        if !plain.isEmpty { segments.append(.text(plain)) }
        return segments
    }

    private static func nextLinkStart(in text: Substring) -> Substring.Index? {
        var search = text.startIndex
        while let range = text[search...].range(of: "http", options: [.caseInsensitive]) {
            let after = text[range.upperBound...]
            let scheme = after.lowercased().hasPrefix("s://") ? 4 : after.hasPrefix("://") ? 3 : 0
            let atWordStart =
                range.lowerBound == text.startIndex || !text[text.index(before: range.lowerBound)].isLetter
            if scheme > 0, atWordStart, after.count > scheme, isLinkCharacter(after.dropFirst(scheme).first ?? " ") {
                return range.lowerBound
            }
            search = range.upperBound
        }
        return nil
    }

    private static func isLinkCharacter(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        guard scalar.isASCII else { return false }
        return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            || "-._~:/?#[]@!$&'()*+,;=%".unicodeScalars.contains(scalar)
    }
}
