// SPDX-License-Identifier: Apache-2.0

/// What a `lemmy` source searches for through an instance's `/api/v3/search`.
public struct LemmyQuery: Sendable, Equatable {
    /// Posts or comments (`type:`); Lemmy searches one type per request.
    public enum ContentType: String, Sendable, Equatable, CaseIterable {
        case posts
        case comments

        /// The value of Lemmy's `type_` parameter.
        var parameter: String { self == .posts ? "Posts" : "Comments" }
    }

    /// The search words (`query:`).
    public var query: String
    /// What to search (`type:`, default posts).
    public var type: ContentType
    /// Results per page (`page_size:`, default 20, at most 50, Lemmy's limit).
    public var pageSize: Int

    public static let defaultPageSize = 20

    public init(query: String, type: ContentType = .posts, pageSize: Int = LemmyQuery.defaultPageSize) {
        self.query = query
        self.type = type
        self.pageSize = pageSize
    }
}
