// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// Statements both stores run as they are (`?` placeholders; the PostgreSQL store numbers them).
enum StoreSQL {
    /// Complaints published (undated: fetched) in `[?, ?)` and fetched by `?`.
    static let complaintsInSpan = """
        COALESCE(post.published, post.fetched) >= ? AND COALESCE(post.published, post.fetched) < ?
        AND post.fetched <= ?
        """

    /// Complaints published before a time and fetched by another: after the last detection pass,
    /// or in its very second but stored after it read (a higher id than it read), as pollers sharing
    /// a store store their posts in the same second as another's pass. Arguments from
    /// ``lateComplaintArguments(before:arrivedAfter:countedThrough:knownAt:)``.
    static let lateComplaints = """
        COALESCE(post.published, post.fetched) < ? AND (post.fetched > ? OR (post.fetched = ? AND post.id > ?)) \
        AND post.fetched <= ?
        """

    /// ``lateComplaints``'s arguments, in its placeholders' order.
    static func lateComplaintArguments(before: Date, arrivedAfter: Date, countedThrough: Int64?, knownAt: Date)
        -> [Int64]
    {
        [
            before.unixSeconds, arrivedAfter.unixSeconds, arrivedAfter.unixSeconds, countedThrough ?? .max,
            knownAt.unixSeconds,
        ]
    }

    /// Late complaints count at `before`, the first interval not yet counted, so a slow source adds
    /// to the next interval instead of being lost; ``Complaint/countedAt`` says so, for the store to
    /// keep (``markCounted``) and `backtest --db` to count them there too.
    static func counted(at before: Date, _ late: [Complaint]) -> [Complaint] {
        late.map { complaint in
            var moved = complaint
            moved.event.time = before
            moved.countedAt = before
            return moved
        }
    }

    /// Keeps when detection counted a late complaint; its first count stands (a pass run again after
    /// a crash counts it at the same time). Arguments: a mark of ``countedMarks(_:)``, then the provider.
    static let markCounted = """
        UPDATE postProvider SET countedAt = ? WHERE postId = ? AND providerId = ? AND countedAt IS NULL
        """

    /// ``markCounted``'s arguments for each late complaint of a provider's detection pass.
    static func countedMarks(_ late: [Complaint]) -> [(countedAt: Int64, postID: Int64)] {
        late.compactMap { complaint in
            guard let id = complaint.postID, let at = complaint.countedAt else { return nil }
            return (at.unixSeconds, id)
        }
    }

    /// A post's verdict for one provider after reclassifying: a row that stays keeps when detection
    /// counted it (`countedAt`). Arguments: post id, provider, label, sentiment, symptom.
    static let upsertVerdict = """
        INSERT INTO postProvider (postId, providerId, label, sentiment, symptom) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (postId, providerId) DO UPDATE SET label = excluded.label, sentiment = excluded.sentiment,
        symptom = excluded.symptom
        """

    /// Deletes a post's rows of providers its new verdict no longer names. Arguments: the post id,
    /// then the `kept` provider ids.
    static func dropVerdicts(keeping kept: Int) -> String {
        kept == 0
            ? "DELETE FROM postProvider WHERE postId = ?"
            : "DELETE FROM postProvider WHERE postId = ? AND providerId NOT IN ("
                + Array(repeating: "?", count: kept).joined(separator: ", ") + ")"
    }

    /// A provider's outage complaints meeting `condition`, oldest first; the provider is the first argument.
    static func complaints(where condition: String) -> String {
        """
        SELECT post.id, COALESCE(post.published, post.fetched) AS time, post.author, post.title,
        post.sourceName, post.text, post.link, post.repost, postProvider.symptom, postProvider.countedAt
        FROM postProvider JOIN post ON post.id = postProvider.postId
        WHERE postProvider.providerId = ? AND postProvider.label = 'outage' AND \(condition)
        ORDER BY time, post.id
        """
    }

    /// Inserts a statement or updates the one the source gave under the same id: an incident's
    /// status, update and resolution times change, its creation time stays. The stored row's
    /// columns are named with the table (`statement.body`): PostgreSQL finds a bare name next to
    /// `excluded` ambiguous, SQLite reads both alike.
    static let upsertStatement = """
        INSERT INTO statement (sourceName, providerId, externalId, kind, title, status, impact, components,
        body, url, createdAt, updatedAt, resolvedAt, fetched)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (sourceName, externalId) DO UPDATE SET
        providerId = excluded.providerId, kind = excluded.kind, title = excluded.title,
        status = excluded.status, impact = excluded.impact, components = excluded.components,
        body = COALESCE(excluded.body, statement.body), url = COALESCE(excluded.url, statement.url),
        createdAt = COALESCE(statement.createdAt, excluded.createdAt),
        updatedAt = COALESCE(excluded.updatedAt, statement.updatedAt),
        resolvedAt = excluded.resolvedAt, fetched = excluded.fetched
        """
}
