// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import GRDB

extension AppDatabase {
    /// Posts per provider and label published (or, undated, fetched) in `[since, until)`.
    ///
    /// - Returns: provider id → label → count; providers without posts are absent.
    public func labelCounts(since: Date, until: Date) throws(StoreError) -> [String: [Label: Int]] {
        try read("count labels") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT postProvider.providerId, postProvider.label, COUNT(*) AS n
                    FROM postProvider JOIN post ON post.id = postProvider.postId
                    WHERE COALESCE(post.published, post.fetched) >= ? AND COALESCE(post.published, post.fetched) < ?
                    GROUP BY postProvider.providerId, postProvider.label
                    """,
                arguments: [since.unixSeconds, until.unixSeconds])
            var counts: [String: [Label: Int]] = [:]
            for row in rows {
                guard let label = Label(rawValue: row["label"]) else { continue }
                counts[row["providerId"], default: [:]][label] = row["n"]
            }
            return counts
        }
    }
}
