// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A successful (2xx) response: the decoded body plus what the next conditional GET and the parser need.
public struct FetchedBody: Sendable, Equatable {
    /// The body, already gzip/deflate-decoded.
    public var data: Data
    /// The `Content-Type` header, e.g. `application/rss+xml; charset=utf-8`.
    public var contentType: String?
    /// The `ETag` to store for the next `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` to store for the next `If-Modified-Since`.
    public var lastModified: String?
    /// The URL after redirects; relative links in the feed resolve against it.
    public var finalURL: URL
    /// The HTTP status (200 for files).
    public var status: Int
    /// Every response header, names lower-cased, for APIs that page (`link`) or meter
    /// (`x-ratelimit-*`) through headers.
    public var headers: [String: String]

    public init(
        data: Data, contentType: String? = nil, etag: String? = nil, lastModified: String? = nil,
        finalURL: URL, status: Int = 200, headers: [String: String] = [:]
    ) {
        self.data = data
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
        self.finalURL = finalURL
        self.status = status
        self.headers = headers
    }
}
