// SPDX-License-Identifier: Apache-2.0
import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// The built binary on PostgreSQL: a SQLite store moved over with `migrate-store`, then cron
/// polling the database where the file stopped. Needs `FAILWATCH_TEST_POSTGRES_URL`.
@Suite(.enabled(if: TestStore.postgresURL != nil, "set FAILWATCH_TEST_POSTGRES_URL to run against PostgreSQL"))
struct PostgresCommandTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fw-pg-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The test server's URL in a schema of its own, with a password that must never be printed
    /// (the throwaway cluster trusts loopback, so any password is accepted).
    func databaseURL() throws -> String {
        let url = try #require(TestStore.postgresURL).replacingOccurrences(
            of: "://postgres@", with: "://postgres:s3cret-pw@")
        return url + (url.contains("?") ? "&" : "?") + "schema=" + TestStore.newSchema()
    }

    @Test func aMigratedStorePollsOnWhereTheFileStopped() async throws {
        try await LoopbackServer.with { server in
            server.feed(
                "/feed",
                body: """
                    <?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
                    <item><guid>1</guid><title>Vodafone Störung, kein Internet seit 20 Minuten</title>
                    <pubDate>Sat, 21 Nov 2026 08:40:00 +0000</pubDate></item></channel></rss>
                    """, etag: "\"v1\"")
            let config = folder.appendingPathComponent("feeds.yml").path
            try """
            version: 1
            store: {path: store.sqlite}
            providers:
              - name: Vodafone
            sources:
              - {name: forum, url: "\(server.url("/feed").absoluteString)", interval: 5m, backfill: all}
            """.write(toFile: config, atomically: true, encoding: .utf8)
            let url = try databaseURL()
            let onPostgres = ["FAILWATCH_STORE_URL": url]

            let first = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T09:00:00Z"])
            let migrated = try await FailwatchBinary.run(
                ["migrate-store", "--config", config], environment: onPostgres)
            let again = try await FailwatchBinary.run(["migrate-store", "--config", config], environment: onPostgres)
            let next = try await FailwatchBinary.run(
                ["poll", "--config", config, "--now", "2026-11-21T09:05:00Z"], environment: onPostgres)
            let status = try await FailwatchBinary.run(["status", "--config", config], environment: onPostgres)
            let backup = try await FailwatchBinary.run(
                ["backup", folder.appendingPathComponent("copy.sqlite").path, "--config", config],
                environment: onPostgres)

            #expect(first.exitCode == 0 && first.stderr.contains("1 new posts"), "\(first.stderr)")
            #expect(migrated.exitCode == 0, "\(migrated.stderr)")
            #expect(migrated.stderr.contains("migrate-store: post: 1 rows"))
            #expect(again.exitCode == 0 && again.stderr.contains("1 posts"), "copying twice is harmless")
            #expect(next.exitCode == 0)
            #expect(next.stderr.contains("1 not modified") && next.stderr.contains("0 new posts"), "\(next.stderr)")
            #expect(server.requests(to: "/feed").last?.header("If-None-Match") == "\"v1\"", "the validators came along")
            #expect(status.exitCode == 0 && status.stdout.contains("forum"))
            #expect(backup.exitCode == 1 && backup.stderr.contains("pg_dump"))
            for result in [first, migrated, again, next, status, backup] {
                #expect(!(result.stdout + result.stderr).contains("s3cret-pw"), "the password is never printed")
            }
        }
    }

    @Test func anUnreachableServerIsOneLineWithoutThePassword() async throws {
        let config = folder.appendingPathComponent("feeds.yml").path
        try
            "version: 1\nstore: {url: \"${FW_TEST_URL}\"}\nproviders:\n  - name: Vodafone\nsources:\n  - {name: a, url: \"https://example.org/feed\"}\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let closed = try RefusedPort()
        defer { closed.close() }
        let refused = try await FailwatchBinary.run(
            ["status", "--config", config],
            environment: ["FW_TEST_URL": "postgres://fw:s3cret-pw@127.0.0.1:\(closed.port)/failwatch"])

        #expect(refused.exitCode == 1)
        #expect(refused.stderr.hasPrefix("failwatch: store: cannot open postgres://fw@127.0.0.1:"), "\(refused.stderr)")
        #expect(refused.stderr.contains("/failwatch: connection refused"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(!refused.stderr.contains("s3cret-pw"))
    }
}
