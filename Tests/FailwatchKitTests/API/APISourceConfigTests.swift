// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchKit
import Foundation
import Testing

/// feeds.yml for the hackernews, lemmy and json kinds: what is read, and what is refused with
/// a message that points at the line.
@Suite struct APISourceConfigTests {
    @Test func hackernewsSourceIsRead() throws {
        let source = try #require(
            try APIFixture.config(
                "name: hn\nkind: hackernews\nurl: https://hn.algolia.com\nquery: vodafone\ntags: comment\npage_size: 100"
            ).sources.first)
        #expect(source.query == .hackernews(HackerNewsQuery(query: "vodafone", tags: [.comment], pageSize: 100)))
    }

    @Test func lemmySourceIsRead() throws {
        let source = try #require(
            try APIFixture.config("name: l\nkind: lemmy\nurl: https://feddit.org\nquery: telekom\ntype: comments")
                .sources.first)
        #expect(source.query == .lemmy(LemmyQuery(query: "telekom", type: .comments)))
    }

    @Test func jsonSourceIsRead() throws {
        let source = try #require(
            try APIFixture.config(
                """
                name: j
                kind: json
                url: https://api.example/posts
                items: /data/children
                fields:
                  id: /data/id
                  text: /data/body
                  time: /data/created
                time_format: unix_ms
                author_prefix: "example:"
                cursor: {param: since}
                next: {param: after, token: /data/after}
                """
            ).sources.first)
        let pointer = { (text: String) in try JSONPointer(parsing: text) }
        let expected = JSONAPIQuery(
            items: try pointer("/data/children"),
            fields: .init(
                id: try pointer("/data/id"), text: try pointer("/data/body"), time: try pointer("/data/created")),
            timeFormat: .unixMilliseconds, authorPrefix: "example:",
            cursor: .init(parameter: "since", field: try pointer("/data/created")),
            next: .token(parameter: "after", pointer: try pointer("/data/after")))
        #expect(source.query == .json(expected))
    }

    @Test(arguments: [
        ("kind: hackernews\ntags: [story, poll]", "feeds.yml:6:5: missing required key 'query' in source 's'"),
        ("kind: hackernews\nquery: x\ntags: [story, poll]", "feeds.yml:10:19: unknown tag 'poll' in source 's'"),
        ("kind: hackernews\nquery: x\ntags: []", "feeds.yml:10:11: 'tags' in source 's' lists no tag"),
        (
            "kind: lemmy\nquery: x\ntype: users",
            "feeds.yml:10:11: unknown type 'users' in source 's'; hint: use posts or comments"
        ),
        (
            "kind: lemmy\nquery: x\npage_size: 500",
            "feeds.yml:10:16: 'page_size' in source 's' must be between 1 and 50"
        ),
        (
            "kind: lemmy\nquery: x\nitems: /a",
            "feeds.yml:10:5: key 'items' in source 's' is not used by kind 'lemmy'; hint: it belongs to json"
        ),
        (
            "kind: json\nfields: {text: data/body}",
            "feeds.yml:9:20: JSON pointer 'data/body' for 'text' in 'fields' in source 's' must start with '/'; hint: write '/data/body'"
        ),
        (
            "kind: json\nitems: /a~2b\nfields: {text: /t}",
            "feeds.yml:9:12: JSON pointer '/a~2b' for 'items' in source 's' has a '~' not followed by 0 or 1"
        ),
        ("kind: json\nfields: {id: /id}", "feeds.yml:9:13: 'fields' in source 's' maps neither text nor title"),
        ("kind: json\nfields: {text: /t, body: /b}", "feeds.yml:9:24: unknown key 'body' in 'fields' in source 's'"),
        ("kind: json", "feeds.yml:6:5: missing required key 'fields' in source 's'"),
        (
            "kind: json\nfields: {text: /t}\ntime_format: sometimes",
            "feeds.yml:10:18: unknown time_format 'sometimes' in source 's'"
        ),
        (
            "kind: json\nfields: {text: /t}\ncursor: {param: since}",
            "feeds.yml:10:13: 'cursor' in source 's' has no field and the source maps no time"
        ),
        (
            "kind: json\nfields: {text: /t}\nnext: {url: /n, param: p}",
            "feeds.yml:10:11: 'next' in source 's' must be one of"
        ),
    ])
    func badSettingsAreReportedAtTheirLine(_ settings: String, _ message: String) {
        let problems = APIFixture.problems("name: s\nurl: https://api.example\n" + settings)
        #expect(problems.contains { $0.hasPrefix(message) }, "\(problems)")
    }
}
