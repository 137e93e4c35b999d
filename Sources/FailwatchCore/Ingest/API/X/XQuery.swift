// SPDX-License-Identifier: Apache-2.0

/// What a `kind: x` source reads through the X API v2 at `url:` (`https://api.x.com`): a
/// recent search, or one account's timeline (the provider's own, with `official: true`).
public struct XQuery: Sendable, Equatable {
    /// Where the posts come from.
    public enum Target: Sendable, Equatable {
        /// `GET /2/tweets/search/recent?query=`: posts of the last 7 days matching X's search
        /// syntax, e.g. `(@LIWEST OR liwest OR #liwest) -is:retweet`.
        case search(String)
        /// `GET /2/users/:id/tweets` of the account `handle` (without `@`); `id` skips the
        /// `GET /2/users/by/username/:handle` request that otherwise resolves it once.
        case account(String, id: String?)
    }

    public var target: Target
    /// The app's bearer token, usually `${X_BEARER_TOKEN}`, sent as `Authorization: Bearer`;
    /// `nil` when `headers:` carries it. Never logged.
    public var token: String?
    /// Posts per page (`max_results`): 10–100 for search, 5–100 for a timeline.
    public var maxResults: Int
    /// Posts this source may read per UTC day (`max_posts_per_day:`), so one burst cannot
    /// spend a month's quota; `nil` reads without a budget.
    public var maxPostsPerDay: Int?

    /// Default for `max_results:`: the API's largest page, the fewest requests per post.
    public static let defaultMaxResults = 100

    public init(target: Target, token: String? = nil, maxResults: Int = XQuery.defaultMaxResults, maxPostsPerDay: Int? = nil) {
        self.target = target
        self.token = token
        self.maxResults = maxResults
        self.maxPostsPerDay = maxPostsPerDay
    }

    /// The feeds.yml keys of this kind.
    static let settingKeys = ["query", "account", "account_id", "token", "max_results", "max_posts_per_day"]
}
