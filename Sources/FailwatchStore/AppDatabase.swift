// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB

/// The SQLite store: one file in WAL mode, nothing to run.
///
/// A value wrapping any GRDB writer (a `DatabasePool` on disk, a `DatabaseQueue` in memory for
/// tests), migrated on open, so every caller sees the current schema.
public struct AppDatabase: SourceStore, DetectionStore, OutboxStore, RunStore {
    let writer: any DatabaseWriter

    /// Wraps a writer and brings its schema up to date.
    ///
    /// - Throws: `StoreError` when the schema cannot be migrated.
    public init(_ writer: any DatabaseWriter) throws(StoreError) {
        self.writer = writer
        do {
            try Self.migrator.migrate(writer)
        } catch {
            throw Self.storeError(error, path: writer.path, operation: "migration")
        }
    }

    /// Opens (or creates) the store file at `path` in WAL mode.
    ///
    /// - Parameters:
    ///   - path: the SQLite file; its folder must exist and be writable.
    ///   - busyTimeout: how long a write waits for another process's write to finish.
    public static func open(path: String, busyTimeout: TimeInterval = 10) throws(StoreError) -> AppDatabase {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder) else {
            throw .cannotOpen(path: path, reason: "folder \(folder) does not exist")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw storeError(error, path: path, operation: "open")
        }
        return try AppDatabase(pool)
    }

    /// Opens an existing store for reading only, for commands that must never create or change
    /// one (`status`, `report`, `backtest --db`): a mistyped path is an error, not a new empty store.
    ///
    /// - Throws: `StoreError.cannotOpen` when the file is missing, is no failwatch store, or was
    ///   written by an older failwatch that has not migrated it yet (the next `poll` does).
    public static func openReadOnly(path: String) throws(StoreError) -> AppDatabase {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .cannotOpen(path: path, reason: "no such file; hint: pass --db PATH or set store.path in the configuration")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let queue: DatabaseQueue
        let migrated: Bool
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            migrated = try queue.read { db in try migrator.hasCompletedMigrations(db) }
        } catch {
            throw storeError(error, path: path, operation: "open")
        }
        guard migrated else {
            throw .cannotOpen(
                path: path, reason: "written by an older failwatch (or not a failwatch store); hint: run `failwatch poll` once to upgrade it")
        }
        return AppDatabase(reading: queue)
    }

    /// Wraps a read-only connection; its schema was checked by the caller.
    private init(reading reader: DatabaseQueue) {
        self.writer = reader
    }

    /// An empty store in memory, with the real migrations; for tests and dry runs.
    public static func inMemory() throws(StoreError) -> AppDatabase {
        do {
            return try AppDatabase(DatabaseQueue())
        } catch let error as StoreError {
            throw error
        } catch {
            throw .failed(operation: "open in-memory store", reason: "\(error)")
        }
    }

    /// Maps SQLite's result codes onto the few cases a user can act on.
    static func storeError(_ error: any Error, path: String, operation: String) -> StoreError {
        guard let dbError = error as? DatabaseError else {
            return .failed(operation: operation, reason: "\(error)")
        }
        switch dbError.resultCode {
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return .cannotOpen(path: path, reason: dbError.message ?? "unable to open database file")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .cannotOpen(path: path, reason: "not a failwatch database (\(dbError.message ?? "corrupt"))")
        default:
            return .failed(operation: operation, reason: dbError.message ?? "\(dbError.resultCode)")
        }
    }

    /// Runs a write transaction, turning database errors into `StoreError`.
    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, path: writer.path, operation: operation)
        }
    }

    /// Reads a consistent snapshot, turning database errors into `StoreError`.
    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw Self.storeError(error, path: writer.path, operation: operation)
        }
    }
}
