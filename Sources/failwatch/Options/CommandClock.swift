// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The one place a command reads the time: `--now` when given (replays, tests), else the real
/// clock. Everything below the CLI takes the instant as a value.
enum CommandClock {
    /// `--now` as a date, or the real clock.
    ///
    /// - Throws: one line naming the option when `text` is no ISO-8601 instant.
    static func instant(_ text: String?) throws -> Date {
        guard let text else { return Date() }
        guard let date = try? Date(text, strategy: .iso8601) else {
            throw Terminal.failure("--now: '\(text)' is not an ISO-8601 instant like 2026-11-21T08:00:00Z")
        }
        return date
    }
}
