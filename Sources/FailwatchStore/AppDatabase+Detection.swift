// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import GRDB

extension AppDatabase {
    /// Where the provider's detection stopped, `nil` before its first run (or when unreadable,
    /// e.g. after an upgrade changed the state's shape: detection then warms up again).
    public func detectionCheckpoint(provider: String) throws(StoreError) -> DetectionCheckpoint? {
        let json = try read("read detection state") { db in
            try String.fetchOne(db, sql: "SELECT state FROM detection WHERE providerId = ?", arguments: [provider])
        }
        guard let json else { return nil }
        return try? JSONDecoder().decode(DetectionCheckpoint.self, from: Data(json.utf8))
    }

    /// The outage complaints about a provider published (undated: fetched) in `[from, to)`, oldest first.
    ///
    /// - Parameter knownAt: only posts fetched by then; `nil` for all.
    public func complaints(provider: String, from: Date, to: Date, knownAt: Date? = nil) throws(StoreError)
        -> [Complaint]
    {
        try complaints(
            provider: provider,
            condition: StoreSQL.complaintsInSpan,
            arguments: [from.unixSeconds, to.unixSeconds, (knownAt ?? .distantFuture).unixSeconds])
    }

    /// Complaints that arrived late: published before `before` but fetched after `arrivedAfter`
    /// (and by `knownAt`), when the intervals they belong to had been counted already. They are
    /// returned as if published at `before`, so a slow source adds to the next interval instead of
    /// being lost.
    public func lateComplaints(
        provider: String, before: Date, arrivedAfter: Date, countedThrough: Int64?, knownAt: Date
    ) throws(StoreError) -> [Complaint] {
        let arguments = StoreSQL.lateComplaintArguments(
            before: before, arrivedAfter: arrivedAfter, countedThrough: countedThrough, knownAt: knownAt)
        let late = try complaints(
            provider: provider, condition: StoreSQL.lateComplaints, arguments: StatementArguments(arguments))
        return StoreSQL.counted(at: before, late)
    }

    private func complaints(
        provider: String, condition: String, arguments: StatementArguments
    ) throws(StoreError) -> [Complaint] {
        try read("read complaints") { db in
            let rows = try Row.fetchAll(
                db,
                sql: StoreSQL.complaints(where: condition),
                arguments: [provider] + arguments)
            return rows.map { row in
                let id: Int64 = row["id"]
                let author = (row["author"] as String?) ?? "post:\(id)"
                let event = DetectorEvent(
                    time: Date(timeIntervalSince1970: row["time"]), author: author,
                    thread: Complaint.thread(ofTitle: row["title"]), outage: true, complaint: true)
                return Complaint(
                    event: event, source: row["sourceName"], text: row["text"], link: row["link"],
                    repost: row["repost"],
                    symptom: (row["symptom"] as String?).flatMap(Symptom.init(rawValue:)), postID: id,
                    countedAt: Date(unixSeconds: row["countedAt"]))
            }
        }
    }

    /// The time of the provider's oldest stored post of any label: where a first run warms up from.
    public func earliestPost(provider: String) throws(StoreError) -> Date? {
        try read("read earliest post") { db in
            let seconds = try Int64.fetchOne(
                db,
                sql: """
                    SELECT MIN(COALESCE(post.published, post.fetched)) FROM postProvider
                    JOIN post ON post.id = postProvider.postId WHERE postProvider.providerId = ?
                    """,
                arguments: [provider])
            return Date(unixSeconds: seconds)
        }
    }

    /// Providers with stored posts, for backtests over a store without its feeds.yml.
    public func providersWithPosts() throws(StoreError) -> [String] {
        try read("read providers") { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT providerId FROM postProvider ORDER BY providerId")
        }
    }

    /// The stored incidents, oldest first; all providers when `provider` is `nil`.
    public func incidents(provider: String? = nil) throws(StoreError) -> [IncidentRecord] {
        try read("read incidents") { db in
            let rows =
                if let provider {
                    try Row.fetchAll(
                        db, sql: "SELECT * FROM incident WHERE providerId = ? ORDER BY openedAt, id",
                        arguments: [provider])
                } else {
                    try Row.fetchAll(db, sql: "SELECT * FROM incident ORDER BY openedAt, id")
                }
            return rows.map(Self.incident(from:))
        }
    }

