// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import PostgresNIO

extension PostgresStore: RunStore {
    public func startRun(at now: Date) async throws(StoreError) -> Int64 {
        try await select("start run", "INSERT INTO run (startedAt) VALUES (?) RETURNING id", [now.unixSeconds]) {
            try $0.value("id", as: Int64.self)
        }.first ?? 0
    }

    public func finish(_ run: RunRecord) async throws(StoreError) {
        try await self.run("finish run") { connection in
            try await self.execute(
                connection,
                """
                UPDATE run SET finishedAt = ?, sourcesOK = ?, sourcesNotModified = ?, sourcesFailed = ?,
                sourcesPostponed = ?, sourcesNotDue = ?, postsNew = ?, postsDuplicate = ?, durationMs = ?
                WHERE id = ?
                """,
                [
                    run.finishedAt?.unixSeconds, run.sourcesOK, run.sourcesNotModified, run.sourcesFailed,
                    run.sourcesPostponed, run.sourcesNotDue, run.postsNew, run.postsDuplicate,
                    run.duration.map { Int($0 * 1000) }, run.id,
                ])
        }
    }

    public func recentRuns(limit: Int) async throws(StoreError) -> [RunRecord] {
        try await select("read runs", "SELECT * FROM run ORDER BY id DESC LIMIT ?", [limit]) { row in
            func count(_ column: String) throws -> Int { Int(try row.value(column, as: Int64.self)) }
            return RunRecord(
                id: try row.value("id"),
                startedAt: try Date(unixSeconds: row, "startedAt") ?? Date(timeIntervalSince1970: 0),
                finishedAt: try Date(unixSeconds: row, "finishedAt"), sourcesOK: try count("sourcesOK"),
                sourcesNotModified: try count("sourcesNotModified"), sourcesFailed: try count("sourcesFailed"),
                sourcesPostponed: try count("sourcesPostponed"), sourcesNotDue: try count("sourcesNotDue"),
                postsNew: try count("postsNew"), postsDuplicate: try count("postsDuplicate"),
                duration: try row.value("durationMs", as: Int64?.self).map { TimeInterval($0) / 1000 })
        }
    }

    public func postCount() async throws(StoreError) -> Int {
        try await select("count posts", "SELECT COUNT(*) AS n FROM post") { Int(try $0.value("n", as: Int64.self)) }
            .first ?? 0
    }
}

extension PostgresStore: HousekeepingStore {
    public func prune(_ retention: RetentionConfig, now: Date) async throws(StoreError) -> PruneResult {
        try await transaction("prune") { connection in
            var result = PruneResult()
            func deleted(_ sql: String, _ cutoff: TimeInterval) async throws -> Int {
                let rows = try await self.rows(
                    connection, "WITH gone AS (\(sql) RETURNING 1) SELECT COUNT(*) AS n FROM gone",
                    [now.addingTimeInterval(-cutoff).unixSeconds])
                return Int(try rows.first?.value("n", as: Int64.self) ?? 0)
            }
            if let keep = retention.posts {
                result.posts = try await deleted("DELETE FROM post WHERE COALESCE(published, fetched) < ?", keep)
            }
            if let keep = retention.runs {
                result.runs = try await deleted("DELETE FROM run WHERE startedAt < ?", keep)
            }
            if let keep = retention.alerts {
                result.alerts = try await deleted(
                    """
                    DELETE FROM outbox WHERE status != 'pending' AND COALESCE(deliveredAt, createdAt) < ?
                    AND incidentId IN (SELECT id FROM incident WHERE resolvedAt IS NOT NULL)
                    """, keep)
            }
            try await self.execute(
                connection,
                """
                INSERT INTO chore (name, lastRunAt) VALUES ('prune', ?)
                ON CONFLICT (name) DO UPDATE SET lastRunAt = excluded.lastRunAt
                """, [now.unixSeconds])
            return result
        }
    }

    public func lastPrune() async throws(StoreError) -> Date? {
        try await select("read chores", "SELECT lastRunAt FROM chore WHERE name = 'prune'") {
            try Date(unixSeconds: $0, "lastRunAt")
        }.first ?? nil
    }

    /// `VACUUM` gives a pruned table's space back to PostgreSQL for new rows (`full` also
    /// updates the planner's statistics); the server manages its files itself.
    public func compact(full: Bool) async throws(StoreError) {
        try await run("vacuum") { connection in
            try await self.execute(connection, full ? "VACUUM ANALYZE" : "VACUUM")
        }
    }
}

extension PostgresStore: ReclassifyStore {
    public func postTexts(after id: Int64, limit: Int) async throws(StoreError) -> [StoredPostText] {
        try await select(
            "read posts", "SELECT id, sourceName, text, language, label FROM post WHERE id > ? ORDER BY id LIMIT ?",
            [id, limit]
        ) { row in
            StoredPostText(
                id: try row.value("id"), sourceName: try row.value("sourceName"), text: try row.value("text"),
                language: try row.value("language"),
                label: try row.value("label", as: String?.self).flatMap(Label.init(rawValue:)))
        }
    }

    public func saveVerdicts(_ verdicts: [(post: StoredPostText, verdict: Classification)]) async throws(StoreError)
        -> Int
    {
        let verdicts = verdicts.map { Verdict(post: $0.post, verdict: $0.verdict) }
        return try await transaction("reclassify posts") { connection in
            var changed = 0
            for item in verdicts {
                let (post, verdict) = (item.post, item.verdict)
                if post.label != verdict.label { changed += 1 }
                try await self.execute(
                    connection,
                    "UPDATE post SET label = ?, sentiment = ?, language = COALESCE(language, ?), repost = (repost OR ?) WHERE id = ?",
                    [verdict.label.rawValue, verdict.sentiment, verdict.language, verdict.repost, post.id])
                let kept = verdict.providers.map(\.id)
                try await self.execute(
                    connection, StoreSQL.dropVerdicts(keeping: kept.count),
                    [post.id as any PostgresBindable] + kept.map { $0 as any PostgresBindable })
                for provider in verdict.providers {
                    try await self.execute(
                        connection, StoreSQL.upsertVerdict,
                        [post.id, provider.id, provider.label.rawValue, provider.sentiment, provider.symptom?.rawValue])
                }
            }
            return changed
        }
    }

    /// A post with its new verdict (a tuple cannot cross into the transaction's closure as `Sendable`).
    private struct Verdict: Sendable {
        var post: StoredPostText
        var verdict: Classification
    }
}
