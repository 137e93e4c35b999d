// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB

/// One row of the run history: what a finished run writes (the kit turns its `RunSummary` into
/// one, so the store never sees the run's own types) and what `failwatch status` reads.
public struct RunRecord: Sendable, Equatable {
    public var id: Int64
    public var startedAt: Date
    public var finishedAt: Date?
    public var sourcesOK: Int
    public var sourcesNotModified: Int
    public var sourcesFailed: Int
    public var sourcesPostponed: Int
    public var sourcesNotDue: Int
    public var postsNew: Int
    public var postsDuplicate: Int
    public var duration: TimeInterval?

    public init(
        id: Int64, startedAt: Date, finishedAt: Date? = nil, sourcesOK: Int = 0, sourcesNotModified: Int = 0,
        sourcesFailed: Int = 0, sourcesPostponed: Int = 0, sourcesNotDue: Int = 0, postsNew: Int = 0,
        postsDuplicate: Int = 0, duration: TimeInterval? = nil
    ) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.sourcesOK = sourcesOK
        self.sourcesNotModified = sourcesNotModified
        self.sourcesFailed = sourcesFailed
        self.sourcesPostponed = sourcesPostponed
        self.sourcesNotDue = sourcesNotDue
        self.postsNew = postsNew
        self.postsDuplicate = postsDuplicate
        self.duration = duration
    }
}

extension AppDatabase {
    /// Opens a run row; a run that never finishes keeps `finishedAt` empty, which `status` shows.
    public func startRun(at now: Date) throws(StoreError) -> Int64 {
        try write("start run") { db in
            try db.execute(sql: "INSERT INTO run (startedAt) VALUES (?)", arguments: [now.unixSeconds])
            return db.lastInsertedRowID
        }
    }

    /// Closes the run row with its totals.
    public func finish(_ run: RunRecord) throws(StoreError) {
        try write("finish run") { db in
            try db.execute(
                sql: """
                    UPDATE run SET finishedAt = ?, sourcesOK = ?, sourcesNotModified = ?, sourcesFailed = ?,
                    sourcesPostponed = ?, sourcesNotDue = ?, postsNew = ?, postsDuplicate = ?, durationMs = ?
                    WHERE id = ?
                    """,
                arguments: [
                    run.finishedAt?.unixSeconds, run.sourcesOK, run.sourcesNotModified, run.sourcesFailed,
                    run.sourcesPostponed, run.sourcesNotDue, run.postsNew, run.postsDuplicate,
                    run.duration.map { Int($0 * 1000) }, run.id,
                ])
        }
    }

    /// The latest runs, newest first.
    public func recentRuns(limit: Int) throws(StoreError) -> [RunRecord] {
        try read("read runs") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id DESC LIMIT ?", arguments: [limit]).map { row in
                RunRecord(
                    id: row["id"], startedAt: Date(timeIntervalSince1970: row["startedAt"]),
                    finishedAt: Date(unixSeconds: row["finishedAt"]), sourcesOK: row["sourcesOK"],
                    sourcesNotModified: row["sourcesNotModified"], sourcesFailed: row["sourcesFailed"],
                    sourcesPostponed: row["sourcesPostponed"], sourcesNotDue: row["sourcesNotDue"],
                    postsNew: row["postsNew"], postsDuplicate: row["postsDuplicate"],
                    duration: (row["durationMs"] as Int64?).map { TimeInterval($0) / 1000 })
            }
        }
    }

    /// How many posts the store holds; for summaries and tests.
    public func postCount() throws(StoreError) -> Int {
        try read("count posts") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM post") ?? 0 }
    }
}
