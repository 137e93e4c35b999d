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
    /// The label stored before reclassification (`nil` for a post never labelled or an unknown label).
    public var label: Label?

    public init(id: Int64, sourceName: String, text: String, language: String?, label: Label? = nil) {
        self.id = id
        self.sourceName = sourceName
        self.text = text
        self.language = language
        self.label = label
    }
}

extension AppDatabase {
    public func postTexts(after id: Int64, limit: Int) throws(StoreError) -> [StoredPostText] {
        try read("read posts") { db in
            try Row.fetchAll(
                db,
                sql: "SELECT id, sourceName, text, language, label FROM post WHERE id > ? ORDER BY id LIMIT ?",
                arguments: [id, limit]
            ).map { row in
                StoredPostText(
                    id: row["id"], sourceName: row["sourceName"], text: row["text"], language: row["language"],
                    label: (row["label"] as String?).flatMap(Label.init(rawValue:)))
            }
        }
    }

    public func saveVerdicts(_ verdicts: [(post: StoredPostText, verdict: Classification)]) throws(StoreError) -> Int {
        try write("reclassify posts") { db in
            var changed = 0
            for (post, verdict) in verdicts {
                if post.label != verdict.label { changed += 1 }
                try db.execute(
                    sql: "UPDATE post SET label = ?, sentiment = ?, language = COALESCE(language, ?), repost = (repost OR ?) WHERE id = ?",
                    arguments: [verdict.label.rawValue, verdict.sentiment, verdict.language, verdict.repost, post.id])
                let kept = verdict.providers.map(\.id)
                try db.execute(
                    sql: StoreSQL.dropVerdicts(keeping: kept.count),
                    arguments: StatementArguments([post.id.databaseValue] + kept.map(\.databaseValue)))
                for provider in verdict.providers {
                    try db.execute(
                        sql: StoreSQL.upsertVerdict,
                        arguments: [
                            post.id, provider.id, provider.label.rawValue, provider.sentiment, provider.symptom?.rawValue,
                        ])
                }
            }
            return changed
        }
    }
}
