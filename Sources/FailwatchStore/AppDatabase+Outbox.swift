// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import GRDB

extension AppDatabase {
    /// Adds an alert unless the sink already has its key: a replayed run cannot send twice.
    static func insert(_ db: Database, _ entry: OutboxEntry, encoder: JSONEncoder) throws {
        let message = String(decoding: try encoder.encode(entry.message), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO outbox (sinkName, idempotencyKey, incidentId, updateNumber, message, createdAt,
                attempts, nextAttemptAt, status, heldReason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """,
            arguments: [
                entry.sinkName, entry.idempotencyKey, entry.message.incidentID, entry.message.updateNumber, message,
                entry.createdAt.unixSeconds, entry.attempts, entry.nextAttemptAt.unixSeconds, entry.status.rawValue,
                entry.heldReason,
            ])
    }

    /// Every undelivered alert, oldest first (due or not: a later message of an incident waits for earlier ones).
    public func pendingAlerts() throws(StoreError) -> [OutboxEntry] {
        try read("read outbox") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM outbox WHERE status = 'pending' ORDER BY id").compactMap(
                Self.outboxEntry(from:))
        }
    }

    /// Every alert in the outbox, oldest first; for tests and `status`.
    public func outbox() throws(StoreError) -> [OutboxEntry] {
        try read("read outbox") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY id").compactMap(Self.outboxEntry(from:))
        }
    }

    /// Records how one attempt ended: delivered, to retry at `retryAt`, or failed for good.
    public func recordAttempt(
        _ id: Int64, status: OutboxEntry.Status, error: String?, retryAt: Date?, platformMessageID: String?,
        at now: Date
    ) throws(StoreError) {
        try write("update outbox") { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET attempts = attempts + 1, status = ?, lastError = ?,
                    nextAttemptAt = COALESCE(?, nextAttemptAt), deliveredAt = ?,
                    platformMessageId = COALESCE(?, platformMessageId) WHERE id = ?
                    """,
                arguments: [
                    status.rawValue, error, retryAt?.unixSeconds, status == .delivered ? now.unixSeconds : nil,
                    platformMessageID, id,
                ])
        }
    }

    /// The platform's id of the incident's first message on a sink, for editing it in place.
    public func platformMessageID(incident: String, sink: String) throws(StoreError) -> String? {
        try read("read outbox") { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT platformMessageId FROM outbox WHERE incidentId = ? AND sinkName = ?
                    AND platformMessageId IS NOT NULL ORDER BY updateNumber LIMIT 1
                    """,
                arguments: [incident, sink])
        }
    }

    /// Whether any message of the incident reached the sink.
    public func hasDelivered(incident: String, sink: String) throws(StoreError) -> Bool {
        try read("read outbox") { db in
            try Bool.fetchOne(
                db,
                sql: "SELECT EXISTS (SELECT 1 FROM outbox WHERE incidentId = ? AND sinkName = ? AND status = 'delivered')",
                arguments: [incident, sink]) ?? false
        }
    }

    /// Alerts held by a silence or maintenance window, oldest first.
    public func heldAlerts() throws(StoreError) -> [OutboxEntry] {
        try read("read outbox") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM outbox WHERE status = 'held' ORDER BY id").compactMap(
                Self.outboxEntry(from:))
        }
    }

    /// Sends a held alert after all: due now, and `give_up_after` counts from now.
    public func release(_ id: Int64, at now: Date) throws(StoreError) {
        try write("update outbox") { db in
            try db.execute(
                sql: "UPDATE outbox SET status = 'pending', createdAt = ?, nextAttemptAt = ? WHERE id = ? AND status = 'held'",
                arguments: [now.unixSeconds, now.unixSeconds, id])
        }
    }

    /// Marks a held or pending alert as never to be sent, saying why.
    public func suppress(_ id: Int64, reason: String) throws(StoreError) {
        try write("update outbox") { db in
            try db.execute(
                sql: "UPDATE outbox SET status = 'suppressed', lastError = ? WHERE id = ? AND status IN ('held', 'pending')",
                arguments: [reason, id])
        }
    }

    /// Ids of the incidents that are still open.
    public func openIncidents() throws(StoreError) -> Set<String> {
        try read("read incidents") { db in
            Set(try String.fetchAll(db, sql: "SELECT id FROM incident WHERE resolvedAt IS NULL"))
        }
    }

    /// The newest message of each open incident that reached `sink`, to post again (Alertmanager
    /// ends an alert that is not posted again before its `endsAt`).
    public func latestDelivered(openOn sink: String) throws(StoreError) -> [OutboxEntry] {
        try read("read outbox") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT o.* FROM outbox o JOIN incident i ON i.id = o.incidentId AND i.resolvedAt IS NULL
                    WHERE o.sinkName = ? AND o.status = 'delivered' AND o.updateNumber = (
                        SELECT MAX(updateNumber) FROM outbox WHERE incidentId = o.incidentId AND sinkName = o.sinkName
                        AND status = 'delivered')
                    ORDER BY o.id
                    """,
                arguments: [sink]
            ).compactMap(Self.outboxEntry(from:))
        }
    }

    private static func outboxEntry(from row: Row) -> OutboxEntry? {
        guard let json = row["message"] as String?,
            let message = try? JSONDecoder().decode(AlertMessage.self, from: Data(json.utf8)),
            let status = OutboxEntry.Status(rawValue: row["status"])
        else { return nil }
        return OutboxEntry(
            id: row["id"], sinkName: row["sinkName"], message: message,
            createdAt: Date(timeIntervalSince1970: row["createdAt"]), attempts: row["attempts"],
            nextAttemptAt: Date(timeIntervalSince1970: row["nextAttemptAt"]), status: status,
            lastError: row["lastError"], deliveredAt: Date(unixSeconds: row["deliveredAt"]),
            platformMessageID: row["platformMessageId"], heldReason: row["heldReason"])
    }
}