    /// The stored incident with this id, if any.
    public func incident(id: String) throws(StoreError) -> IncidentRecord? {
        try read("read incident") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM incident WHERE id = ?", arguments: [id]).map(Self.incident(from:))
        }
    }

    /// Saves a provider's detection in one transaction: the changed incidents, the alerts they
    /// raise (into the outbox, once per sink and key), when the late complaints were counted, and
    /// the checkpoint. A run killed before the commit leaves the previous state, and the next run
    /// detects the same intervals again.
    public func saveDetection(
        provider: String, checkpoint: DetectionCheckpoint, incidents: [IncidentRecord], alerts: [OutboxEntry],
        late: [Complaint] = [], at now: Date
    ) throws(StoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try write("save detection of \(provider)") { db in
            for incident in incidents { try Self.upsert(db, incident) }
            for alert in alerts { try Self.insert(db, alert, encoder: encoder) }
            for mark in StoreSQL.countedMarks(late) {
                try db.execute(sql: StoreSQL.markCounted, arguments: [mark.countedAt, mark.postID, provider])
            }
            let state = String(decoding: try encoder.encode(checkpoint), as: UTF8.self)
            try db.execute(
                sql: """
                    INSERT INTO detection (providerId, state, nextIntervalAt, updatedAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT (providerId) DO UPDATE SET state = excluded.state,
                    nextIntervalAt = excluded.nextIntervalAt, updatedAt = excluded.updatedAt
                    """,
                arguments: [provider, state, checkpoint.next.unixSeconds, now.unixSeconds])
        }
    }

    private static func upsert(_ db: Database, _ incident: IncidentRecord) throws {
        let sources = String(decoding: try JSONEncoder().encode(incident.sources), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO incident (id, providerId, firstComplaintAt, openedAt, peakAt, peakCount, peakExpected,
                authors, updates, sources, commonCause, silent, resolvedAt, announced, heldBy)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET firstComplaintAt = excluded.firstComplaintAt,
                peakAt = excluded.peakAt, peakCount = excluded.peakCount, peakExpected = excluded.peakExpected,
                authors = excluded.authors, updates = excluded.updates, sources = excluded.sources,
                commonCause = excluded.commonCause, silent = excluded.silent, resolvedAt = excluded.resolvedAt,
                announced = excluded.announced, heldBy = excluded.heldBy
                """,
            arguments: [
                incident.id, incident.providerID, incident.firstComplaintAt.unixSeconds, incident.openedAt.unixSeconds,
                incident.peakAt?.unixSeconds, incident.peakCount, incident.peakExpected, incident.authors,
                incident.updates, sources, incident.commonCause, incident.silent, incident.resolvedAt?.unixSeconds,
                incident.announced, incident.heldBy,
            ])
    }

    static func incident(from row: Row) -> IncidentRecord {
        let sources = (row["sources"] as String?).flatMap {
            try? JSONDecoder().decode([String].self, from: Data($0.utf8))
        }
        return IncidentRecord(
            id: row["id"], providerID: row["providerId"],
            firstComplaintAt: Date(timeIntervalSince1970: row["firstComplaintAt"]),
            openedAt: Date(timeIntervalSince1970: row["openedAt"]), peakAt: Date(unixSeconds: row["peakAt"]),
            peakCount: row["peakCount"], peakExpected: row["peakExpected"], authors: row["authors"],
            updates: row["updates"], sources: sources ?? [], commonCause: row["commonCause"], silent: row["silent"],
            resolvedAt: Date(unixSeconds: row["resolvedAt"]), announced: row["announced"],
            heldBy: row["heldBy"])
    }
}

extension AppDatabase {
    /// The time of the newest stored post (published, else fetched); `nil` for an empty store.
    public func latestPost() throws(StoreError) -> Date? {
        try read("read latest post") { db in
            Date(unixSeconds: try Int64.fetchOne(db, sql: "SELECT MAX(COALESCE(published, fetched)) FROM post"))
        }
    }
}
