// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchKit
import Foundation

extension FailwatchCommand {
    /// An online copy of the store while cron keeps polling.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a consistent copy of the store to FILE while polls keep running (SQLite online backup).",
            discussion: "FILE must not exist. The copy is one self-contained SQLite file; restore by putting it at store.path."
        )

        @OptionGroup var options: StoreOptions

        @Argument(help: "Where the copy goes.")
        var file: String

        func run() throws {
            let context = try options.open(readOnly: true)
            do {
                try context.store.backup(to: file)
            } catch {
                throw Terminal.failure(error.description)
            }
            Terminal.note("backup: \(options.db ?? context.config.store.path) copied to \(file) (\(Prune.megabytes(Prune.size(file))))")
        }
    }
}
