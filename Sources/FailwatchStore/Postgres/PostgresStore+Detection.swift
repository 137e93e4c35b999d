// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import PostgresNIO

extension PostgresStore: DetectionStore {
    /// The advisory lock of one provider's detection: a session lock on this process's
    /// connection, so a poller that dies (kill -9) releases it with its connection.
    static func detectionLockKey(_ provider: String) -> Int64 {
        // FNV-1a: stable across processes and releases (Swift's Hasher is seeded per process).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in ("failwatch detection " + provider).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    public func claimDetection(providers: [String]) async throws(StoreError) -> DetectionClaim {
        let held = try await run("lock detection") { connection in
            var held: [String] = []
            for provider in providers.sorted() {
                let rows = try await self.rows(
                    connection, "SELECT pg_try_advisory_lock(?) AS locked", [Self.detectionLockKey(provider)])
                guard try rows.first?.value("locked", as: Bool.self) == true else {
                    // Another poller detects (some of) them now: its pass covers them all, this one none.
                    for provider in held {
                        try await self.execute(
                            connection, "SELECT pg_advisory_unlock(?)", [Self.detectionLockKey(provider)])
                    }
                    return [String]()
                }
                held.append(provider)
            }
            return held
        }
        return DetectionClaim(providers: providers.filter(held.contains)) {
            _ = try? await self.run("unlock detection") { connection in
                for provider in held {
                    try await self.execute(
                        connection, "SELECT pg_advisory_unlock(?)", [Self.detectionLockKey(provider)])
                }
            }
        }
    }

    public func detectionCheckpoint(provider: String) async throws(StoreError) -> DetectionCheckpoint? {
        let json = try await run("read detection state") { connection in
            try await self.rows(connection, "SELECT state FROM detection WHERE providerId = ?", [provider]).first.map {
                try $0.value("state", as: String.self)
            }
        }
        guard let json else { return nil }
        return try? JSONDecoder().decode(DetectionCheckpoint.self, from: Data(json.utf8))
    }

    public func complaints(provider: String, from: Date, to: Date, knownAt: Date?) async throws(StoreError)
        -> [Complaint]
    {
        try await complaints(
            provider: provider,
            condition: StoreSQL.complaintsInSpan,
            arguments: [from.unixSeconds, to.unixSeconds, (knownAt ?? .distantFuture).unixSeconds])
    }

    public func lateComplaints(
        provider: String, before: Date, arrivedAfter: Date, countedThrough: Int64?, knownAt: Date
    ) async throws(StoreError) -> [Complaint] {
        let arguments = StoreSQL.lateComplaintArguments(
            before: before, arrivedAfter: arrivedAfter, countedThrough: countedThrough, knownAt: knownAt)
        let late = try await complaints(
            provider: provider, condition: StoreSQL.lateComplaints,
            arguments: arguments.map { $0 as any PostgresBindable })
        return StoreSQL.counted(at: before, late)
    }

    private func complaints(
        provider: String, condition: String, arguments: [any PostgresBindable]
    ) async throws(StoreError) -> [Complaint] {
        try await run("read complaints") { connection in
            try await self.rows(
                connection, StoreSQL.complaints(where: condition), [provider] + arguments
            ).map { row in
                let id = try row.value("id", as: Int64.self)
                let author = try row.value("author", as: String?.self) ?? "post:\(id)"
                let event = DetectorEvent(
                    time: Date(timeIntervalSince1970: TimeInterval(try row.value("time", as: Int64.self))),
                    author: author, thread: Complaint.thread(ofTitle: try row.value("title")), outage: true,
                    complaint: true)
                return Complaint(
                    event: event, source: try row.value("sourceName"), text: try row.value("text"),
                    link: try row.value("link"), repost: try row.value("repost"),
                    symptom: try row.value("symptom", as: String?.self).flatMap(Symptom.init(rawValue:)), postID: id,
                    countedAt: try Date(unixSeconds: row, "countedAt"))
            }
        }
    }

    public func earliestPost(provider: String) async throws(StoreError) -> Date? {
        try await run("read earliest post") { connection in
            try await self.rows(
                connection,
                """
                SELECT MIN(COALESCE(post.published, post.fetched)) AS t FROM postProvider
                JOIN post ON post.id = postProvider.postId WHERE postProvider.providerId = ?
                """, [provider]
            ).first.flatMap { try Date(unixSeconds: $0, "t") }
        }
    }

    public func latestPost() async throws(StoreError) -> Date? {
        try await run("read latest post") { connection in
            try await self.rows(connection, "SELECT MAX(COALESCE(published, fetched)) AS t FROM post").first.flatMap {
                try Date(unixSeconds: $0, "t")
            }
        }
    }

