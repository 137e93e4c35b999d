// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import PostgresNIO

extension PostgresStore: SourceStore {
    /// Key of the advisory lock one claim of sources or alerts holds for its transaction: claims
    /// are short, and one at a time each sees what the claim before it took.
    static let claimLockKey: Int64 = 0x6661_696C_7761_7402

    public func sourceStates() async throws(StoreError) -> [String: SourceState] {
        let states = try await run("read sources") { connection in
            try await self.rows(connection, "SELECT * FROM source WHERE lastFetchAt IS NOT NULL").map {
                try Self.sourceState($0, postCount: 0)
            }
        }
        return Dictionary(uniqueKeysWithValues: states.map { ($0.name, $0) })
    }

    public func sourceStatuses() async throws(StoreError) -> [SourceState] {
        try await run("read source status") { connection in
            let sql = """
                SELECT source.*, (SELECT COUNT(*) FROM post WHERE post.sourceName = source.name) AS postCount
                FROM source WHERE lastFetchAt IS NOT NULL ORDER BY name
                """
            return try await self.rows(connection, sql).map {
                try Self.sourceState($0, postCount: Int($0.value("postCount", as: Int64.self)))
            }
        }
    }

    /// Leases up to `limit` due sources nobody holds: every asked-for source gets a row first (so
    /// a new one can be locked; one statement, as a poll run claims several times), then the
    /// unleased rows are locked (`FOR UPDATE SKIP LOCKED`), the first `limit` due ones among them
    /// leased until `now + lease`, all in one transaction.
    public func claimDueSources(_ sources: [SourceSchedule], now: Date, limit: Int) async throws(StoreError)
        -> SourceClaim
    {
        try await transaction("claim due sources") { connection in
            try await self.execute(connection, "SELECT pg_advisory_xact_lock(?)", [Self.claimLockKey])
            try await self.execute(
                connection,
                """
                INSERT INTO source (name, kind, url) SELECT * FROM unnest(?::text[], ?::text[], ?::text[])
                ON CONFLICT (name) DO NOTHING
                """,
                [
                    PostgresList(sources.map(\.name)), PostgresList(sources.map(\.kind)),
                    PostgresList(sources.map(\.url)),
                ])
            let states = Dictionary(
                uniqueKeysWithValues: try await self.rows(connection, "SELECT * FROM source").map {
                    let state = try Self.sourceState($0, postCount: 0)
                    return (state.name, state)
                })
            // The rows this poller may take, as they are now: a poll that recorded a source since
            // the read above has ended its lease and moved its last fetch on.
            let free = Dictionary(
                uniqueKeysWithValues: try await self.rows(
                    connection,
                    """
                    SELECT * FROM source WHERE leasedUntil IS NULL OR leasedUntil <= ?
                    ORDER BY name FOR UPDATE SKIP LOCKED
                    """, [now.unixSeconds]
                ).map {
                    let state = try Self.sourceState($0, postCount: 0)
                    return (state.name, state)
                })
            // A row inserted just now has no fetch yet: due like a source the store never saw.
            let due = sources.filter { source in
                free[source.name].map { source.isDue($0.lastFetchAt == nil ? nil : $0, now: now) } ?? false
            }.prefix(max(0, limit)).map(\.name)
            if !due.isEmpty {
                try await self.execute(
                    connection, "UPDATE source SET leasedUntil = ? WHERE name = ANY(?)",
                    [now.addingTimeInterval(self.lease).unixSeconds, PostgresList(due)])
            }
            // Rows only ever claimed (never recorded) are no state yet, as in SQLite.
            return SourceClaim(states: states.filter { $0.value.lastFetchAt != nil }, due: due)
        }
    }
}

