// SPDX-License-Identifier: Apache-2.0

/// What a `kind: bluesky` source asks the AppView named by `url:`: a search
/// (`app.bsky.feed.searchPosts`), or one account's posts (`app.bsky.feed.getAuthorFeed`, the
/// provider's own with `official: true`).
public struct BlueskyQuery: Sendable, Equatable {
    /// The search terms (`q`), in Bluesky's search syntax; empty when ``account`` is read.
    public var query: String
    /// `account:` the handle (or DID) whose posts are read instead of a search.
    public var account: String?
    /// Only posts in this language (`lang`, e.g. `de`); `nil` for all.
    public var language: String?
    /// An access token sent as `Authorization: Bearer`, usually `${BLUESKY_TOKEN}`; public
    /// search is sometimes refused without one. Never logged.
    public var token: String?

    public init(query: String, language: String? = nil, token: String? = nil) {
        self.query = query
        self.language = language
        self.token = token
    }

    /// The feeds.yml keys of this kind.
    static let settingKeys = ["query", "lang", "token", "account"]

    /// One account's posts.
    public static func account(_ handle: String, token: String? = nil) -> BlueskyQuery {
        var query = BlueskyQuery(query: "", token: token)
        query.account = handle
        return query
    }
}
