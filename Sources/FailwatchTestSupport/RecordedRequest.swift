// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A request as the loopback server saw it, so tests can assert on what the client sent.
public struct RecordedRequest: Sendable, Equatable {
    public var method: String
    /// The decoded path without the query, e.g. `/feed.xml`.
    public var path: String
    /// The raw query string without `?`, empty when there is none.
    public var query: String
    /// Header names lower-cased; repeated headers joined with ", ".
    public var headers: [String: String]
    public var body: Data

    public init(method: String, path: String, query: String = "", headers: [String: String] = [:], body: Data = Data())
    {
        self.method = method
        self.path = path
        self.query = query
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }) { "\($0), \($1)" }
        self.body = body
    }

    /// The value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }
}