extension PostgresStore {
    /// Stores one source's outcome in one transaction and ends its lease (see ``AppDatabase/record(_:runID:at:)``).
    @discardableResult
    public func record(_ report: SourceReport, runID: Int64, at now: Date) async throws(StoreError) -> SourceReport {
        try await transaction("store source \(report.name)") { connection in
            var report = report
            try await self.upsertSource(connection, report: report, now: now)
            if case let .fetched(harvest) = report.outcome {
                for post in harvest.posts {
                    if try await self.insert(connection, post: post) {
                        report.postsNew += 1
                    } else {
                        report.postsDuplicate += 1
                    }
                }
                for statement in harvest.statements {
                    try await self.upsert(connection, statement: statement)
                }
            }
            try await self.execute(
                connection,
                """
                INSERT INTO sourceRun (runId, sourceName, outcome, message, postsNew, postsDuplicate, durationMs)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    runID, report.name, report.outcomeName, report.problem, report.postsNew, report.postsDuplicate,
                    Int(report.duration * 1000),
                ])
            return report
        }
    }

    private func upsertSource(_ connection: PostgresConnection, report: SourceReport, now: Date) async throws {
        let at = now.unixSeconds
        try await execute(
            connection,
            """
            INSERT INTO source (name, kind, url) VALUES (?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, url = excluded.url, leasedUntil = NULL
            """, [report.name, report.kind, report.url])
        switch report.outcome {
        case let .fetched(harvest):
            try await execute(
                connection,
                """
                UPDATE source SET etag = ?, lastModified = ?, cursor = COALESCE(?, cursor), lastFetchAt = ?,
                lastSuccessAt = ?, consecutiveFailures = 0, retryAfter = ?, failingSince = NULL,
                failureNoticeAt = NULL WHERE name = ?
                """,
                [
                    harvest.etag, harvest.lastModified, harvest.cursor, at, at, harvest.notBefore?.unixSeconds,
                    report.name,
                ])
        case let .notModified(etag, lastModified):
            try await execute(
                connection,
                """
                UPDATE source SET etag = ?, lastModified = ?, lastFetchAt = ?, lastSuccessAt = ?,
                consecutiveFailures = 0, retryAfter = NULL, failingSince = NULL, failureNoticeAt = NULL
                WHERE name = ?
                """, [etag, lastModified, at, at, report.name])
        case let .postponed(until, reason):
            try await execute(
                connection,
                "UPDATE source SET lastFetchAt = ?, retryAfter = ?, lastError = ?, lastErrorAt = ? WHERE name = ?",
                [at, until.unixSeconds, reason, at, report.name])
        case let .failed(reason):
            // SQLite binds the flag as 0/1 inside CASE WHEN ?; PostgreSQL wants a boolean.
            try await execute(
                connection,
                """
                UPDATE source SET lastFetchAt = ?, lastError = ?, lastErrorAt = ?,
                consecutiveFailures = consecutiveFailures + 1, failingSince = COALESCE(failingSince, ?),
                failureNoticeAt = CASE WHEN ?::boolean THEN ?::bigint ELSE failureNoticeAt END WHERE name = ?
                """, [at, reason, at, at, report.notice?.toldFailure ?? false, at, report.name])
        }
    }

    /// Inserts a post unless its guid (within the source) or its identity is known already
    /// (see ``AppDatabase``'s insert for the pre-identity rows).
    private func insert(_ connection: PostgresConnection, post: Post) async throws -> Bool {
        if let link = post.link, post.guid == PostIdentity.ofContent(link: link, contentHash: post.contentHash) {
            let known = try await rows(
                connection, "SELECT 1 AS one FROM post WHERE sourceName = ? AND guid = ? AND contentHash = ?",
                [post.sourceName, link, post.contentHash])
            if !known.isEmpty { return false }
        }
        let inserted = try await rows(
            connection,
            """
            INSERT INTO post (sourceName, guid, identity, link, author, title, text, language, published, fetched,
            contentHash, label, sentiment, repost)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id
            """,
            [
                post.sourceName, post.guid, post.identity, post.link, post.author, post.title, post.text,
                post.language ?? post.verdict?.language, post.published?.unixSeconds, post.fetched.unixSeconds,
                post.contentHash, post.verdict?.label.rawValue, post.verdict?.sentiment, post.isRepost,
            ])
        guard let postID = try inserted.first?.value("id", as: Int64.self) else { return false }
        for provider in post.verdict?.providers ?? [] {
            try await execute(
                connection,
                """
                INSERT INTO postProvider (postId, providerId, label, sentiment, symptom) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, [postID, provider.id, provider.label.rawValue, provider.sentiment, provider.symptom?.rawValue])
        }
        return true
    }

    public func saveStatement(_ statement: OfficialStatement) async throws(StoreError) {
        try await transaction("store statement \(statement.externalID)") { connection in
            try await self.upsert(connection, statement: statement)
        }
    }

    private func upsert(_ connection: PostgresConnection, statement: OfficialStatement) async throws {
        let components = String(decoding: try JSONEncoder().encode(statement.components), as: UTF8.self)
        try await execute(
            connection, StoreSQL.upsertStatement,
            [
                statement.sourceName, statement.providerID, statement.externalID, statement.kind.rawValue,
                statement.title, statement.status, statement.impact, components, statement.body, statement.url,
                statement.createdAt?.unixSeconds, statement.updatedAt?.unixSeconds, statement.resolvedAt?.unixSeconds,
                statement.fetched.unixSeconds,
            ])
    }

    public func statements(providerID: String, from: Date, to: Date) async throws(StoreError) -> [OfficialStatement] {
        try await run("read statements") { connection in
            try await self.rows(
                connection,
                """
                SELECT * FROM statement WHERE (providerId = ? OR providerId IS NULL)
                AND COALESCE(createdAt, updatedAt, fetched) < ?
                AND COALESCE(resolvedAt, updatedAt, createdAt, fetched) >= ?
                ORDER BY COALESCE(createdAt, updatedAt, fetched), id
                """, [providerID, to.unixSeconds, from.unixSeconds]
            ).map(Self.statement)
        }
    }

    public func firstOfficialWord(providerID: String, after: Date) async throws(StoreError) -> Date? {
        try await run("read first official word") { connection in
            let rows = try await self.rows(
                connection,
                """
                SELECT MIN(createdAt) AS first FROM statement WHERE (providerId = ? OR providerId IS NULL)
                AND kind IN (\(AppDatabase.wordKinds)) AND createdAt >= ?
                """, [providerID, after.unixSeconds])
            return try rows.first.flatMap { try Date(unixSeconds: $0, "first") }
        }
    }

    public func currentStatements(sourceNames: [String]) async throws(StoreError) -> [String: [OfficialStatement]] {
        guard !sourceNames.isEmpty else { return [:] }
        let statements = try await run("read current statements") { connection in
            try await self.rows(
                connection,
                """
                SELECT s.* FROM statement s
                JOIN (SELECT sourceName, MAX(fetched) AS latest FROM statement
                      WHERE sourceName = ANY(?) AND kind != 'post' GROUP BY sourceName) l
                ON s.sourceName = l.sourceName AND s.fetched = l.latest
                WHERE s.kind != 'post' ORDER BY s.sourceName, COALESCE(s.createdAt, 0), s.id
                """, [PostgresList(sourceNames)]
            ).map(Self.statement)
        }
        return Dictionary(grouping: statements, by: \.sourceName)
    }

    public func latestOfficialWord(sourceNames: [String], notAfter now: Date) async throws(StoreError)
        -> OfficialStatement?
    {
        guard !sourceNames.isEmpty else { return nil }
        return try await run("read latest official word") { connection in
            try await self.rows(
                connection,
                """
                SELECT * FROM statement WHERE sourceName = ANY(?) AND kind IN (\(AppDatabase.wordKinds))
                AND createdAt <= ? ORDER BY createdAt DESC, id DESC LIMIT 1
                """, [PostgresList(sourceNames), now.unixSeconds]
            ).first.map(Self.statement)
        }
    }

    static func statement(_ row: PostgresRandomAccessRow) throws -> OfficialStatement {
        let components = try row.value("components", as: String?.self).flatMap {
            try? JSONDecoder().decode([String].self, from: Data($0.utf8))
        }
        return OfficialStatement(
            sourceName: try row.value("sourceName"), providerID: try row.value("providerId"),
            externalID: try row.value("externalId"),
            kind: OfficialStatement.Kind(rawValue: try row.value("kind")) ?? .post, title: try row.value("title"),
            status: try row.value("status"), impact: try row.value("impact"), components: components ?? [],
            body: try row.value("body"), url: try row.value("url"), createdAt: try Date(unixSeconds: row, "createdAt"),
            updatedAt: try Date(unixSeconds: row, "updatedAt"), resolvedAt: try Date(unixSeconds: row, "resolvedAt"),
            fetched: try Date(unixSeconds: row, "fetched") ?? Date(timeIntervalSince1970: 0))
    }

    static func sourceState(_ row: PostgresRandomAccessRow, postCount: Int) throws -> SourceState {
        SourceState(
            name: try row.value("name"), kind: try row.value("kind"), url: try row.value("url"),
            etag: try row.value("etag"), lastModified: try row.value("lastModified"), cursor: try row.value("cursor"),
            lastFetchAt: try Date(unixSeconds: row, "lastFetchAt"),
            lastSuccessAt: try Date(unixSeconds: row, "lastSuccessAt"), lastError: try row.value("lastError"),
            lastErrorAt: try Date(unixSeconds: row, "lastErrorAt"),
            consecutiveFailures: Int(try row.value("consecutiveFailures", as: Int64.self)),
            retryAfter: try Date(unixSeconds: row, "retryAfter"), postCount: postCount,
            failingSince: try Date(unixSeconds: row, "failingSince"),
            failureNoticeAt: try Date(unixSeconds: row, "failureNoticeAt"))
    }
}
