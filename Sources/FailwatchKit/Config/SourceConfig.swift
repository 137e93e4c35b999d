// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// One place failwatch polls for posts, with its own schedule and limits.
public struct SourceConfig: Sendable, Equatable {
    /// Unique name, used in logs and as the source's key in the store.
    public var name: String
    /// What to ask for: `kind:` (default `feed`) and that kind's own keys.
    public var query: SourceQuery
    /// The protocol to speak.
    public var kind: SourceKind { query.kind }
    /// The URL to fetch, `${VAR}`s expanded: http(s), or an absolute `file://` URL (a
    /// relative `file:examples/demo.xml` is resolved against the directory of feeds.yml).
    /// May hold secrets: log ``displayURL`` instead.
    public var url: URL
    /// Providers this source's posts may be attributed to (`providers:`, default `any`).
    public var providers: ProviderScope
    /// Seconds between two fetches (`interval:`, default 5m, at least 1m).
    public var interval: TimeInterval
    /// Extra request headers, `${VAR}`s expanded; may hold secrets, never log values.
    public var headers: [String: String]
    /// Pages to follow per run for paged APIs (`max_pages:`, default 5).
    public var maxPages: Int
    /// How far back the first run accepts posts (`backfill:`, default 14d; `all` is `.infinity`).
    public var backfill: TimeInterval
    /// The URL as written in feeds.yml, every `${VAR}` left unexpanded, so it is safe for
    /// logs; without variables it is `url.absoluteString`.
    public var displayURL: String
    /// The provider's own voice (`official: true`: its Mastodon account, its press feed): items
    /// are stored as its statements, not classified as complaints. `statuspage` sources always are.
    public var official: Bool
    /// `announce:` how `failwatch announce` posts through this account; `nil` when it cannot.
    public var announce: AnnounceConfig?
    /// Why `announce:` is missing although written (its secret's variable is not set).
    public var announceUnset: String?

    /// Whether what this source yields is the provider speaking, not its customers.
    public var isOfficial: Bool { official || kind == .statuspage }

    /// The provider its statements speak for: the one `providers:` names, else `nil` (several or all).
    public var officialProviderID: String? {
        if case let .only(ids) = providers, ids.count == 1 { return ids.first }
        return nil
    }

    /// Default for `interval:`.
    public static let defaultInterval: TimeInterval = 5 * 60
    /// Smallest `interval:` accepted, to stay polite to the sources.
    public static let minimumInterval: TimeInterval = 60
    /// Default for `max_pages:`.
    public static let defaultMaxPages = 5
    /// Default for `backfill:`.
    public static let defaultBackfill: TimeInterval = 14 * 86_400

    public init(
        name: String, query: SourceQuery = .feed, url: URL, providers: ProviderScope = .any,
        interval: TimeInterval = SourceConfig.defaultInterval, headers: [String: String] = [:],
        maxPages: Int = SourceConfig.defaultMaxPages, backfill: TimeInterval = SourceConfig.defaultBackfill,
        displayURL: String? = nil, official: Bool = false
    ) {
        self.name = name
        self.query = query
        self.url = url
        self.providers = providers
        self.interval = interval
        self.headers = headers
        self.maxPages = maxPages
        self.backfill = backfill
        self.displayURL = displayURL ?? url.absoluteString
        self.official = official
    }
}

extension SourceConfig {
    /// The oldest publication time the first run keeps; `.distantPast` for `backfill: all`.
    public func oldestBackfilled(now: Date) -> Date {
        backfill.isFinite ? now.addingTimeInterval(-backfill) : .distantPast
    }
}
