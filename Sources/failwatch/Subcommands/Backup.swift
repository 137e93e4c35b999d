// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchKit
import FailwatchStore
import Foundation

extension FailwatchCommand {
    /// An online copy of the store while cron keeps polling.
    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a consistent copy of the store to FILE while polls keep running (SQLite online backup).",
            discussion: "FILE must not exist. The copy is one self-contained SQLite file; restore by putting it at store.path."
        )

        @OptionGroup var options: StoreOptions

        @Argument(help: "Where the copy goes.")
        var file: String

        func run() async throws {
            let context = try await options.open(readOnly: true)
            guard let store = context.store as? AppDatabase, let path = context.sqlitePath else {
                throw Terminal.failure(
                    "backup: \(context.location) is a database server; hint: back it up with its own tools (pg_dump)")
            }
            do {
                try store.backup(to: file)
            } catch {
                throw Terminal.failure(error.description)
            }
            Terminal.note("backup: \(path) copied to \(file) (\(Prune.megabytes(Prune.size(file))))")
        }
    }
}
