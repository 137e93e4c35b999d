// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One GET the poll run wants, carrying the validators from the last fetch so unchanged feeds cost a 304.
public struct FetchRequest: Sendable, Equatable {
    /// The feed or API address; `http`, `https` or `file`.
    public var url: URL
    /// The `ETag` of the last 200, sent as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` of the last 200, sent as `If-Modified-Since`.
    public var lastModified: String?
    /// Extra request headers (e.g. `Authorization`, `Accept`); they override the defaults, User-Agent included.
    public var headers: [String: String]

    public init(url: URL, etag: String? = nil, lastModified: String? = nil, headers: [String: String] = [:]) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.headers = headers
    }
}
