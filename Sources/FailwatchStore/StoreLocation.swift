// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// Which store a command opens: a SQLite file (the default, one poller) or a PostgreSQL
/// database (several pollers sharing one truth).
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// `--db VALUE`: a `postgres://` URL, else a file path.
    public init(option: String) throws(StoreError) {
        self = PostgresLocation.isURL(option) ? .postgres(try PostgresLocation(url: option)) : .sqlite(path: option)
    }

    /// How the store is named in messages: the path, or the URL without its password.
    public var description: String {
        switch self {
        case let .sqlite(path): return path
        case let .postgres(location): return location.redacted
        }
    }

    /// The SQLite file, `nil` for a database server.
    public var sqlitePath: String? {
        switch self {
        case let .sqlite(path): return path
        case .postgres: return nil
        }
    }

    /// Opens (creating or migrating) the store for a command that writes.
    ///
    /// - Parameter busyTimeout: how long a SQLite write waits for another process's write.
    public func open(busyTimeout: TimeInterval = 10) async throws(StoreError) -> any CommandStore {
        switch self {
        case let .sqlite(path): return try AppDatabase.open(path: path, busyTimeout: busyTimeout)
        case let .postgres(location): return try await PostgresStore.open(location)
        }
    }

    /// Opens an existing, migrated store for a command that only reads.
    public func openReadOnly() async throws(StoreError) -> any CommandStore {
        switch self {
        case let .sqlite(path): return try AppDatabase.openReadOnly(path: path)
        case let .postgres(location): return try await PostgresStore.open(location, readOnly: true)
        }
    }

    /// An in-memory SQLite copy of the store (empty when there is none yet), for `poll
    /// --dry-run`: the run sees the real history and cursors, and the store is never written.
    public func copyInMemory() async throws(StoreError) -> AppDatabase {
        switch self {
        case let .sqlite(path):
            guard FileManager.default.fileExists(atPath: path) else { return try AppDatabase.inMemory() }
            return try AppDatabase.openReadOnly(path: path).copyInMemory()
        case let .postgres(location):
            throw .failed(
                operation: "dry run",
                reason:
                    "\(location.redacted) is a database server; hint: copy it to SQLite with failwatch migrate-store first"
            )
        }
    }
}