    public func providersWithPosts() async throws(StoreError) -> [String] {
        try await run("read providers") { connection in
            try await self.rows(connection, "SELECT DISTINCT providerId FROM postProvider ORDER BY providerId").map {
                try $0.value("providerId", as: String.self)
            }
        }
    }

    public func incidents(provider: String?) async throws(StoreError) -> [IncidentRecord] {
        try await run("read incidents") { connection in
            if let provider {
                return try await self.rows(
                    connection, "SELECT * FROM incident WHERE providerId = ? ORDER BY openedAt, id", [provider]
                ).map(Self.incident)
            }
            return try await self.rows(connection, "SELECT * FROM incident ORDER BY openedAt, id").map(Self.incident)
        }
    }

    public func incident(id: String) async throws(StoreError) -> IncidentRecord? {
        try await run("read incident") { connection in
            try await self.rows(connection, "SELECT * FROM incident WHERE id = ?", [id]).first.map(Self.incident)
        }
    }

    public func saveDetection(
        provider: String, checkpoint: DetectionCheckpoint, incidents: [IncidentRecord], alerts: [OutboxEntry],
        late: [Complaint], at now: Date
    ) async throws(StoreError) {
        let marks = StoreSQL.countedMarks(late).map { [$0.countedAt, $0.postID] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try await transaction("save detection of \(provider)") { connection in
            for incident in incidents { try await self.upsert(connection, incident) }
            for alert in alerts { try await self.insert(connection, alert, encoder: encoder) }
            for mark in marks {
                try await self.execute(connection, StoreSQL.markCounted, [mark[0], mark[1], provider])
            }
            let state = String(decoding: try encoder.encode(checkpoint), as: UTF8.self)
            try await self.execute(
                connection,
                """
                INSERT INTO detection (providerId, state, nextIntervalAt, updatedAt) VALUES (?, ?, ?, ?)
                ON CONFLICT (providerId) DO UPDATE SET state = excluded.state,
                nextIntervalAt = excluded.nextIntervalAt, updatedAt = excluded.updatedAt
                """, [provider, state, checkpoint.next.unixSeconds, now.unixSeconds])
        }
    }

    private func upsert(_ connection: PostgresConnection, _ incident: IncidentRecord) async throws {
        let sources = String(decoding: try JSONEncoder().encode(incident.sources), as: UTF8.self)
        try await execute(
            connection,
            """
            INSERT INTO incident (id, providerId, firstComplaintAt, openedAt, peakAt, peakCount, peakExpected,
            authors, updates, sources, commonCause, silent, resolvedAt, announced, heldBy)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET firstComplaintAt = excluded.firstComplaintAt,
            peakAt = excluded.peakAt, peakCount = excluded.peakCount, peakExpected = excluded.peakExpected,
            authors = excluded.authors, updates = excluded.updates, sources = excluded.sources,
            commonCause = excluded.commonCause, silent = excluded.silent, resolvedAt = excluded.resolvedAt,
            announced = excluded.announced, heldBy = excluded.heldBy
            """,
            [
                incident.id, incident.providerID, incident.firstComplaintAt.unixSeconds, incident.openedAt.unixSeconds,
                incident.peakAt?.unixSeconds, incident.peakCount, incident.peakExpected, incident.authors,
                incident.updates, sources, incident.commonCause, incident.silent, incident.resolvedAt?.unixSeconds,
                incident.announced, incident.heldBy,
            ])
    }

    static func incident(_ row: PostgresRandomAccessRow) throws -> IncidentRecord {
        let sources = try row.value("sources", as: String?.self).flatMap {
            try? JSONDecoder().decode([String].self, from: Data($0.utf8))
        }
        return IncidentRecord(
            id: try row.value("id"), providerID: try row.value("providerId"),
            firstComplaintAt: try Date(unixSeconds: row, "firstComplaintAt") ?? Date(timeIntervalSince1970: 0),
            openedAt: try Date(unixSeconds: row, "openedAt") ?? Date(timeIntervalSince1970: 0),
            peakAt: try Date(unixSeconds: row, "peakAt"), peakCount: try row.value("peakCount"),
            peakExpected: try row.value("peakExpected"), authors: Int(try row.value("authors", as: Int64.self)),
            updates: Int(try row.value("updates", as: Int64.self)), sources: sources ?? [],
            commonCause: try row.value("commonCause"), silent: try row.value("silent"),
            resolvedAt: try Date(unixSeconds: row, "resolvedAt"), announced: try row.value("announced"),
            heldBy: try row.value("heldBy"))
    }
}
