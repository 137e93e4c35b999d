// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A response's status line and headers, known before any of its body.
public struct HTTPResponseHead: Sendable, Equatable {
    public var status: Int
    /// Header names lower-cased; a repeated header's values joined by ", ".
    public var headers: [String: String]

    public init(status: Int, headers: [String: String] = [:]) {
        self.status = status
        self.headers = headers
    }

    /// The declared body length on the wire, if the server sent one that parses.
    public var contentLength: Int? {
        headers["content-length"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// Whether the body travels gzip/deflate/br-encoded, so its decoded size needs its own cap.
    public var isContentEncoded: Bool {
        let encoding = headers["content-encoding"]?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return !encoding.isEmpty && encoding != "identity"
    }
}
