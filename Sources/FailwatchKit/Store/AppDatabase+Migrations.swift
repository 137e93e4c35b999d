// SPDX-License-Identifier: Apache-2.0
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
        return migrator
    }
}
