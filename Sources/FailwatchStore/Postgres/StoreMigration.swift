// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import GRDB
import PostgresNIO

/// `failwatch migrate-store`: copies a SQLite store into a PostgreSQL one, table by table in
/// pages, each page in one transaction. Copying again is harmless: rows already there are
/// brought up to the SQLite file's state (a source's cursor, an incident, the outbox), posts are
/// never stored twice. Ids are kept, so the outbox's and the detector's references still hold,
/// and the identity sequences continue after them.
public struct StoreMigration: Sendable {
    /// One table: its key (conflict target) and whether its rows change after they are written.
    struct Table: Sendable {
        var name: String
        var key: [String]
        /// Rows that change (state) are overwritten; rows that never do are kept.
        var changes: Bool
        var order: String { key.joined(separator: ", ") }
    }

    /// Parents before children, so every foreign key finds its row.
    static let tables: [Table] = [
        Table(name: "source", key: ["name"], changes: true),
        Table(name: "run", key: ["id"], changes: true),
        Table(name: "post", key: ["id"], changes: true),
        Table(name: "postProvider", key: ["postId", "providerId"], changes: true),
        Table(name: "sourceRun", key: ["runId", "sourceName"], changes: false),
        Table(name: "statement", key: ["id"], changes: true),
        Table(name: "incident", key: ["id"], changes: true),
        Table(name: "detection", key: ["providerId"], changes: true),
        Table(name: "outbox", key: ["id"], changes: true),
        Table(name: "chore", key: ["name"], changes: true),
        Table(name: "silence", key: ["id"], changes: true),
        Table(name: "sinkHealth", key: ["name"], changes: true),
    ]

    public var from: AppDatabase
    public var to: PostgresStore
    public var pageSize = 2000

    public init(from: AppDatabase, to: PostgresStore) {
        self.from = from
        self.to = to
    }

    /// Copies every table; `progress` gets a line per table and per 50 pages.
    ///
    /// - Returns: rows copied per table.
    @discardableResult
    public func run(progress: @Sendable (String) -> Void = { _ in }) async throws(StoreError) -> [String: Int] {
        var copied: [String: Int] = [:]
        let booleans = try await booleanColumns()
        for table in Self.tables {
            let total = try from.read("count \(table.name)") { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.name)") ?? 0
            }
            progress("\(table.name): \(total) rows")
            var done = 0
            var after: [DatabaseValue]?
            var pages = 0
            while true {
                let page = try readPage(table, after: after)
                guard let last = page.last else { break }
                try await write(page, into: table, booleans: booleans[table.name.lowercased()] ?? [])
                after = table.key.map { last[$0] }
                done += page.count
                pages += 1
                if pages % 50 == 0 { progress("\(table.name): \(done)/\(total)") }
            }
            copied[table.name] = done
            if pages >= 50, pages % 50 != 0 { progress("\(table.name): \(done)/\(total)") }
        }
        try await continueSequences()
        return copied
    }

    /// The next page of a table in key order, after the row with key `after`.
    private func readPage(_ table: Table, after: [DatabaseValue]?) throws(StoreError) -> [Row] {
        try from.read("read \(table.name)") { db in
            guard let after else {
                return try Row.fetchAll(
                    db, sql: "SELECT * FROM \(table.name) ORDER BY \(table.order) LIMIT ?", arguments: [pageSize])
            }
            let marks = table.key.map { _ in "?" }.joined(separator: ", ")
            return try Row.fetchAll(
                db,
                sql: "SELECT * FROM \(table.name) WHERE (\(table.order)) > (\(marks)) ORDER BY \(table.order) LIMIT ?",
                arguments: StatementArguments(after + [pageSize.databaseValue]))
        }
    }

    /// Inserts a page in one statement; rows whose key exists are overwritten when the table's
    /// rows change, kept otherwise.
    private func write(_ page: [Row], into table: Table, booleans: Set<String>) async throws(StoreError) {
        guard let first = page.first else { return }
        let columns = Array(first.columnNames)
        let update = columns.filter { !table.key.contains($0) }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let conflict =
            table.changes && !update.isEmpty
            ? "ON CONFLICT (\(table.order)) DO UPDATE SET \(update)" : "ON CONFLICT (\(table.order)) DO NOTHING"
        let rows = page.map { row in
            columns.map { Self.value(row[$0] as DatabaseValue, boolean: booleans.contains($0.lowercased())) }
        }
        let insert = "INSERT INTO \(table.name) (\(columns.joined(separator: ", "))) VALUES "
        let tuple = "(" + columns.map { _ in "?" }.joined(separator: ", ") + ")"
        do {
            try await to.run("copy \(table.name)") { connection in
                let sql = insert + Array(repeating: tuple, count: rows.count).joined(separator: ", ") + " " + conflict
                try await to.execute(connection, sql, rows.flatMap { $0 })
            }
        } catch {
            // A post PostgreSQL stored itself under another id (a poll between two copies) has
            // the same guid or identity: that one stays, with its verdicts, and this row is left out.
            guard table.name == "post" || table.name == "postProvider" else { throw error }
            try await to.transaction("copy \(table.name)") { connection in
                for values in rows {
                    try await to.execute(connection, "SAVEPOINT row")
                    do {
                        try await to.execute(connection, insert + tuple + " " + conflict, values)
                        try await to.execute(connection, "RELEASE SAVEPOINT row")
                    } catch let error as PSQLError where ["23505", "23503"].contains(error.serverInfo?[.sqlState]) {
                        try await to.execute(connection, "ROLLBACK TO SAVEPOINT row")
                    }
                }
            }
        }
    }

    /// A SQLite value for PostgreSQL: integers into boolean columns as booleans (SQLite keeps 0/1).
    private static func value(_ value: DatabaseValue, boolean: Bool) -> any PostgresBindable {
        switch value.storage {
        case .null: return String?.none
        case let .int64(number): return boolean ? (number != 0) as any PostgresBindable : number
        case let .double(number): return number
        case let .string(text): return text
        case let .blob(data): return String(decoding: data, as: UTF8.self)
        }
    }

    /// PostgreSQL's boolean columns per table, from its catalog.
    private func booleanColumns() async throws(StoreError) -> [String: Set<String>] {
        let rows = try await to.select(
            "read columns",
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE data_type = 'boolean' AND table_schema = current_schema()
            """
        ) { (try $0.value("table_name", as: String.self), try $0.value("column_name", as: String.self)) }
        return Dictionary(grouping: rows, by: \.0).mapValues { Set($0.map(\.1)) }
    }

    /// Identity columns continue after the copied ids, so PostgreSQL's next post is not id 1 again.
    private func continueSequences() async throws(StoreError) {
        try await to.run("continue ids") { connection in
            for table in ["post", "run", "statement", "outbox", "silence"] {
                try await to.execute(
                    connection,
                    "SELECT setval(pg_get_serial_sequence('\(table.lowercased())', 'id'), COALESCE((SELECT MAX(id) FROM \(table)), 0) + 1, false)"
                )
            }
        }
    }
}
