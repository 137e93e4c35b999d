// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reduces a link to the form two feeds would agree on, so one article reached through
/// a news search feed and through the publisher's own feed is one post.
public enum CanonicalLink {
    /// Query parameters that only say how someone arrived, not what they read.
    private static let trackingParameters: Set<String> = [
        "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "utm_id",
        "fbclid", "gclid", "mc_cid", "mc_eid", "ref", "ref_src", "oc",
    ]

    /// The canonical form of an absolute http(s) link, or `nil` when it is not one.
    ///
    /// Lower-cases scheme and host, drops default ports, fragments and tracking parameters,
    /// and a trailing slash on a non-root path.
    public static func canonical(_ raw: String) -> String? {
        guard var parts = URLComponents(string: raw.trimmingCharacters(in: .whitespacesAndNewlines)),
            let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = parts.host?.lowercased(), !host.isEmpty
        else { return nil }
        parts.scheme = scheme
        parts.host = host
        if (scheme == "http" && parts.port == 80) || (scheme == "https" && parts.port == 443) {
            parts.port = nil
        }
        parts.fragment = nil
        if let items = parts.queryItems {
            let kept = items.filter { !trackingParameters.contains($0.name.lowercased()) }
            parts.queryItems = kept.isEmpty ? nil : kept
        }
        if parts.path.count > 1, parts.path.hasSuffix("/") {
            parts.path.removeLast()
        }
        return parts.string
    }
}
