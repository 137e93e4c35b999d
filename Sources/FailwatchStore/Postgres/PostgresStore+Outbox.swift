// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import PostgresNIO

extension PostgresStore: OutboxStore {
    func insert(_ connection: PostgresConnection, _ entry: OutboxEntry, encoder: JSONEncoder) async throws {
        let message = String(decoding: try encoder.encode(entry.message), as: UTF8.self)
        try await execute(
            connection,
            """
            INSERT INTO outbox (sinkName, idempotencyKey, incidentId, updateNumber, message, createdAt,
            attempts, nextAttemptAt, status, heldReason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """,
            [
                entry.sinkName, entry.idempotencyKey, entry.message.incidentID, entry.message.updateNumber, message,
                entry.createdAt.unixSeconds, entry.attempts, entry.nextAttemptAt.unixSeconds, entry.status.rawValue,
                entry.heldReason,
            ])
    }

    public func pendingAlerts() async throws(StoreError) -> [OutboxEntry] {
        try await select(
            "read outbox", "SELECT * FROM outbox WHERE status = 'pending' ORDER BY id", [], Self.outboxEntry
        )
        .compactMap { $0 }
    }

    /// Claims whole conversations: pending alerts of an incident and sink none of whose pending
    /// alerts another poller holds, locked (`FOR UPDATE SKIP LOCKED`) and stamped until
    /// `now + lease`, one claim at a time.
    public func claimPendingAlerts(now: Date) async throws(StoreError) -> [OutboxEntry] {
        try await transaction("claim alerts") { connection in
            try await self.execute(connection, "SELECT pg_advisory_xact_lock(?)", [Self.claimLockKey])
            let at = now.unixSeconds
            let rows = try await self.rows(
                connection,
                """
                WITH free AS (
                    SELECT id FROM outbox o WHERE status = 'pending' AND NOT EXISTS (
                        SELECT 1 FROM outbox held WHERE held.incidentId = o.incidentId AND held.sinkName = o.sinkName
                        AND held.status = 'pending' AND held.claimedUntil > ?)
                    ORDER BY id FOR UPDATE SKIP LOCKED)
                UPDATE outbox SET claimedUntil = ? FROM free WHERE outbox.id = free.id RETURNING outbox.*
                """, [at, now.addingTimeInterval(self.lease).unixSeconds])
            return try rows.compactMap(Self.outboxEntry).sorted { ($0.id ?? 0) < ($1.id ?? 0) }
        }
    }

    public func releaseAlerts(_ ids: [Int64]) async throws(StoreError) {
        guard !ids.isEmpty else { return }
        try await run("release alerts") { connection in
            try await self.execute(
                connection, "UPDATE outbox SET claimedUntil = NULL WHERE id = ANY(?)", [PostgresList(ids)])
        }
    }

    public func outbox() async throws(StoreError) -> [OutboxEntry] {
        try await select("read outbox", "SELECT * FROM outbox ORDER BY id", [], Self.outboxEntry).compactMap { $0 }
    }

    public func recordAttempt(
        _ id: Int64, status: OutboxEntry.Status, error: String?, retryAt: Date?, platformMessageID: String?,
        at now: Date
    ) async throws(StoreError) {
        try await run("update outbox") { connection in
            try await self.execute(
                connection,
                """
                UPDATE outbox SET attempts = attempts + 1, status = ?, lastError = ?,
                nextAttemptAt = COALESCE(?, nextAttemptAt), deliveredAt = ?,
                platformMessageId = COALESCE(?, platformMessageId), claimedUntil = NULL WHERE id = ?
                """,
                [
                    status.rawValue, error, retryAt?.unixSeconds, status == .delivered ? now.unixSeconds : nil,
                    platformMessageID, id,
                ])
        }
    }

    public func platformMessageID(incident: String, sink: String) async throws(StoreError) -> String? {
        try await select(
            "read outbox",
            """
            SELECT platformMessageId FROM outbox WHERE incidentId = ? AND sinkName = ?
            AND platformMessageId IS NOT NULL ORDER BY updateNumber LIMIT 1
            """, [incident, sink]
        ) { try $0.value("platformMessageId", as: String.self) }.first
    }

    public func hasDelivered(incident: String, sink: String) async throws(StoreError) -> Bool {
        try await select(
            "read outbox",
            "SELECT EXISTS (SELECT 1 FROM outbox WHERE incidentId = ? AND sinkName = ? AND status = 'delivered') AS sent",
            [incident, sink]
        ) { try $0.value("sent", as: Bool.self) }.first ?? false
    }

    static func outboxEntry(_ row: PostgresRandomAccessRow) throws -> OutboxEntry? {
        guard let json = try row.value("message", as: String?.self),
            let message = try? JSONDecoder().decode(AlertMessage.self, from: Data(json.utf8)),
            let status = OutboxEntry.Status(rawValue: try row.value("status"))
        else { return nil }
        return OutboxEntry(
            id: try row.value("id"), sinkName: try row.value("sinkName"), message: message,
            createdAt: try Date(unixSeconds: row, "createdAt") ?? Date(timeIntervalSince1970: 0),
            attempts: Int(try row.value("attempts", as: Int64.self)),
            nextAttemptAt: try Date(unixSeconds: row, "nextAttemptAt") ?? Date(timeIntervalSince1970: 0),
            status: status, lastError: try row.value("lastError"),
            deliveredAt: try Date(unixSeconds: row, "deliveredAt"),
            platformMessageID: try row.value("platformMessageId"), heldReason: try row.value("heldReason"))
    }
}
