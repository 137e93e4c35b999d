// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One request as a transport sends it: a single hop, every header spelled out.
public struct HTTPRequest: Sendable, Equatable {
    /// `GET`, `POST`, `PATCH`…
    public var method: String
    /// An `http` or `https` address; may hold tokens, so it is never printed whole.
    public var url: URL
    /// Sent as given; names compare case-insensitively (``setting(_:to:)``).
    public var headers: [String: String]
    /// The request body, for `POST` and `PATCH`.
    public var body: Data?

    public init(method: String = "GET", url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The value of a header, whatever the case of its name.
    public func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Replaces a header (any spelling of its name) with `value`, or removes it for `nil`.
    public mutating func setting(_ name: String, to value: String?) {
        for key in headers.keys where key.caseInsensitiveCompare(name) == .orderedSame {
            headers[key] = nil
        }
        headers[name] = value
    }
}
