// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation

/// One parser that reads bytes from outside, as the corpus replay test and the libFuzzer
/// targets (`Fuzz/`) drive it: whatever the bytes, it returns a value or one clear error and
/// never stops the process.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// RSS 0.9x/2.0, Atom, RDF and JSON Feed through ``FeedParser`` (it sniffs the format).
    case feed
    case mastodon
    case bluesky
    case reddit
    case hackernews
    case lemmy
    /// `kind: instagram`: a page of the account's media with comments and replies.
    case instagram
    /// `kind: threads` with `query:`: a page of keyword search results.
    case threads
    /// `kind: json` with pointers, a unix time field, a cursor and a page parameter.
    case json
    /// Statuspage v2 JSON (summary, incidents, a single incident).
    case statuspage
    /// feeds.yml.
    case config
    /// The `timestamp,value` series of `failwatch backtest --series`.
    case series

    /// What one input came to.
    public enum Outcome: Sendable, Equatable {
        /// Parsed: how many items, points or sources it held.
        case value(count: Int)
        /// Refused, with the lines a user would read (one for every parser but feeds.yml,
        /// which lists each problem on its own line).
        case error(lines: [String])

        /// Why this outcome is not one clear error, or `nil` when it is fine: an error must have
        /// at least one line, none empty, none spanning lines, none longer than `maximumLine`.
        public var flaw: String? {
            guard case .error(let lines) = self else { return nil }
            if lines.isEmpty { return "an error without a message" }
            for line in lines {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { return "an empty error line" }
                if line.contains(where: \.isNewline) { return "an error spanning lines: \(line.prefix(200))" }
                if line.count > Self.maximumLine { return "an error line of \(line.count) characters" }
            }
            return nil
        }

        /// Longest error line a person can still read on a terminal; quotes of the input must be cut.
        public static let maximumLine = 600
    }

    /// Feeds `data` to the parser.
    public func run(_ data: Data) -> Outcome {
        switch self {
        case .feed:
            do throws(FeedParseError) {
                return .value(count: try FeedParser.parse(data).items.count)
            } catch {
                return .error(lines: [error.description])
            }
        case .statuspage:
            let origin = StatusPageReader.Origin(sourceName: "fuzz", providerID: "p", fetched: Self.now)
            do throws(APIError) {
                return .value(count: try StatusPageReader.read(json: data, origin: origin).statements.count)
            } catch {
                return .error(lines: [error.description])
            }
        case .config:
            do throws(ConfigError) {
                let config = try FeedsConfig.parse(
                    yaml: String(decoding: data, as: UTF8.self), fileName: "feeds.yml",
                    baseDirectory: URL(fileURLWithPath: "/nonexistent-fuzz-base"), environment: [:])
                return .value(count: config.sources.count)
            } catch {
                return .error(lines: error.lines)
            }
        case .series:
            do {
                return .value(count: try SeriesCSV.parse(String(decoding: data, as: UTF8.self), file: "fuzz.csv").count)
            } catch {
                return .error(lines: ["\(error)"])
            }
        case .mastodon, .bluesky, .reddit, .hackernews, .lemmy, .json, .instagram, .threads:
            guard let (adapter, url) = Self.adapters[self] else { return .error(lines: ["fuzz: no adapter"]) }
            let body = FetchedBody(data: data, contentType: "application/json", finalURL: url, headers: [:])
            do throws(APIError) {
                let page = try adapter.read(body, request: FetchRequest(url: url), cursor: nil)
                return .value(count: page.items.count)
            } catch {
                return .error(lines: [error.description])
            }
        }
    }

    /// A fixed instant, so no outcome depends on the day the fuzzer runs.
    static let now = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z

    /// The `sources:` entry each API target is read as.
    static let sourceLines: [FuzzTarget: (yaml: String, url: String)] = [
        .mastodon: ("kind: mastodon\n    tag: vodafone", "https://m.example/api/v1/timelines/tag/vodafone"),
        .bluesky: ("kind: bluesky\n    query: vodafone", "https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts"),
        .reddit: ("kind: reddit\n    query: vodafone", "https://www.reddit.com/search.json"),
        .hackernews: ("kind: hackernews\n    query: vodafone", "https://hn.algolia.com/api/v1/search_by_date?page=0"),
        .lemmy: ("kind: lemmy\n    query: vodafone", "https://lemmy.example/api/v3/search?page=1"),
        .instagram: (
            "kind: instagram\n    account_id: \"17841405822304914\"",
            "https://graph.facebook.com/v21.0/17841405822304914/media?since=1794992400"
        ),
        .threads: (
            "kind: threads\n    query: vodafone", "https://graph.threads.net/v1.0/keyword_search?since=1794992400"
        ),
        .json: (
            "kind: json\n    items: /data/items\n    fields: {id: /id, text: /text, time: /t, author: /user/name, url: /url}"
                + "\n    time_format: unix\n    cursor: {param: since}",
            "https://api.example/items"
        ),
    ]

    /// The adapters, built once from a real feeds.yml so they are configured as users configure them.
    static let adapters: [FuzzTarget: (any APIAdapter, URL)] = {
        var adapters: [FuzzTarget: (any APIAdapter, URL)] = [:]
        for (target, source) in sourceLines {
            let yaml = """
                version: 1
                providers:
                  - name: Vodafone
                sources:
                  - name: fuzz
                    url: https://x.example/
                    \(source.yaml)
                """
            guard
                let config = try? FeedsConfig.parse(
                    yaml: yaml, fileName: "feeds.yml", baseDirectory: URL(fileURLWithPath: "/"), environment: [:]),
                let adapter = config.sources.first?.apiAdapter(now: now), let url = URL(string: source.url)
            else { continue }
            adapters[target] = (adapter, url)
        }
        return adapters
    }()
}
