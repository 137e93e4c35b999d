// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What the store remembers about one source between cron runs.
public struct SourceState: Sendable, Equatable {
    public var name: String
    public var kind: String
    public var url: String
    public var etag: String?
    public var lastModified: String?
    /// Where a paged API continues (an id, a timestamp, an opaque token: the adapter's own).
    public var cursor: String?
    public var lastFetchAt: Date?
    public var lastSuccessAt: Date?
    public var lastError: String?
    public var lastErrorAt: Date?
    public var consecutiveFailures: Int
    /// Set after a 429/503: the source is not asked again before this instant.
    public var retryAfter: Date?
    /// Posts stored from this source (filled by status queries only).
    public var postCount: Int
    /// The first failure of the current run of failures; `nil` while the source is healthy.
    public var failingSince: Date?
    /// When a run last told of this source's failure (see ``SourceNotice``).
    public var failureNoticeAt: Date?

    public init(
        name: String, kind: String, url: String, etag: String? = nil, lastModified: String? = nil, cursor: String? = nil,
        lastFetchAt: Date? = nil, lastSuccessAt: Date? = nil, lastError: String? = nil, lastErrorAt: Date? = nil,
        consecutiveFailures: Int = 0, retryAfter: Date? = nil, postCount: Int = 0, failingSince: Date? = nil,
        failureNoticeAt: Date? = nil
    ) {
        self.failingSince = failingSince
        self.failureNoticeAt = failureNoticeAt
        self.name = name
        self.kind = kind
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.cursor = cursor
        self.lastFetchAt = lastFetchAt
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.consecutiveFailures = consecutiveFailures
        self.retryAfter = retryAfter
        self.postCount = postCount
    }
}
