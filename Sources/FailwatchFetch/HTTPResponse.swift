// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The final answer to a request after redirects, with as much body as was wanted.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    /// Names lower-cased.
    public var headers: [String: String]
    /// Content-decoded; empty when the caller did not want it (``HTTPClient/send(_:wantsBody:)``).
    public var body: Data
    /// The URL after redirects; relative links in the body resolve against it.
    public var url: URL

    public init(status: Int, headers: [String: String] = [:], body: Data = Data(), url: URL) {
        self.status = status
        self.headers = headers
        self.body = body
        self.url = url
    }
}
