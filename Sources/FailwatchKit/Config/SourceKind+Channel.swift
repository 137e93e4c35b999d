// SPDX-License-Identifier: Apache-2.0
import FailwatchCore

extension SourceKind {
    /// The channel's name as people say it, for "last official post on X 3 days ago".
    public var channelName: String {
        switch self {
        case .feed: return "its feed"
        case .mastodon: return "Mastodon"
        case .bluesky: return "Bluesky"
        case .reddit: return "Reddit"
        case .statuspage: return "the status page"
        case .hackernews: return "Hacker News"
        case .lemmy: return "Lemmy"
        case .json: return "its API"
        case .x: return "X"
        case .facebook: return "Facebook"
        case .instagram: return "Instagram"
        case .threads: return "Threads"
        }
    }
}

extension SourceConfig {
    /// Whether the provider's own words arrive through this source: an official source, or a
    /// kind that reads the provider's own page or account and tells its posts from its
    /// customers' (`facebook`, `instagram`, `threads` without `query:`), so alerts look here
    /// for the provider's last word.
    public var carriesOfficialWord: Bool {
        switch query {
        case .facebook, .instagram, .threads(.account): return true
        default: return isOfficial
        }
    }
}
