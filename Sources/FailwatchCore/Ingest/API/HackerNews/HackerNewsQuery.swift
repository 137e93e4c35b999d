// SPDX-License-Identifier: Apache-2.0

/// What a `hackernews` source searches for on the Algolia Hacker News API.
public struct HackerNewsQuery: Sendable, Equatable {
    /// What Algolia can return; `tags:` in feeds.yml.
    public enum Tag: String, Sendable, Equatable, CaseIterable {
        case story
        case comment
    }

    /// The search words (`query:`).
    public var query: String
    /// Stories, comments or both (`tags:`, default both).
    public var tags: [Tag]
    /// Hits per page (`page_size:`, default 50, at most 1000).
    public var pageSize: Int

    public static let defaultPageSize = 50

    public init(query: String, tags: [Tag] = Tag.allCases, pageSize: Int = HackerNewsQuery.defaultPageSize) {
        self.query = query
        self.tags = tags
        self.pageSize = pageSize
    }
}
