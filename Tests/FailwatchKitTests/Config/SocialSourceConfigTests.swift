// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

/// The feeds.yml keys of `kind: mastodon`, `bluesky` and `reddit`, and the messages for their mistakes.
@Suite struct SocialSourceConfigTests {
    static let head = """
        version: 1
        providers:
          - name: Vodafone
        sources:
          - name: social

        """

    func query(_ lines: String, environment: [String: String] = [:]) throws -> SourceQuery? {
        try ConfigTestSupport.parse(Self.head + lines, environment: environment).sources.first?.query
    }

    func errors(_ lines: String) -> [String] {
        ConfigTestSupport.errors(Self.head + lines)
    }

    @Test func mastodonTagWithAnyTagsAndLocal() throws {
        let read = try query(
            """
                kind: mastodon
                url: https://mastodon.social
                tag: "#Störung"
                any_tags: [internetausfall, glasfaser]
                local: true

            """)
        #expect(read == .mastodon(.tag("Störung", anyTags: ["internetausfall", "glasfaser"], localOnly: true)))
    }

    @Test func mastodonAccountWithOptionalID() throws {
        let read = try query(
            """
                kind: mastodon
                url: https://mastodon.social
                account: "@TelekomHilft@mastodon.social"
                account_id: "109000"

            """)
        #expect(read == .mastodon(.account("TelekomHilft@mastodon.social", id: "109000")))
    }

    @Test func blueskyWithTokenFromTheEnvironment() throws {
        let read = try query(
            """
                kind: bluesky
                url: https://public.api.bsky.app
                query: vodafone störung
                lang: de
                token: ${BSKY}

            """, environment: ["BSKY": "t0ken"])
        #expect(read == .bluesky(BlueskyQuery(query: "vodafone störung", language: "de", token: "t0ken")))
    }

    @Test func redditDefaultsToFailwatchsUserAgent() throws {
        let read = try query(
            """
                kind: reddit
                url: https://www.reddit.com
                subreddit: r/de

            """)
        #expect(read == .reddit(RedditQuery(subreddit: "de")))
        #expect(RedditQuery.defaultUserAgent == "linux:failwatch:0.1.0 (by /u/failwatch)")
    }

    @Test(arguments: [
        ("kind: mastodon\n    url: https://m.example\n",
         "feeds.yml:5:5: missing required key 'tag' in source 'social'; hint: a mastodon source reads a hashtag (tag: glasfaser) or an account (account: name@instance)"),
        ("kind: mastodon\n    url: https://m.example\n    tag: a\n    account: b\n",
         "feeds.yml:9:5: 'tag' and 'account' in source 'social' exclude each other; hint: make two sources"),
        ("kind: mastodon\n    url: https://m.example\n    tag: kein internet\n",
         "feeds.yml:8:10: invalid hashtag 'kein internet' for 'tag' in source 'social'; hint: letters, digits and _ only"),
        ("kind: mastodon\n    url: https://m.example\n    account: a\n    local: true\n",
         "feeds.yml:9:5: 'local' in source 'social' needs 'tag:', not 'account:'"),
        ("kind: mastodon\n    url: https://m.example\n    tag: a\n    local: maybe\n",
         "feeds.yml:9:12: expected true or false for 'local' in source 'social', found 'maybe'"),
        ("kind: mastodon\n    url: https://m.example\n    tag: a\n    subreddit: de\n",
         "feeds.yml:9:5: key 'subreddit' in source 'social' is not used by kind 'mastodon'; hint: it belongs to reddit"),
        ("kind: bluesky\n    url: https://b.example\n",
         "feeds.yml:5:5: missing required key 'query' in source 'social'; hint: the search terms, e.g. query: telekom störung, or account: HANDLE"),
        ("kind: reddit\n    url: https://www.reddit.com\n",
         "feeds.yml:5:5: missing required key 'query' in source 'social'; hint: search with query: vodafone störung, or list subreddit: de_EDV (or both)"),
        ("kind: reddit\n    url: https://www.reddit.com\n    subreddit: de/new\n",
         "feeds.yml:8:16: invalid subreddit 'de/new' in source 'social'; hint: the name as in r/NAME, e.g. de_EDV"),
    ])
    func mistakesAreReportedWithPositionAndHint(lines: String, message: String) {
        #expect(errors("    " + lines) == [message])
    }
}
