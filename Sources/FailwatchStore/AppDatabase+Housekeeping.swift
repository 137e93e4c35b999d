// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB

extension AppDatabase: HousekeepingStore {
    public func prune(_ retention: RetentionConfig, now: Date) throws(StoreError) -> PruneResult {
        try write("prune") { db in
            var result = PruneResult()
            if let keep = retention.posts {
                // postProvider rows go with their posts (ON DELETE CASCADE).
                try db.execute(
                    sql: "DELETE FROM post WHERE COALESCE(published, fetched) < ?",
                    arguments: [now.addingTimeInterval(-keep).unixSeconds])
                result.posts = db.changesCount
            }
            if let keep = retention.runs {
                // sourceRun rows go with their runs.
                try db.execute(
                    sql: "DELETE FROM run WHERE startedAt < ?", arguments: [now.addingTimeInterval(-keep).unixSeconds])
                result.runs = db.changesCount
            }
            if let keep = retention.alerts {
                // An open incident's messages stay: Discord edits its first message in place.
                try db.execute(
                    sql: """
                        DELETE FROM outbox WHERE status IN ('delivered', 'failed', 'suppressed') AND COALESCE(deliveredAt, createdAt) < ?
                        AND incidentId IN (SELECT id FROM incident WHERE resolvedAt IS NOT NULL)
                        """,
                    arguments: [now.addingTimeInterval(-keep).unixSeconds])
                result.alerts = db.changesCount
            }
            try db.execute(
                sql: """
                    INSERT INTO chore (name, lastRunAt) VALUES ('prune', ?)
                    ON CONFLICT (name) DO UPDATE SET lastRunAt = excluded.lastRunAt
                    """,
                arguments: [now.unixSeconds])
            return result
        }
    }

    public func lastPrune() throws(StoreError) -> Date? {
        try read("read chores") { db in
            Date(unixSeconds: try Int64.fetchOne(db, sql: "SELECT lastRunAt FROM chore WHERE name = 'prune'"))
        }
    }

    /// Gives the pages freed by ``prune(_:now:)`` back to the file system (`failwatch prune`
    /// does, under the run lock; poll's daily prune leaves them for new posts to reuse).
    public func vacuum() throws(StoreError) {
        do {
            try writer.vacuum()
        } catch {
            throw Self.storeError(error, path: writer.path, operation: "vacuum")
        }
        try foldLog()
    }

    /// Copies the write-ahead log into the file and empties it (in WAL mode a big delete or a
    /// VACUUM lands in the log first), so the file's size on disk is the store's size.
    public func foldLog() throws(StoreError) {
        do {
            try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        } catch {
            throw Self.storeError(error, path: writer.path, operation: "checkpoint")
        }
    }

    /// A copy of the store in memory (schema brought up to date there), for `poll --dry-run`:
    /// the run sees the real history and cursors, and the file is never written.
    public func copyInMemory() throws(StoreError) -> AppDatabase {
        let copy: DatabaseQueue
        do {
            copy = try DatabaseQueue()
            try writer.backup(to: copy)
        } catch {
            throw Self.storeError(error, path: writer.path, operation: "copy into memory")
        }
        return try AppDatabase(copy)
    }

    /// Writes a consistent copy of the store to `path` while other processes keep writing
    /// (SQLite's online backup from one read snapshot), first to `path.partial`, then renamed,
    /// so a copy that exists is whole.
    ///
    /// - Throws: `StoreError` when `path` exists already or cannot be written.
    public func backup(to path: String) throws(StoreError) {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: path) else {
            throw .failed(operation: "backup", reason: "\(path) exists; hint: remove it or choose a new name")
        }
        let partial = path + ".partial"
        try? manager.removeItem(atPath: partial)
        do {
            let copy = try DatabaseQueue(path: partial)
            try writer.backup(to: copy)
            try copy.writeWithoutTransaction { db in
                // One self-contained file: no -wal or -shm beside the copy.
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try copy.close()
            try manager.moveItem(atPath: partial, toPath: path)
        } catch {
            try? manager.removeItem(atPath: partial)
            throw Self.storeError(error, path: path, operation: "backup")
        }
    }
}
