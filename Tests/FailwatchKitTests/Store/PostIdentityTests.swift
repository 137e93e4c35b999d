// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchKit
@testable import FailwatchStore
import Foundation
import GRDB
import Testing

/// A post is its own id within its network: six replies sharing a thread link are six posts,
/// a weekly identical post is one post a week, and the same post through two sources is one.
@Suite struct PostIdentityTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func report(_ source: String, kind: String = "feed", url: String, items: [FeedItem]) -> SourceReport {
        let scope = PostIdentity.scope(kind: kind, url: url)
        let posts = items.map { Post(item: $0, language: "de", sourceName: source, fetched: now, scope: scope) }
        return SourceReport(
            name: source, kind: kind, url: url, outcome: .fetched(.init(posts: posts)), duration: 0.1)
    }

    func store(_ reports: [SourceReport], in store: AppDatabase) throws -> (new: Int, known: Int) {
        let run = try store.startRun(at: now)
        var counts = (new: 0, known: 0)
        for report in reports {
            let stored = try store.record(report, runID: run, at: now)
            counts.new += stored.postsNew
            counts.known += stored.postsDuplicate
        }
        return counts
    }

    @Test func sixRepliesSharingOneLinkAreSixPosts() throws {
        let thread = "https://forum.example/t/vodafone-down"
        let withoutIDs = (1...6).map { FeedItem(title: "Reply \($0): bei mir auch weg", link: thread, author: "u\($0)") }
        let withIDs = (1...6).map {
            FeedItem(id: "reply-\($0)", title: "Antwort \($0): geht nicht", link: thread, author: "v\($0)")
        }
        let db = try AppDatabase.inMemory()

        let first = try store(
            [report("forum", url: "https://forum.example/a.rss", items: withoutIDs),
             report("forum2", url: "https://other.example/b.rss", items: withIDs)], in: db)
        let again = try store([report("forum", url: "https://forum.example/a.rss", items: withoutIDs)], in: db)

        #expect(first.new == 12)
        #expect(again.new == 0 && again.known == 6)
    }

    @Test func aWeeklyIdenticalPostWithItsOwnIDsIsNotMerged() throws {
        let weekly = (1...3).map {
            FeedItem(
                id: "at://did:plc:a/app.bsky.feed.post/\($0)", link: "https://bsky.app/profile/a/post/\($0)",
                author: "bluesky:@a.example", content: "Wartungsfenster heute Nacht, Vodafone Kabel")
        }
        let db = try AppDatabase.inMemory()

        let counts = try store([report("sky", kind: "bluesky", url: "https://api.bsky.app/", items: weekly)], in: db)

        #expect(counts.new == 3)
    }

    @Test func thePostThroughTwoSourcesOfOneNetworkIsOnePost() throws {
        let reddit = FeedItem(id: "t3_1gx0abc", title: "Vodafone Störung?", author: "reddit:u/a")
        let status = FeedItem(
            id: "https://m.example/users/a/statuses/1", author: "mastodon:@a@m.example", content: "Telekom down")
        let guid = FeedItem(id: "4711", title: "Ausfall bei O2")
        let db = try AppDatabase.inMemory()

        let counts = try store(
            [
                report("search", kind: "reddit", url: "https://www.reddit.com/", items: [reddit]),
                report("subreddit", kind: "reddit", url: "https://oauth.reddit.com/", items: [reddit]),
                report("tag1", kind: "mastodon", url: "https://m.example/", items: [status]),
                report("tag2", kind: "mastodon", url: "https://other.example/", items: [status]),
                report("news-a", url: "https://news.example/a.rss", items: [guid]),
                report("news-b", url: "https://news.example/b.rss", items: [guid]),
                // A bare id on another site is another post.
                report("blog", url: "https://blog.example/feed", items: [guid]),
            ], in: db)

        #expect(counts.new == 4)
        #expect(counts.known == 3)
    }

    @Test func migrationKeepsEveryRowAndItsProviders() throws {
        // Given a store at v5 whose posts were keyed by link and content hash
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v5-detection-and-outbox")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO source (name, kind, url) VALUES ('news', 'feed', 'https://news.example/a.rss')")
            try db.execute(sql: "INSERT INTO source (name, kind, url) VALUES ('r', 'reddit', 'https://www.reddit.com/')")
            let rows: [(String, String, String?, String)] = [
                ("news", "https://news.example/1", "https://news.example/1", "h1"),  // id-less: guid was the link
                ("news", "g-2", "https://news.example/2", "h2"),
                ("news", "h3", nil, "h3"),  // id-less, no link: guid was the hash
                ("r", "t3_x", "https://www.reddit.com/r/de/comments/x", "h4"),
            ]
            for (source, guid, link, hash) in rows {
                try db.execute(
                    sql: """
                        INSERT INTO post (sourceName, guid, link, text, fetched, contentHash, label)
                        VALUES (?, ?, ?, 'text', 1795000000, ?, 'outage')
                        """, arguments: [source, guid, link, hash])
                try db.execute(
                    sql: "INSERT INTO postProvider (postId, providerId, label, sentiment) VALUES (?, 'vodafone', 'outage', -0.5)",
                    arguments: [db.lastInsertedRowID])
            }
        }

        // When the store opens with the current schema
        let store = try AppDatabase(queue)

        // Then every row, its id and its providers are kept, and each has its identity
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT post.id, identity, providerId FROM post JOIN postProvider ON postId = post.id ORDER BY post.id")
        }
        #expect(rows.map { $0["id"] as Int64 } == [1, 2, 3, 4])
        #expect(rows.map { $0["identity"] as String } == [
            "https://news.example/1", "feed@news.example g-2", "h3", "reddit t3_x",
        ])
        #expect(try queue.read { db in try Array(db.foreignKeyViolations()).count } == 0)
        // And the link is no longer unique: a second reply under link 2 is a new post
        let reply = FeedItem(id: "g-9", title: "noch eine Antwort", link: "https://news.example/2")
        let counts = try self.store([report("news", url: "https://news.example/a.rss", items: [reply])], in: store)
        #expect(counts.new == 1)
    }
}
