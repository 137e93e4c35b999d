// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Link handling shared by the formats: feeds carry relative links that only make sense
/// against `xml:base` or the address the feed was fetched from.
enum FeedLink {
    /// True when the link starts with a URI scheme (`https:`, `mailto:`, `tag:`).
    static func isAbsolute(_ link: String) -> Bool {
        var sawLetter = false
        for byte in link.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                sawLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if !sawLetter { return false }
            case UInt8(ascii: ":"):
                return sawLetter
            default:
                return false
            }
        }
        return false
    }

    /// Resolves `link` against `base`; an absolute link, or no base, leaves it as it is.
    static func resolve(_ link: String, against base: URL?) -> String {
        let trimmed = FeedText.trim(link)
        guard let base, !trimmed.isEmpty, !isAbsolute(trimmed) else { return trimmed }
        return URL(string: trimmed, relativeTo: base)?.absoluteString ?? trimmed
    }
}
