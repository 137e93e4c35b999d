// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import GRDB

/// What providers said: status page incidents and state, posts of official accounts.
extension AppDatabase {
    /// Inserts a statement or updates the one the source already gave under the same id:
    /// an incident's status, update and resolution times change, its creation time stays.
    static func upsert(_ db: Database, statement: OfficialStatement) throws {
        let components = try String(decoding: JSONEncoder().encode(statement.components), as: UTF8.self)
        let sql = try db.cachedStatement(
            sql: """
                INSERT INTO statement (sourceName, providerId, externalId, kind, title, status, impact, components,
                body, url, createdAt, updatedAt, resolvedAt, fetched)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (sourceName, externalId) DO UPDATE SET
                providerId = excluded.providerId, kind = excluded.kind, title = excluded.title,
                status = excluded.status, impact = excluded.impact, components = excluded.components,
                body = COALESCE(excluded.body, body), url = COALESCE(excluded.url, url),
                createdAt = COALESCE(createdAt, excluded.createdAt), updatedAt = COALESCE(excluded.updatedAt, updatedAt),
                resolvedAt = excluded.resolvedAt, fetched = excluded.fetched
                """)
        try sql.execute(arguments: [
            statement.sourceName, statement.providerID, statement.externalID, statement.kind.rawValue, statement.title,
            statement.status, statement.impact, components, statement.body, statement.url,
            statement.createdAt?.unixSeconds, statement.updatedAt?.unixSeconds, statement.resolvedAt?.unixSeconds,
            statement.fetched.unixSeconds,
        ])
    }

    /// What the provider said during a period, for reports: statements that began before
    /// `to` and were still current at `from` (created, updated or resolved in the window, or
    /// open across it), oldest first.
    ///
    /// - Parameter providerID: its own statements and those of sources that serve every provider.
    public func statements(providerID: String, from: Date, to: Date) throws(StoreError) -> [OfficialStatement] {
        try read("read statements") { db in
            let sql = """
                SELECT * FROM statement WHERE (providerId = ? OR providerId IS NULL)
                AND COALESCE(createdAt, updatedAt, fetched) < ?
                AND COALESCE(resolvedAt, updatedAt, createdAt, fetched) >= ?
                ORDER BY COALESCE(createdAt, updatedAt, fetched), id
                """
            return try Row.fetchAll(db, sql: sql, arguments: [providerID, to.unixSeconds, from.unixSeconds])
                .map(Self.statement(from:))
        }
    }

    /// When the provider first said anything after `after` (an incident opened, a post), so
    /// reports and backtests can tell how long it took to acknowledge an outage; `nil` when it
    /// has not. The page's overall state and planned maintenance are no acknowledgement.
    public func firstOfficialWord(providerID: String, after: Date) throws(StoreError) -> Date? {
        try read("read first official word") { db in
            let seconds = try Int64.fetchOne(
                db,
                sql: """
                    SELECT MIN(createdAt) FROM statement WHERE (providerId = ? OR providerId IS NULL)
                    AND kind IN (\(Self.wordKinds)) AND createdAt >= ?
                    """,
                arguments: [providerID, after.unixSeconds])
            return Date(unixSeconds: seconds)
        }
    }

    /// What each source's latest successful read said: the page status and the incidents and
    /// maintenances seen in that read (an incident a summary no longer lists has ended).
    ///
    /// - Returns: by source name; sources never read are absent.
    public func currentStatements(sourceNames: [String]) throws(StoreError) -> [String: [OfficialStatement]] {
        guard !sourceNames.isEmpty else { return [:] }
        return try read("read current statements") { db in
            let marks = Array(repeating: "?", count: sourceNames.count).joined(separator: ", ")
            let sql = """
                SELECT s.* FROM statement s
                JOIN (SELECT sourceName, MAX(fetched) AS latest FROM statement
                      WHERE sourceName IN (\(marks)) AND kind != 'post' GROUP BY sourceName) l
                ON s.sourceName = l.sourceName AND s.fetched = l.latest
                WHERE s.kind != 'post' ORDER BY s.sourceName, COALESCE(s.createdAt, 0), s.id
                """
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(sourceNames))
            return Dictionary(grouping: rows.map(Self.statement(from:)), by: \.sourceName)
        }
    }

    /// The newest official word of these sources: the status page incident created or the
    /// official post published last, not after `now`. A page's overall state, planned work and
    /// any `updatedAt` are no word: a green page touched at 06:55 has said nothing.
    public func latestOfficialWord(sourceNames: [String], notAfter now: Date) throws(StoreError) -> OfficialStatement? {
        guard !sourceNames.isEmpty else { return nil }
        return try read("read latest official word") { db in
            let marks = Array(repeating: "?", count: sourceNames.count).joined(separator: ", ")
            let sql = """
                SELECT * FROM statement WHERE sourceName IN (\(marks)) AND kind IN (\(Self.wordKinds))
                AND createdAt <= ? ORDER BY createdAt DESC, id DESC LIMIT 1
                """
            let arguments = StatementArguments(sourceNames) + [now.unixSeconds]
            return try Row.fetchOne(db, sql: sql, arguments: arguments).map(Self.statement(from:))
        }
    }

    /// The statement kinds that are the provider speaking, as an SQL list.
    static let wordKinds = OfficialStatement.Kind.allCases.filter(\.isWord).map { "'\($0.rawValue)'" }
        .joined(separator: ", ")

    static func statement(from row: Row) -> OfficialStatement {
        let components = (row["components"] as String?).flatMap {
            try? JSONDecoder().decode([String].self, from: Data($0.utf8))
        }
        let kind: String = row["kind"]
        return OfficialStatement(
            sourceName: row["sourceName"], providerID: row["providerId"], externalID: row["externalId"],
            kind: OfficialStatement.Kind(rawValue: kind) ?? .post, title: row["title"], status: row["status"],
            impact: row["impact"], components: components ?? [], body: row["body"], url: row["url"],
            createdAt: Date(unixSeconds: row["createdAt"]), updatedAt: Date(unixSeconds: row["updatedAt"]),
            resolvedAt: Date(unixSeconds: row["resolvedAt"]),
            fetched: Date(unixSeconds: row["fetched"]) ?? Date(timeIntervalSince1970: 0))
    }
}

extension AppDatabase {
    /// Stores what the provider said outside a poll (`failwatch announce`), under the id the
    /// account's timeline gives the same post, so the poll that reads it later keeps one statement.
    public func saveStatement(_ statement: OfficialStatement) throws(StoreError) {
        try write("save statement") { db in try Self.upsert(db, statement: statement) }
    }
}
