// SPDX-License-Identifier: Apache-2.0

/// Why feeds.yml could not be used. It carries every problem found in one pass, so a
/// user fixes them all at once instead of one per run.
public enum ConfigError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file could not be read at all (missing, unreadable, not UTF-8).
    case unreadable(file: String, reason: String)
    /// The file was read; these problems, in file order, keep it from being used.
    case invalid([ConfigDiagnostic])

    /// One line per problem, `FILE:LINE:COL: message` (or `FILE: message` when no line applies).
    public var lines: [String] {
        switch self {
        case .unreadable(let file, let reason): ["\(file): \(reason)"]
        case .invalid(let diagnostics): diagnostics.map(\.description)
        }
    }

    /// Every problem, one per line.
    public var description: String { lines.joined(separator: "\n") }
}
