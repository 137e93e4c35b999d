// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB

extension AppDatabase: SilenceStore {
    /// Stores a new silence.
    /// - Returns: it, with its id.
    @discardableResult
    public func addSilence(_ silence: Silence) throws(StoreError) -> Silence {
        try write("add silence") { db in
            try db.execute(
                sql: "INSERT INTO silence (providerId, reason, createdBy, createdAt, endsAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    silence.providerID, silence.reason, silence.createdBy, silence.createdAt.unixSeconds,
                    silence.endsAt.unixSeconds,
                ])
            var stored = silence
            stored.id = db.lastInsertedRowID
            return stored
        }
    }

    /// Ends the provider's silences that are active at `now`.
    /// - Returns: how many were ended.
    public func endSilences(provider: String, at now: Date) throws(StoreError) -> Int {
        try write("end silence") { db in
            try db.execute(
                sql: "UPDATE silence SET endsAt = ? WHERE providerId = ? AND createdAt <= ? AND endsAt > ?",
                arguments: [now.unixSeconds, provider, now.unixSeconds, now.unixSeconds])
            return db.changesCount
        }
    }

    public func silences(endingAfter date: Date) throws(StoreError) -> [Silence] {
        try read("read silences") { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM silence WHERE endsAt > ? ORDER BY createdAt, id", arguments: [date.unixSeconds]
            ).map { row in
                Silence(
                    id: row["id"], providerID: row["providerId"], reason: row["reason"], createdBy: row["createdBy"],
                    createdAt: Date(timeIntervalSince1970: row["createdAt"]),
                    endsAt: Date(timeIntervalSince1970: row["endsAt"]))
            }
        }
    }
}

extension AppDatabase {
    public func sinkHealth() throws(StoreError) -> [String: SinkHealth] {
        try read("read sink health") { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM sinkHealth").map { row in
                SinkHealth(
                    name: row["name"], consecutiveFailures: row["consecutiveFailures"],
                    failingSince: Date(unixSeconds: row["failingSince"]),
                    failureNoticeAt: Date(unixSeconds: row["failureNoticeAt"]), lastError: row["lastError"])
            }
            return Dictionary(rows.map { ($0.name, $0) }) { first, _ in first }
        }
    }

    public func saveSinkHealth(_ health: SinkHealth) throws(StoreError) {
        try write("save sink health") { db in
            try db.execute(
                sql: """
                    INSERT INTO sinkHealth (name, consecutiveFailures, failingSince, failureNoticeAt, lastError)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET
                    consecutiveFailures = excluded.consecutiveFailures, failingSince = excluded.failingSince,
                    failureNoticeAt = excluded.failureNoticeAt, lastError = excluded.lastError
                    """,
                arguments: [
                    health.name, health.consecutiveFailures, health.failingSince?.unixSeconds,
                    health.failureNoticeAt?.unixSeconds, health.lastError,
                ])
        }
    }
}
