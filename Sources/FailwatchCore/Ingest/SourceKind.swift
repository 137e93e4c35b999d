// SPDX-License-Identifier: Apache-2.0

/// What protocol a source speaks, so each kind gets its own fetcher and parser; a closed
/// enum so a new kind is a compile error everywhere it is not yet handled.
public enum SourceKind: String, Sendable, Equatable, CaseIterable {
    /// RSS 0.9x/2.0, RDF (RSS 1.0), Atom or JSON Feed; the format is detected from the body.
    case feed
    /// Mastodon hashtag timelines or an account's statuses, on any instance.
    case mastodon
    /// Bluesky post search (`app.bsky.feed.searchPosts`) on an AppView host.
    case bluesky
    /// Reddit search and subreddit listings (`.json` endpoints).
    case reddit
    /// A provider's official status page (Atlassian Statuspage JSON or its RSS/Atom history):
    /// read as the provider's statements, never as complaints.
    case statuspage
    /// Hacker News stories and comments through the Algolia search API.
    case hackernews
    /// Posts or comments of any Lemmy instance through `/api/v3/search`.
    case lemmy
    /// Any other public JSON API, mapped onto posts in feeds.yml.
    case json
    /// X (Twitter) API v2: recent search, or an account's timeline.
    case x
    /// A Facebook page through the Graph API: the page's posts are its statements, the
    /// comments under them its customers' posts.
    case facebook
    /// An Instagram professional account through the Instagram Graph API: its captions are its
    /// statements, the comments under its media its customers' posts.
    case instagram
    /// Threads: a keyword search, or the provider's own account with the replies under its threads.
    case threads

    /// The feeds.yml keys this kind reads beyond those every source has (name, kind, url,
    /// providers, interval, headers, max_pages, backfill).
    public var settingKeys: [String] {
        switch self {
        case .feed: return []
        case .mastodon: return MastodonQuery.settingKeys
        case .bluesky: return BlueskyQuery.settingKeys
        case .reddit: return RedditQuery.settingKeys
        case .statuspage: return []
        case .hackernews: return ["query", "tags", "page_size"]
        case .lemmy: return ["query", "type", "page_size"]
        case .json: return ["items", "fields", "time_format", "author_prefix", "cursor", "next"]
        case .x: return XQuery.settingKeys
        case .facebook: return FacebookQuery.settingKeys
        case .instagram: return InstagramQuery.settingKeys
        case .threads: return ThreadsQuery.settingKeys
        }
    }
}
