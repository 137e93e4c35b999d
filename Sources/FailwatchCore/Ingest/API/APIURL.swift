// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Builds API request URLs with every query value strictly percent-encoded, so a `+` or `&`
/// in a search term reaches the API as typed, and the same query always gives the same URL.
enum APIURL {
    /// RFC 3986 unreserved characters; everything else in a name or value is encoded.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `base` (an instance or host URL, with or without a trailing `/`) followed by `path` and `query`.
    static func make(_ base: URL, path: String, query: [(String, String)]) -> URL {
        var prefix = base.absoluteString
        if let mark = prefix.firstIndex(where: { $0 == "?" || $0 == "#" }) { prefix = String(prefix[..<mark]) }
        while prefix.hasSuffix("/") { prefix.removeLast() }
        let suffix = query.isEmpty ? "" : "?" + query.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
        return URL(string: prefix + path + suffix) ?? base
    }

    /// `url` with the query parameter `name` set to `value` (replacing any earlier value),
    /// for next-page requests that repeat the first one with a cursor.
    static func setting(_ url: URL, _ name: String, to value: String) -> URL {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        let key = encode(name)
        var pairs = (components.percentEncodedQuery ?? "").split(separator: "&").map(String.init)
        pairs.removeAll { $0 == key || $0.hasPrefix(key + "=") }
        pairs.append(key + "=" + encode(value))
        components.percentEncodedQuery = pairs.joined(separator: "&")
        return components.url ?? url
    }

    /// The decoded value of query parameter `name` in `url`, e.g. a Link header's `max_id`.
    static func value(of name: String, in url: URL) -> String? {
        URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == name }?.value
    }

    /// `text` with everything but unreserved characters percent-encoded, for a query value or a path segment.
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
