// SPDX-License-Identifier: Apache-2.0

extension SourceConfig {
    /// The adapter that speaks this source's API; `nil` for feeds, which have their own parser.
    public var apiAdapter: (any APIAdapter)? {
        switch query {
        case .feed, .statuspage: return nil
        case .mastodon(let query): return MastodonAdapter(base: url, query: query)
        case .bluesky(let query): return BlueskyAdapter(base: url, query: query)
        case .reddit(let query): return RedditAdapter(base: url, query: query)
        case .hackernews(let query): return HackerNewsAdapter(base: url, query: query)
        case .lemmy(let query): return LemmyAdapter(base: url, query: query)
        case .json(let query): return JSONAPIAdapter(url: url, query: query)
        }
    }
}
