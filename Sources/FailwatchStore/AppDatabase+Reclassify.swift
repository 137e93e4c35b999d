// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import GRDB

/// A stored post as the classifier needs it.
public struct StoredPostText: Sendable {
    public var id: Int64
    public var sourceName: String
    public var text: String
    public var language: String?
}

extension AppDatabase {
    /// Replaces every stored post's classification with `judge`'s, page by page, each page in
    /// one transaction, so a run killed half-way leaves every post with one consistent verdict.
    ///
    /// - Parameters:
    ///   - pageSize: posts read and written per transaction.
    ///   - judge: the new verdict for one post.
    /// - Returns: posts visited, and how many of them changed label.
    public func reclassify(
        pageSize: Int = 5000, _ judge: (StoredPostText) -> Classification
    ) throws(StoreError) -> (posts: Int, changed: Int) {
        var lastID: Int64 = 0
        var posts = 0
        var changed = 0
        while true {
            let page = try read("read posts") { db in
                try Row.fetchAll(
                    db,
                    sql: "SELECT id, sourceName, text, language, label FROM post WHERE id > ? ORDER BY id LIMIT ?",
                    arguments: [lastID, pageSize])
            }
            guard let last = page.last else { break }
            lastID = last["id"]
            let verdicts = page.map { row in
                let post = StoredPostText(
                    id: row["id"], sourceName: row["sourceName"], text: row["text"], language: row["language"])
                return (post.id, row["label"] as String?, judge(post))
            }
            try write("reclassify posts") { db in
                for (id, oldLabel, verdict) in verdicts {
                    if oldLabel != verdict.label.rawValue { changed += 1 }
                    try db.execute(
                        sql: "UPDATE post SET label = ?, sentiment = ?, language = COALESCE(language, ?), repost = (repost OR ?) WHERE id = ?",
                        arguments: [verdict.label.rawValue, verdict.sentiment, verdict.language, verdict.repost, id])
                    try db.execute(sql: "DELETE FROM postProvider WHERE postId = ?", arguments: [id])
                    for provider in verdict.providers {
                        try db.execute(
                            sql: """
                                INSERT INTO postProvider (postId, providerId, label, sentiment, symptom)
                                VALUES (?, ?, ?, ?, ?)
                                """,
                            arguments: [
                                id, provider.id, provider.label.rawValue, provider.sentiment, provider.symptom?.rawValue,
                            ])
                    }
                }
            }
            posts += page.count
        }
        return (posts, changed)
    }
}
