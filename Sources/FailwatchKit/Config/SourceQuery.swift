// SPDX-License-Identifier: Apache-2.0
import FailwatchCore

/// What to ask a source for: the settings of its kind beyond those every source shares.
///
/// One case per ``SourceKind``, each carrying its own settings type, so an API's options
/// are checked when feeds.yml is read, not when the API is first called.
public enum SourceQuery: Sendable, Equatable {
    /// A feed needs nothing but its URL.
    case feed
    case mastodon(MastodonQuery)
    case bluesky(BlueskyQuery)
    case reddit(RedditQuery)
    /// A status page needs nothing but its URL (base, or a full .json/.rss/.atom URL).
    case statuspage
    case hackernews(HackerNewsQuery)
    case lemmy(LemmyQuery)
    case json(JSONAPIQuery)
    case x(XQuery)
    case facebook(FacebookQuery)
    case instagram(InstagramQuery)
    case threads(ThreadsQuery)

    /// The kind this query belongs to.
    public var kind: SourceKind {
        switch self {
        case .feed: return .feed
        case .mastodon: return .mastodon
        case .bluesky: return .bluesky
        case .reddit: return .reddit
        case .statuspage: return .statuspage
        case .hackernews: return .hackernews
        case .lemmy: return .lemmy
        case .json: return .json
        case .x: return .x
        case .facebook: return .facebook
        case .instagram: return .instagram
        case .threads: return .threads
        }
    }
}
