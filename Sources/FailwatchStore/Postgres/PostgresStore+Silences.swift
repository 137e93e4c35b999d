// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import PostgresNIO

extension PostgresStore: SilenceStore {
    @discardableResult
    public func addSilence(_ silence: Silence) async throws(StoreError) -> Silence {
        var stored = silence
        stored.id = try await select(
            "add silence",
            "INSERT INTO silence (providerId, reason, createdBy, createdAt, endsAt) VALUES (?, ?, ?, ?, ?) RETURNING id",
            [
                silence.providerID, silence.reason, silence.createdBy, silence.createdAt.unixSeconds,
                silence.endsAt.unixSeconds,
            ]
        ) { try $0.value("id", as: Int64.self) }.first
        return stored
    }

    public func endSilences(provider: String, at now: Date) async throws(StoreError) -> Int {
        let at = now.unixSeconds
        return try await select(
            "end silence",
            """
            WITH ended AS (UPDATE silence SET endsAt = ? WHERE providerId = ? AND createdAt <= ? AND endsAt > ? RETURNING 1)
            SELECT COUNT(*) AS n FROM ended
            """, [at, provider, at, at]
        ) { Int(try $0.value("n", as: Int64.self)) }.first ?? 0
    }

    public func silences(endingAfter date: Date) async throws(StoreError) -> [Silence] {
        try await select(
            "read silences", "SELECT * FROM silence WHERE endsAt > ? ORDER BY createdAt, id", [date.unixSeconds]
        ) {
            row in
            Silence(
                id: try row.value("id"), providerID: try row.value("providerId"), reason: try row.value("reason"),
                createdBy: try row.value("createdBy"),
                createdAt: try Date(unixSeconds: row, "createdAt") ?? Date(timeIntervalSince1970: 0),
                endsAt: try Date(unixSeconds: row, "endsAt") ?? Date(timeIntervalSince1970: 0))
        }
    }

    public func sinkHealth() async throws(StoreError) -> [String: SinkHealth] {
        let rows = try await select("read sink health", "SELECT * FROM sinkHealth") { row in
            SinkHealth(
                name: try row.value("name"),
                consecutiveFailures: Int(try row.value("consecutiveFailures", as: Int64.self)),
                failingSince: try Date(unixSeconds: row, "failingSince"),
                failureNoticeAt: try Date(unixSeconds: row, "failureNoticeAt"), lastError: try row.value("lastError"))
        }
        return Dictionary(rows.map { ($0.name, $0) }) { first, _ in first }
    }

    public func saveSinkHealth(_ health: SinkHealth) async throws(StoreError) {
        try await run("save sink health") { connection in
            try await self.execute(
                connection,
                """
                INSERT INTO sinkHealth (name, consecutiveFailures, failingSince, failureNoticeAt, lastError)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET
                consecutiveFailures = excluded.consecutiveFailures, failingSince = excluded.failingSince,
                failureNoticeAt = excluded.failureNoticeAt, lastError = excluded.lastError
                """,
                [
                    health.name, health.consecutiveFailures, health.failingSince?.unixSeconds,
                    health.failureNoticeAt?.unixSeconds, health.lastError,
                ])
        }
    }

    public func heldAlerts() async throws(StoreError) -> [OutboxEntry] {
        try await select("read outbox", "SELECT * FROM outbox WHERE status = 'held' ORDER BY id", [], Self.outboxEntry)
            .compactMap { $0 }
    }

    public func release(_ id: Int64, at now: Date) async throws(StoreError) {
        try await run("update outbox") { connection in
            try await self.execute(
                connection,
                "UPDATE outbox SET status = 'pending', createdAt = ?, nextAttemptAt = ? WHERE id = ? AND status = 'held'",
                [now.unixSeconds, now.unixSeconds, id])
        }
    }

    public func suppress(_ id: Int64, reason: String) async throws(StoreError) {
        try await run("update outbox") { connection in
            try await self.execute(
                connection,
                "UPDATE outbox SET status = 'suppressed', lastError = ? WHERE id = ? AND status IN ('held', 'pending')",
                [reason, id])
        }
    }

    public func openIncidents() async throws(StoreError) -> Set<String> {
        Set(
            try await select("read incidents", "SELECT id FROM incident WHERE resolvedAt IS NULL") {
                try $0.value("id", as: String.self)
            })
    }

    public func latestDelivered(openOn sink: String) async throws(StoreError) -> [OutboxEntry] {
        try await select(
            "read outbox",
            """
            SELECT o.* FROM outbox o JOIN incident i ON i.id = o.incidentId AND i.resolvedAt IS NULL
            WHERE o.sinkName = ? AND o.status = 'delivered' AND o.updateNumber = (
                SELECT MAX(updateNumber) FROM outbox WHERE incidentId = o.incidentId AND sinkName = o.sinkName
                AND status = 'delivered')
            ORDER BY o.id
            """, [sink], Self.outboxEntry
        ).compactMap { $0 }
    }
}
