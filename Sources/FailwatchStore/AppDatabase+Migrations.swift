// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import GRDB

extension AppDatabase {
    /// The schema, only ever changed through new named migrations. Times are integer Unix
    /// seconds: faster to write than dates and portable to PostgreSQL as `bigint`.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "source") { t in
                t.primaryKey("name", .text)
                t.column("kind", .text).notNull()
                t.column("url", .text).notNull()
                t.column("etag", .text)
                t.column("lastModified", .text)
                t.column("lastFetchAt", .integer)
                t.column("lastSuccessAt", .integer)
                t.column("lastError", .text)
                t.column("lastErrorAt", .integer)
                t.column("consecutiveFailures", .integer).notNull().defaults(to: 0)
                t.column("retryAfter", .integer)
            }
            try db.create(table: "post") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("sourceName", .text).notNull().references("source", onDelete: .cascade)
                t.column("guid", .text).notNull()
                t.column("link", .text).unique()
                t.column("author", .text)
                t.column("title", .text)
                t.column("text", .text).notNull()
                t.column("language", .text)
                t.column("published", .integer)
                t.column("fetched", .integer).notNull()
                t.column("contentHash", .text).notNull().unique()
                t.column("label", .text)
                t.column("sentiment", .double)
                t.uniqueKey(["sourceName", "guid"])
            }
            try db.create(index: "post_on_published", on: "post", columns: ["published"])
            try db.create(table: "postProvider") { t in
                t.column("postId", .integer).notNull().references("post", onDelete: .cascade)
                t.column("providerId", .text).notNull()
                t.column("label", .text).notNull()
                t.column("sentiment", .double).notNull()
                t.primaryKey(["postId", "providerId"])
            }
            try db.create(index: "postProvider_on_providerId_label", on: "postProvider", columns: ["providerId", "label"])
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("startedAt", .integer).notNull()
                t.column("finishedAt", .integer)
                t.column("sourcesOK", .integer).notNull().defaults(to: 0)
                t.column("sourcesNotModified", .integer).notNull().defaults(to: 0)
                t.column("sourcesFailed", .integer).notNull().defaults(to: 0)
                t.column("sourcesPostponed", .integer).notNull().defaults(to: 0)
                t.column("sourcesNotDue", .integer).notNull().defaults(to: 0)
                t.column("postsNew", .integer).notNull().defaults(to: 0)
                t.column("postsDuplicate", .integer).notNull().defaults(to: 0)
                t.column("durationMs", .integer)
            }
            try db.create(table: "sourceRun") { t in
                t.column("runId", .integer).notNull().references("run", onDelete: .cascade)
                t.column("sourceName", .text).notNull().references("source", onDelete: .cascade)
                t.column("outcome", .text).notNull()
                t.column("message", .text)
                t.column("postsNew", .integer).notNull().defaults(to: 0)
                t.column("postsDuplicate", .integer).notNull().defaults(to: 0)
                t.column("durationMs", .integer).notNull()
                t.primaryKey(["runId", "sourceName"])
            }
        }
        migrator.registerMigration("v2-api-cursor") { db in
            try db.alter(table: "source") { t in t.add(column: "cursor", .text) }
        }
        migrator.registerMigration("v3-incidents-and-statements") { db in
            // What customers said together: one row per incident failwatch raised, kept
            // after it resolves so reports can show how it went.
            try db.create(table: "incident") { t in
                t.primaryKey("id", .text)
                t.column("providerId", .text).notNull()
                t.column("firstComplaintAt", .integer).notNull()
                t.column("openedAt", .integer).notNull()  // when failwatch raised it
                t.column("peakAt", .integer)
                t.column("peakCount", .double)  // complaints in the peak interval
                t.column("peakExpected", .double)  // the usual for that interval
                t.column("authors", .integer).notNull().defaults(to: 0)  // distinct voices, whole incident
                t.column("updates", .integer).notNull().defaults(to: 0)
                t.column("sources", .text)  // JSON array of source names
                t.column("commonCause", .text)  // "likely upstream: 3 providers at once"
                t.column("silent", .boolean).notNull().defaults(to: false)  // all official signals green
                t.column("resolvedAt", .integer)
            }
            try db.create(index: "incident_on_providerId_openedAt", on: "incident", columns: ["providerId", "openedAt"])
            // What the provider said: status page incidents and state, and posts of its
            // own accounts (sources marked official).
            try db.create(table: "statement") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("sourceName", .text).notNull().references("source", onDelete: .cascade)
                t.column("providerId", .text)  // NULL: every provider of the source
                t.column("externalId", .text).notNull()
                t.column("kind", .text).notNull()  // incident | maintenance | status | post
                t.column("title", .text).notNull()
                t.column("status", .text)  // investigating | identified | monitoring | resolved | operational …
                t.column("impact", .text)  // none | minor | major | critical
                t.column("components", .text)  // JSON array of names
                t.column("url", .text)
                t.column("createdAt", .integer)
                t.column("updatedAt", .integer)
                t.column("resolvedAt", .integer)
                t.column("fetched", .integer).notNull()
                t.uniqueKey(["sourceName", "externalId"])
            }
            try db.create(index: "statement_on_providerId_createdAt", on: "statement", columns: ["providerId", "createdAt"])
        }
        migrator.registerMigration("v4-statement-body") { db in
            // The newest update of an incident, the text of an official post.
            try db.alter(table: "statement") { t in t.add(column: "body", .text) }
        }
        migrator.registerMigration("v5-detection-and-outbox") { db in
            // Where each provider's detection stopped: the detector and tracker state as JSON
            // (DetectionCheckpoint), so the next cron run continues with the next interval.
            try db.create(table: "detection") { t in
                t.primaryKey("providerId", .text)
                t.column("state", .text).notNull()
                t.column("nextIntervalAt", .integer).notNull()
                t.column("updatedAt", .integer).notNull()
            }
            // Incidents found while catching up on old data are kept, but never posted.
            try db.alter(table: "incident") { t in
                t.add(column: "announced", .boolean).notNull().defaults(to: true)
            }
            // Every alert is written here in the transaction that changes its incident, and
            // sent later, retried until the sink takes it: one row per message and sink.
            try db.create(table: "outbox") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("sinkName", .text).notNull()
                t.column("idempotencyKey", .text).notNull()
                t.column("incidentId", .text).notNull()
                t.column("updateNumber", .integer).notNull()
                t.column("message", .text).notNull()  // AlertMessage as JSON
                t.column("createdAt", .integer).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("nextAttemptAt", .integer).notNull()
                t.column("status", .text).notNull().defaults(to: "pending")  // pending | delivered | failed
                t.column("lastError", .text)
                t.column("deliveredAt", .integer)
                t.column("platformMessageId", .text)  // Discord's message id, to edit it later
                t.uniqueKey(["sinkName", "idempotencyKey"])
            }
            try db.create(index: "outbox_on_status", on: "outbox", columns: ["status", "id"])
        }
        // Identity first: it rebuilds the post table, and the verdict's columns are added to the rebuilt one.
        migrator.registerMigration("v6-hostile-identity") { db in
            try rebuildPostWithIdentity(db)
        }
        migrator.registerMigration("v7-outage-verdict") { db in
            try db.alter(table: "post") { t in t.add(column: "repost", .boolean).notNull().defaults(to: false) }
            try db.alter(table: "postProvider") { t in t.add(column: "symptom", .text) }  // Symptom raw value
        }
        migrator.registerMigration("v8-ops-source-health-and-housekeeping") { db in
            // A failing source is told once when it starts, once a day while it stays down, and
            // once when it recovers (SourceNotice), so `poll --quiet` from cron mails only news.
            try db.alter(table: "source") { t in
                t.add(column: "failingSince", .integer)
                t.add(column: "failureNoticeAt", .integer)
            }
            // When a chore (`prune`) last ran, so poll does it once a day by itself.
            try db.create(table: "chore") { t in
                t.primaryKey("name", .text)
                t.column("lastRunAt", .integer).notNull()
            }
        }
        migrator.registerMigration("v9-silences-and-sink-health") { db in
            // `failwatch silence`: alerts about the provider are held in the outbox until it ends.
            try db.create(table: "silence") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("providerId", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("createdBy", .text).notNull()
                t.column("createdAt", .integer).notNull()
                t.column("endsAt", .integer).notNull()  // set to the time of `unsilence` when ended early
            }
            try db.create(index: "silence_on_providerId_endsAt", on: "silence", columns: ["providerId", "endsAt"])
            // Why an alert waits (status 'held') or was never sent (status 'suppressed').
            try db.alter(table: "outbox") { t in t.add(column: "heldReason", .text) }
            // The silence or maintenance window the incident fell into, for reports.
            try db.alter(table: "incident") { t in t.add(column: "heldBy", .text) }
            // A sink's delivery health, so `poll --quiet` tells a problem when it starts, once a
            // day while it lasts, and when it ends (like a source's).
            try db.create(table: "sinkHealth") { t in
                t.primaryKey("name", .text)
                t.column("consecutiveFailures", .integer).notNull().defaults(to: 0)
                t.column("failingSince", .integer)
                t.column("failureNoticeAt", .integer)
                t.column("lastError", .text)
            }
        }
        migrator.registerMigration("v11-late-counted") { db in
            // When detection counted a complaint that arrived after its interval had been counted (the
            // start of the interval it joined), so `backtest --db` counts it there too; NULL: where it
            // was published (every row stored before this).
            try db.alter(table: "postProvider") { t in t.add(column: "countedAt", .integer) }
        }
        return migrator
    }

    /// A post is its own id within its network (``PostIdentity``), no longer its link or its
    /// words: `link` and `contentHash` lose their UNIQUE constraints (six replies sharing one
    /// thread link were stored as one post, a weekly identical post as one) and `identity`
    /// gains one. SQLite cannot drop a constraint in place, so the table is rebuilt
    /// (https://www.sqlite.org/lang_altertable.html#otheralter): every row keeps its id, so
    /// `postProvider` rows still point at their posts. Foreign keys are off while GRDB runs a
    /// migration and checked before it commits.
    private static func rebuildPostWithIdentity(_ db: Database) throws {
        try db.create(table: "postNew") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("sourceName", .text).notNull().references("source", onDelete: .cascade)
            t.column("guid", .text).notNull()
            t.column("identity", .text).unique()  // NULL only for rows written by hand (seeds)
            t.column("link", .text)
            t.column("author", .text)
            t.column("title", .text)
            t.column("text", .text).notNull()
            t.column("language", .text)
            t.column("published", .integer)
            t.column("fetched", .integer).notNull()
            t.column("contentHash", .text).notNull()
            t.column("label", .text)
            t.column("sentiment", .double)
            t.uniqueKey(["sourceName", "guid"])
        }
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT post.id, post.guid, post.link, post.contentHash, source.kind, source.url
                FROM post LEFT JOIN source ON source.name = post.sourceName ORDER BY post.id
                """)
        let copy = try db.makeStatement(
            sql: """
                INSERT INTO postNew SELECT id, sourceName, guid, ?, link, author, title, text, language, published,
                fetched, contentHash, label, sentiment FROM post WHERE id = ? ON CONFLICT (identity) DO NOTHING
                """)
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            let scope = PostIdentity.scope(kind: row["kind"] ?? SourceKind.feed.rawValue, url: row["url"] ?? "")
            let identity = PostIdentity.stored(
                guid: row["guid"], link: row["link"], contentHash: row["contentHash"], scope: scope)
            try copy.execute(arguments: [identity, id])
            // Rows the old keys let through twice (one post under two guids) stay two rows.
            if db.changesCount == 0 { try copy.execute(arguments: [identity + " #\(id)", id]) }
        }
        try db.drop(table: "post")
        try db.rename(table: "postNew", to: "post")
        try db.create(index: "post_on_published", on: "post", columns: ["published"])
    }
}
