// SPDX-License-Identifier: Apache-2.0
import Foundation

extension URL {
    /// The URL with query parameter `name` set to `value` (replacing every earlier value),
    /// so an adapter can turn one page's request into the next.
    func settingQuery(_ name: String, to value: String) -> URL {
        settingQuery([(name, value)])
    }

    /// The URL with each parameter of `pairs` set, in order; other parameters are kept.
    func settingQuery(_ pairs: [(String, String)]) -> URL {
        guard var components = URLComponents(url: self, resolvingAgainstBaseURL: false) else { return self }
        var items = components.queryItems ?? []
        for (name, value) in pairs {
            items.removeAll { $0.name == name }
            items.append(URLQueryItem(name: name, value: value))
        }
        components.queryItems = items
        // `+` is a space to most servers; keep it literal in values.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return components.url ?? self
    }

    /// The value of query parameter `name`, `nil` when absent.
    func queryValue(_ name: String) -> String? {
        URLComponents(url: self, resolvingAgainstBaseURL: false)?.queryItems?.last { $0.name == name }?.value
    }

    /// The URL with `path` appended to its path (one slash between them), for APIs whose
    /// `url:` is the host and whose endpoint is fixed.
    func appendingEndpoint(_ path: String) -> URL {
        guard var components = URLComponents(url: self, resolvingAgainstBaseURL: false) else { return self }
        var base = components.path
        while base.hasSuffix("/") { base.removeLast() }
        if !base.hasSuffix(path) { base += path }
        components.path = base
        return components.url ?? self
    }
}
