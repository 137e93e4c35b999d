// SPDX-License-Identifier: Apache-2.0

/// What protocol a source speaks, so each kind gets its own fetcher and parser; a closed
/// enum so a new kind is a compile error everywhere it is not yet handled.
public enum SourceKind: String, Sendable, Equatable, CaseIterable {
    /// RSS 0.9x/2.0, RDF (RSS 1.0), Atom or JSON Feed; the format is detected from the body.
    case feed
    /// Hacker News stories and comments through the Algolia search API.
    case hackernews
    /// Posts or comments of any Lemmy instance through `/api/v3/search`.
    case lemmy
    /// Any other public JSON API, mapped onto posts in feeds.yml.
    case json

    /// The feeds.yml keys this kind reads beyond those every source has (name, kind, url,
    /// providers, interval, headers, max_pages, backfill).
    public var settingKeys: [String] {
        switch self {
        case .feed: return []
        case .hackernews: return ["query", "tags", "page_size"]
        case .lemmy: return ["query", "type", "page_size"]
        case .json: return ["items", "fields", "time_format", "author_prefix", "cursor", "next"]
        }
    }
}
