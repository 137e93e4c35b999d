// SPDX-License-Identifier: Apache-2.0
import Foundation

/// RFC 8288 `Link` header targets by relation, for APIs that page through it (Mastodon:
/// `<…?max_id=1>; rel="next", <…?min_id=9>; rel="prev"`).
enum LinkHeader {
    /// The targets of `value` keyed by `rel`; unparsable parts are skipped.
    static func targets(_ value: String?) -> [String: URL] {
        guard let value else { return [:] }
        var result: [String: URL] = [:]
        for part in value.split(separator: "<").dropFirst() {
            guard let close = part.firstIndex(of: ">"), let url = URL(string: String(part[..<close])) else { continue }
            for parameter in part[part.index(after: close)...].split(separator: ";") {
                let pair = parameter.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\",")))
                }
                guard pair.count == 2, pair[0].lowercased() == "rel" else { continue }
                for rel in pair[1].split(separator: " ") where result[String(rel)] == nil {
                    result[String(rel)] = url
                }
            }
        }
        return result
    }
}
