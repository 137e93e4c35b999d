// SPDX-License-Identifier: Apache-2.0

/// What a `kind: bluesky` source asks `app.bsky.feed.searchPosts` on the AppView named by `url:`.
public struct BlueskyQuery: Sendable, Equatable {
    /// The search terms (`q`), in Bluesky's search syntax.
    public var query: String
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
    static let settingKeys = ["query", "lang", "token"]
}
