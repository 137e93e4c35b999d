// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What makes two sightings one post: the post's own id within its network, never its link
/// or its words alone.
///
/// - An id with a scheme (`https://…`, `at://…`, `tag:…`, `urn:…`, `hn:…`) names the post
///   everywhere: a Mastodon status seen through two tag timelines, an article with the same
///   guid in two news feeds, is one post.
/// - A bare id (`t3_1gx0abc`, `4711`) is unique only within its network: it is qualified by
///   the source's scope (``scope(kind:url:)``): Reddit, or the kind and host of the source.
/// - A post without an id of its own is its link and a hash of who said what, so six replies
///   that share one thread `<link>` stay six posts, and the same reply twice is one.
///
/// Two posts by the same author with the same words but different ids (a weekly identical
/// post) are different posts: storing is not counting; detection decides how repeats count.
public enum PostIdentity {
    /// The identity of a post whose item has an id of its own.
    ///
    /// - Parameters:
    ///   - id: the item's guid/id as the source gave it.
    ///   - scope: the source's ``scope(kind:url:)``.
    public static func of(id: String, scope: String) -> String {
        hasScheme(id) ? id : scope + " " + id
    }

    /// The guid and identity of a post without an id: its canonical link and content hash.
    public static func ofContent(link: String?, contentHash: String) -> String {
        link.map { $0 + "#" + contentHash } ?? contentHash
    }

    /// Where a bare id is unique: `reddit` (www. and oauth. are one network), else
    /// `<kind>@<host>` (every feed of one site shares the site's guids), else the URL itself
    /// (a `file://` feed).
    public static func scope(kind: String, url: String) -> String {
        if kind == SourceKind.reddit.rawValue { return kind }
        guard let host = URL(string: url)?.host?.lowercased(), !host.isEmpty else { return kind + "@" + url }
        return kind + "@" + host
    }

    /// The identity of a post stored before identities existed (migration `v6-hostile-identity`),
    /// or built without an item: a guid equal to the content key or the hash is content, any
    /// other guid (a link used as guid included) is the post's own id.
    public static func stored(guid: String, link: String?, contentHash: String, scope: String) -> String {
        if guid == contentHash || guid == ofContent(link: link, contentHash: contentHash) {
            return ofContent(link: link, contentHash: contentHash)
        }
        return of(id: guid, scope: scope)
    }

    /// `scheme:` as RFC 3986 writes it, before anything else.
    static func hasScheme(_ id: String) -> Bool {
        guard let colon = id.firstIndex(of: ":"), colon != id.startIndex else { return false }
        let scheme = id[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else {
            return false
        }
        return scheme.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar))
        }
    }
}
