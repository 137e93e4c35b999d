// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// Limits that keep one slow, huge or hostile source from stalling or exhausting a poll run.
public struct FetchPolicy: Sendable, Equatable {
    /// Seconds a whole request may take, redirects and body included.
    public var timeout: TimeInterval
    /// Largest body accepted as received on the wire (the `Content-Length` of an encoded body, else its size).
    public var maxBodyBytes: Int
    /// Largest body accepted after gzip/deflate decoding; guards against compression bombs.
    public var maxDecompressedBytes: Int
    /// Redirect hops followed before giving up.
    public var maxRedirects: Int
    /// Sent on every request unless the request's own headers set one.
    public var userAgent: String

    public static let defaultUserAgent = "failwatch/\(FailwatchVersion.current) (+https://github.com/failwatch/failwatch)"

    public init(
        timeout: TimeInterval = 20,
        maxBodyBytes: Int = 20 * 1024 * 1024,
        maxDecompressedBytes: Int = 50 * 1024 * 1024,
        maxRedirects: Int = 5,
        userAgent: String = FetchPolicy.defaultUserAgent
    ) {
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
        self.maxDecompressedBytes = maxDecompressedBytes
        self.maxRedirects = maxRedirects
        self.userAgent = userAgent
    }
}
