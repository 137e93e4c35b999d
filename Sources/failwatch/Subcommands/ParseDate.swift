// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchCore
import FailwatchKit
import Foundation

extension FailwatchCommand {
    /// Prints how failwatch reads one feed date, as ISO-8601 UTC; exits 1 when it cannot.
    struct ParseDate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse one feed date and print it as ISO-8601 UTC.",
            discussion: "Exits 1 with one line on stderr when the date cannot be read."
        )

        /// Every word that is not an option, so dates such as `-0312` (ISO 8601 `-YYMM`) or an
        /// unquoted `Mon, 05 Jan 2004` arrive whole.
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The date as it stands in a feed.", valueName: "date"))
        var words: [String] = []

        private var date: String { words.joined(separator: " ") }

        @Option(help: .hidden)
        var repeatCount: Int?

        func run() throws {
            if let repeatCount { measure(times: max(1, repeatCount)) }
            guard let parsed = FeedDate.parse(date) else {
                throw Terminal.failure("parse-date: cannot read '\(date)' as a date")
            }
            print(FeedDate.iso8601UTC(parsed))
        }

        /// Parses the date `times` times in-process and reports dates per second on stderr
        /// (used by Benchmarks/feed_dates.sh; meaningful only in a release build).
        private func measure(times: Int) {
            let clock = ContinuousClock()
            var readable = 0
            let elapsed = clock.measure {
                for _ in 0..<times where FeedDate.parse(date) != nil { readable += 1 }
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let rate = Double(times) / max(seconds, 1e-9)
            FileHandle.standardError.write(Data("\(Int(rate)) dates/s (\(readable)/\(times) read)\n".utf8))
        }
    }
}
