// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Limits for every HTTP fetch, so one slow or hostile source cannot stall or exhaust a run.
public struct FetchSettings: Sendable, Equatable {
    /// How many sources are fetched at the same time (`fetch.concurrency`, default 8).
    public var concurrency: Int
    /// Seconds one request may take in total (`fetch.timeout`, default 20s).
    public var timeout: TimeInterval
    /// Largest response body accepted as sent on the wire (`fetch.max_body`, default 20MiB).
    public var maxBodyBytes: Int
    /// Largest body after gzip/deflate decoding (`fetch.max_decompressed`, default 50MiB).
    public var maxDecompressedBytes: Int
    /// Redirects followed before giving up (`fetch.max_redirects`, default 5).
    public var maxRedirects: Int
    /// `User-Agent` header; `nil` means the fetcher's own default.
    public var userAgent: String?

    /// The values used for every key that feeds.yml leaves out.
    public static let defaults = FetchSettings()

    public init(
        concurrency: Int = 8, timeout: TimeInterval = 20, maxBodyBytes: Int = 20 * 1024 * 1024,
        maxDecompressedBytes: Int = 50 * 1024 * 1024, maxRedirects: Int = 5, userAgent: String? = nil
    ) {
        self.concurrency = concurrency
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
        self.maxDecompressedBytes = maxDecompressedBytes
        self.maxRedirects = maxRedirects
        self.userAgent = userAgent
    }
}
