// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

extension SourceConfig {
    /// The adapter that speaks this source's API; `nil` for feeds, which have their own parser.
    /// - Parameter now: the run's `now`, for adapters that date requests or budgets by it.
    public func apiAdapter(now: Date) -> (any APIAdapter)? {
        switch query {
        case .feed, .statuspage: return nil
        case .mastodon(let query): return MastodonAdapter(base: url, query: query)
        case .bluesky(let query):
            if let account = query.account {
                return BlueskyAuthorFeedAdapter(base: url, actor: account, token: query.token)
            }
            return BlueskyAdapter(base: url, query: query)
        case .reddit(let query): return RedditAdapter(base: url, query: query)
        case .hackernews(let query): return HackerNewsAdapter(base: url, query: query)
        case .lemmy(let query): return LemmyAdapter(base: url, query: query)
        case .json(let query): return JSONAPIAdapter(url: url, query: query)
        case .x(let query): return XAdapter(base: url, query: query, now: now)
        case .facebook(let query): return FacebookAdapter(base: url, query: query, now: now)
        case .instagram(let query): return InstagramAdapter(base: url, query: query, now: now)
        case .threads(.search(let terms, let token)): return ThreadsSearchAdapter(base: url, terms: terms, token: token)
        case .threads(.account(let token, let window)):
            return ThreadsAccountAdapter(base: url, token: token, commentWindow: window, now: now)
        }
    }
}
