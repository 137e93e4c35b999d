// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchKit
import Foundation

extension FailwatchCommand {
    /// Prints how failwatch reads one feed date, as ISO-8601 UTC; exits 1 when it cannot.
    struct ParseDate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse one feed date and print it as ISO-8601 UTC."
        )

        @Argument(help: "The date as it stands in a feed.")
        var date: String

        func run() throws {
            guard let parsed = FeedDate.parse(date) else {
                throw ExitCode.failure
            }
            print(parsed.formatted(.iso8601))
        }
    }
}
