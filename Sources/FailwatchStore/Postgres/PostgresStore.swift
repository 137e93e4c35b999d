// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO

/// The PostgreSQL store: one database shared by any number of pollers on any number of
/// machines, with the SQLite store's schema and behaviour (the conformance tests run against
/// both). Due sources and pending alerts are leased (`FOR UPDATE SKIP LOCKED`, with an expiry so
/// a killed poller holds nothing for long); detection takes an advisory lock per provider.
///
/// One connection per process, statements serialized by a gate: a poll writes one source at a
/// time anyway, and the connection carries the session's advisory locks.
public final class PostgresStore: Sendable {
    let connection: PostgresConnection
    let location: PostgresLocation
    let gate = SerialGate()
    let logger: Logger
    /// How long a claimed source or alert stays this poller's (``PostgresLocation/lease``).
    var lease: TimeInterval { location.lease }

    private init(connection: PostgresConnection, location: PostgresLocation, logger: Logger) {
        self.connection = connection
        self.location = location
        self.logger = logger
    }

    deinit {
        // The connection must outlive its closing (postgres-nio checks that it was closed).
        let connection = connection
        let closing: EventLoopFuture<Void> = connection.close()
        closing.whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// Connects, creates the schema (`?schema=`) when missing and brings the tables up to date.
    ///
    /// - Parameters:
    ///   - readOnly: only check that the database was migrated (commands that never write).
    public static func open(_ location: PostgresLocation, readOnly: Bool = false) async throws(StoreError)
        -> PostgresStore
    {
        let logger = Logger(label: "failwatch.store", factory: { _ in SwiftLogNoOpLogHandler() })
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: try configuration(location), id: 1, logger: logger)
        } catch {
            throw .cannotOpen(location: location.redacted, reason: reason(error))
        }
        let store = PostgresStore(connection: connection, location: location, logger: logger)
        if readOnly {
            guard try await store.isMigrated() else {
                throw .cannotOpen(
                    location: location.redacted,
                    reason: "no failwatch tables (or older ones); hint: run `failwatch poll` once to create them")
            }
        } else {
            try await store.migrate()
        }
        return store
    }

    private static func configuration(_ location: PostgresLocation) throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let socket = location.socketPath {
            configuration = .init(
                unixSocketPath: socket, username: location.username, password: location.password,
                database: location.database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            switch location.tls {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            configuration = .init(
                host: location.host, port: location.port, username: location.username, password: location.password,
                database: location.database, tls: tls)
        }
        if let schema = location.schema {
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        return configuration
    }

    /// Why PostgreSQL refused, in one line that never carries the password or the query's values.
    static func reason(_ error: any Error) -> String {
        if let error = error as? PostgresTransactionError {
            return reason(error.closureError ?? error.commitError ?? error.beginError ?? error.rollbackError ?? error)
        }
        if let error = error as? StoreError { return error.description }
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            return message + (error.serverInfo?[.sqlState].map { " (\($0))" } ?? "")
        }
        if error.code == .connectionError {
            let detail = error.underlying.map { "\($0)" } ?? ""
            for (needle, phrase) in [
                ("refused", "connection refused"), ("imed out", "timed out"), ("esolv", "host not found"),
            ]
            where detail.contains(needle) {
                return phrase
            }
            return "cannot connect"
        }
        if let underlying = error.underlying { return "\(error.code): \(String("\(underlying)".prefix(200)))" }
        return "\(error.code)"
    }

    /// Runs `body` alone on the connection; PostgreSQL's errors become `StoreError`.
    func run<T: Sendable>(
        _ operation: String, _ body: (PostgresConnection) async throws -> T
    ) async throws(StoreError) -> T {
        await gate.enter()
        do {
            let value = try await body(connection)
            await gate.leave()
            return value
        } catch {
            await gate.leave()
            throw .failed(operation: operation, reason: Self.reason(error))
        }
    }

    /// Runs `body` in one transaction, alone on the connection.
    func transaction<T: Sendable>(
        _ operation: String, _ body: (PostgresConnection) async throws -> T
    ) async throws(StoreError) -> T {
        try await run(operation) { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let value = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Rows of one statement (`?` placeholders), read whole.
    func rows(
        _ connection: PostgresConnection, _ sql: String, _ arguments: [any PostgresBindable] = []
    ) async throws -> [PostgresRandomAccessRow] {
        try await connection.query(try .portable(sql, arguments), logger: logger).collect().map {
            $0.makeRandomAccess()
        }
    }

    /// Runs one statement whose rows are not needed.
    func execute(_ connection: PostgresConnection, _ sql: String, _ arguments: [any PostgresBindable] = []) async throws
    {
        _ = try await connection.query(try .portable(sql, arguments), logger: logger).collect()
    }

    /// One statement on its own, each row read by `transform`.
    func select<T: Sendable>(
        _ operation: String, _ sql: String, _ arguments: [any PostgresBindable] = [],
        _ transform: (PostgresRandomAccessRow) throws -> T
    ) async throws(StoreError) -> [T] {
        try await run(operation) { connection in try await self.rows(connection, sql, arguments).map(transform) }
    }
}

extension Date {
    /// A stored time back as a date, from PostgreSQL's bigint.
    init?(unixSeconds row: PostgresRandomAccessRow, _ column: String) throws {
        guard let seconds = try row.value(column, as: Int64?.self) else { return nil }
        self.init(timeIntervalSince1970: TimeInterval(seconds))
    }
}
