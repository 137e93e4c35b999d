// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchKit
import Foundation

extension FailwatchCommand {
    /// Deletes what `retention:` no longer keeps and gives the space back (poll prunes once a
    /// day by itself, without giving space back).
    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete posts, runs and finished alerts older than feeds.yml's retention: allows, then compact the store.",
            discussion: """
                Incidents and official statements are always kept. poll does the same deletion once a day by \
                itself; this command also compacts the file (SQLite VACUUM), so run it when the disk matters.
                """
        )

        @OptionGroup var options: StoreOptions

        @Option(help: "Act as if the clock read this ISO-8601 instant (tests).")
        var now: String?

        @Flag(help: "Delete only; do not compact the file.")
        var noVacuum = false

        @Option(help: "Seconds to wait for a running poll to finish before giving up.")
        var wait: Double = 60

        func run() throws {
            let now = try CommandClock.instant(now)
            let context = try options.open(lockWait: wait)
            let retention = context.config.retention
            guard retention.isEnabled else {
                Terminal.note("prune: feeds.yml has no retention: section; nothing is deleted")
                return
            }
            let path = options.db ?? context.config.store.path
            let before = Self.size(path)
            do {
                let result = try context.store.prune(retention, now: now)
                if noVacuum { try context.store.foldLog() } else { try context.store.vacuum() }
                Terminal.note(
                    "prune: deleted \(result.posts) posts, \(result.runs) runs, \(result.alerts) alerts; store "
                        + "\(Self.megabytes(before)) -> \(Self.megabytes(Self.size(path)))")
            } catch {
                throw Terminal.failure(error.description)
            }
            withExtendedLifetime(context.lock) {}
        }

        /// The store's bytes on disk, with its write-ahead log.
        static func size(_ path: String) -> Int64 {
            [path, path + "-wal"].reduce(0) { total, file in
                let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value
                return total + (size ?? 0)
            }
        }

        static func megabytes(_ bytes: Int64) -> String {
            String(format: "%.2f MB", Double(bytes) / 1_000_000)
        }
    }
}
