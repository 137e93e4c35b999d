// SPDX-License-Identifier: Apache-2.0

/// What a `kind: reddit` source lists: a search (`query:`), a subreddit's new posts
/// (`subreddit:`), or a search within a subreddit (both).
public struct RedditQuery: Sendable, Equatable {
    /// Search terms (`q`); `nil` lists the subreddit's new posts.
    public var query: String?
    /// A subreddit name without `r/`; `nil` searches all of Reddit.
    public var subreddit: String?
    /// The `User-Agent` Reddit requires: `<platform>:<app id>:<version> (by /u/<user>)`.
    public var userAgent: String

    /// Reddit's form, built from failwatch's version; set `user_agent:` to name your own
    /// Reddit account, as Reddit's API rules ask.
    public static let defaultUserAgent = "linux:failwatch:\(FailwatchVersion.current) (by /u/failwatch)"

    public init(query: String? = nil, subreddit: String? = nil, userAgent: String = RedditQuery.defaultUserAgent) {
        self.query = query
        self.subreddit = subreddit
        self.userAgent = userAgent
    }

    /// The feeds.yml keys of this kind.
    static let settingKeys = ["query", "subreddit", "user_agent"]
}
