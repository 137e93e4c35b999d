// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import GRDB

extension AppDatabase {
    /// What each known source's last runs left behind, by source name.
    public func sourceStates() throws(StoreError) -> [String: SourceState] {
        let states = try read("read sources") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM source").map { Self.sourceState(from: $0, postCount: 0) }
        }
        return Dictionary(uniqueKeysWithValues: states.map { ($0.name, $0) })
    }

    /// Every source with the number of posts stored from it, for `failwatch status`.
    public func sourceStatuses() throws(StoreError) -> [SourceState] {
        try read("read source status") { db in
            let sql = """
                SELECT source.*, (SELECT COUNT(*) FROM post WHERE post.sourceName = source.name) AS postCount
                FROM source ORDER BY name
                """
            return try Row.fetchAll(db, sql: sql).map { Self.sourceState(from: $0, postCount: $0["postCount"]) }
        }
    }

    /// Stores one source's outcome in one transaction: its new posts, its validators and
    /// health, and the line for this run. A run killed before the commit leaves no trace of
    /// the source, so the next run simply fetches it again.
    ///
    /// - Returns: the report with `postsNew` and `postsDuplicate` filled in.
    @discardableResult
    public func record(_ report: SourceReport, runID: Int64, at now: Date) throws(StoreError) -> SourceReport {
        try write("store source \(report.name)") { db in
            var report = report
            try Self.upsertSource(db, report: report, now: now)
            if case let .fetched(harvest) = report.outcome {
                for post in harvest.posts {
                    if try Self.insert(db, post: post) {
                        report.postsNew += 1
                    } else {
                        report.postsDuplicate += 1
                    }
                }
                for statement in harvest.statements {
                    try Self.upsert(db, statement: statement)
                }
            }
            try db.execute(
                sql: """
                    INSERT INTO sourceRun (runId, sourceName, outcome, message, postsNew, postsDuplicate, durationMs)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    runID, report.name, report.outcomeName, report.problem, report.postsNew,
                    report.postsDuplicate, Int(report.duration * 1000),
                ])
            return report
        }
    }

    private static func upsertSource(_ db: Database, report: SourceReport, now: Date) throws {
        let at = now.unixSeconds
        try db.execute(
            sql: """
                INSERT INTO source (name, kind, url) VALUES (?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, url = excluded.url
                """,
            arguments: [report.name, report.kind, report.url])
        switch report.outcome {
        case let .fetched(harvest):
            try db.execute(
                sql: """
                    UPDATE source SET etag = ?, lastModified = ?, cursor = COALESCE(?, cursor), lastFetchAt = ?,
                    lastSuccessAt = ?, consecutiveFailures = 0, retryAfter = ?, failingSince = NULL,
                    failureNoticeAt = NULL WHERE name = ?
                    """,
                arguments: [
                    harvest.etag, harvest.lastModified, harvest.cursor, at, at, harvest.notBefore?.unixSeconds,
                    report.name,
                ])
        case let .notModified(etag, lastModified):
            try db.execute(
                sql: """
                    UPDATE source SET etag = ?, lastModified = ?, lastFetchAt = ?, lastSuccessAt = ?,
                    consecutiveFailures = 0, retryAfter = NULL, failingSince = NULL, failureNoticeAt = NULL
                    WHERE name = ?
                    """,
                arguments: [etag, lastModified, at, at, report.name])
        case let .postponed(until, reason):
            try db.execute(
                sql: "UPDATE source SET lastFetchAt = ?, retryAfter = ?, lastError = ?, lastErrorAt = ? WHERE name = ?",
                arguments: [at, until.unixSeconds, reason, at, report.name])
        case let .failed(reason):
            try db.execute(
                sql: """
                    UPDATE source SET lastFetchAt = ?, lastError = ?, lastErrorAt = ?,
                    consecutiveFailures = consecutiveFailures + 1, failingSince = COALESCE(failingSince, ?),
                    failureNoticeAt = CASE WHEN ? THEN ? ELSE failureNoticeAt END WHERE name = ?
                    """,
                arguments: [at, reason, at, at, report.notice?.toldFailure ?? false, at, report.name])
        }
    }

    /// Inserts a post unless its guid (within the source) or its identity (across sources)
    /// is known already. A post without an id of its own was stored before
    /// `v6-hostile-identity` under its link: that row counts as the same post.
    ///
    /// - Returns: `true` when the post was new.
    private static func insert(_ db: Database, post: Post) throws -> Bool {
        if let link = post.link, post.guid == PostIdentity.ofContent(link: link, contentHash: post.contentHash) {
            let known = try db.cachedStatement(
                sql: "SELECT 1 FROM post WHERE sourceName = ? AND guid = ? AND contentHash = ?")
            if try Bool.fetchOne(known, arguments: [post.sourceName, link, post.contentHash]) != nil { return false }
        }
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO post (sourceName, guid, identity, link, author, title, text, language, published, fetched,
                contentHash, label, sentiment, repost)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
        try statement.execute(arguments: [
            post.sourceName, post.guid, post.identity, post.link, post.author, post.title, post.text,
            post.language ?? post.verdict?.language, post.published?.unixSeconds, post.fetched.unixSeconds,
            post.contentHash, post.verdict?.label.rawValue, post.verdict?.sentiment, post.isRepost,
        ])
        guard db.changesCount > 0 else { return false }
        let postID = db.lastInsertedRowID
        let providerStatement = try db.cachedStatement(
            sql: """
                INSERT INTO postProvider (postId, providerId, label, sentiment, symptom) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """)
        for provider in post.verdict?.providers ?? [] {
            try providerStatement.execute(arguments: [
                postID, provider.id, provider.label.rawValue, provider.sentiment, provider.symptom?.rawValue,
            ])
        }
        return true
    }

    private static func sourceState(from row: Row, postCount: Int) -> SourceState {
        SourceState(
            name: row["name"], kind: row["kind"], url: row["url"], etag: row["etag"],
            lastModified: row["lastModified"], cursor: row["cursor"], lastFetchAt: Date(unixSeconds: row["lastFetchAt"]),
            lastSuccessAt: Date(unixSeconds: row["lastSuccessAt"]), lastError: row["lastError"],
            lastErrorAt: Date(unixSeconds: row["lastErrorAt"]), consecutiveFailures: row["consecutiveFailures"],
            retryAfter: Date(unixSeconds: row["retryAfter"]), postCount: postCount,
            failingSince: Date(unixSeconds: row["failingSince"]), failureNoticeAt: Date(unixSeconds: row["failureNoticeAt"]))
    }
}
