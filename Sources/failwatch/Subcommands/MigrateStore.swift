// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchKit
import FailwatchStore
import Foundation

extension FailwatchCommand {
    /// Moving from one SQLite file to a PostgreSQL database shared by several pollers.
    struct MigrateStore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate-store",
            abstract:
                "Copy a SQLite store into PostgreSQL: posts, sources' state and cursors, detector state, incidents, the outbox.",
            discussion: """
                Safe to run again: rows already copied are brought up to the file's state, no post is \
                stored twice. Holds the file's run lock, so no poll writes to it meanwhile. Afterwards \
                point store: {url: …} (or FAILWATCH_STORE_URL) at the database: polls go on where \
                the file stopped, without alerting again.
                """
        )

        @Option(help: "The SQLite store to copy (default: store.path of the configuration).")
        var from: String?

        @Option(
            help: """
                The PostgreSQL database, postgres://user@host/database (default: store.url of the \
                configuration or FAILWATCH_STORE_URL; keep a password there, not on the command line).
                """)
        var to: String?

        @Option(help: "The configuration file (default: $FAILWATCH_CONFIG or ./feeds.yml), for the defaults.")
        var config: String?

        @Option(help: "Seconds to wait for a running poll to finish before giving up.")
        var wait: Double = 60

        func run() async throws {
            let (path, target) = try locations()
            let lock: RunLock
            do {
                lock = try RunLock.acquire(path: path + ".lock", wait: wait)
            } catch {
                Terminal.error(error.description)
                if case .held = error { throw ExitCode(75) }
                throw ExitCode.failure
            }
            let started = ContinuousClock.now
            let copied: [String: Int]
            do {
                let source = try AppDatabase.openReadOnly(path: path)
                let destination = try await PostgresStore.open(target)
                Terminal.note("migrate-store: \(path) -> \(target.redacted)")
                copied = try await StoreMigration(from: source, to: destination).run { line in
                    Terminal.note("migrate-store: \(line)")
                }
            } catch {
                throw Terminal.failure(error.description)
            }
            let seconds = started.duration(to: .now).components.seconds
            Terminal.note(
                "migrate-store: done in \(seconds) s: \(copied["post"] ?? 0) posts, \(copied["source"] ?? 0) sources, "
                    + "\(copied["incident"] ?? 0) incidents, \(copied["outbox"] ?? 0) alerts; "
                    + "set store: {url: …} or FAILWATCH_STORE_URL and poll goes on from here")
            withExtendedLifetime(lock) {}
        }

        /// The SQLite file and the database, from the options or the configuration.
        private func locations() throws -> (String, PostgresLocation) {
            let configPath = FeedsConfig.path(option: config, environment: ProcessInfo.processInfo.environment)
            let loaded =
                (from == nil || to == nil) ? try StoreOptions.loadConfig(at: configPath) : nil
            guard let path = from ?? loaded?.store.path else {
                throw Terminal.failure("migrate-store: no SQLite store; hint: pass --from failwatch.sqlite")
            }
            do {
                if let to { return (path, try PostgresLocation(url: to)) }
            } catch {
                throw Terminal.failure("migrate-store: --to: \(error.description)")
            }
            guard let target = loaded?.store.postgres else {
                throw Terminal.failure(
                    "migrate-store: no PostgreSQL database; hint: pass --to postgres://user@host/database or set FAILWATCH_STORE_URL"
                )
            }
            return (path, target)
        }
    }
}
