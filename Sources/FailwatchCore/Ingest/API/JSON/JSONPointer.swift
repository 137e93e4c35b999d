// SPDX-License-Identifier: Apache-2.0

/// An RFC 6901 JSON pointer (`/data/children`, `/a~1b` for the key `a/b`), so feeds.yml can
/// name where an API keeps its items and fields without a code change.
public struct JSONPointer: Sendable, Equatable, CustomStringConvertible {
    /// The unescaped reference tokens, outermost first; empty for the whole document.
    public var tokens: [String]

    /// Why a pointer as written cannot be used.
    public enum SyntaxError: Error, Equatable {
        /// A non-empty pointer must start with `/`.
        case missingSlash
        /// `~` must be followed by `0` (for `~`) or `1` (for `/`).
        case badEscape
    }

    /// Parses a pointer as written; `""` is the whole document.
    /// - Throws: `SyntaxError` when `text` is not an RFC 6901 pointer.
    public init(parsing text: String) throws(SyntaxError) {
        guard !text.isEmpty else {
            tokens = []
            return
        }
        guard text.hasPrefix("/") else { throw .missingSlash }
        var tokens: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var escaping = false
            for character in raw {
                if escaping {
                    switch character {
                    case "0": token.append("~")
                    case "1": token.append("/")
                    default: throw .badEscape
                    }
                    escaping = false
                } else if character == "~" {
                    escaping = true
                } else {
                    token.append(character)
                }
            }
            if escaping { throw .badEscape }
            tokens.append(token)
        }
        self.tokens = tokens
    }

    /// The pointer as RFC 6901 writes it.
    public var description: String {
        tokens.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }
            .joined()
    }

    /// The value the pointer names in `document`, `nil` when any step is missing; an array
    /// step must be a decimal index.
    func resolve(in document: JSONNode) -> JSONNode? {
        var node = document
        for token in tokens {
            switch node {
            case .object(let members):
                guard let next = members[token] else { return nil }
                node = next
            case .array(let elements):
                guard let index = Int(token), String(index) == token, elements.indices.contains(index) else {
                    return nil
                }
                node = elements[index]
            default:
                return nil
            }
        }
        return node
    }
}
