// SPDX-License-Identifier: Apache-2.0

/// Why a report could not be made: a week the user wrote that is not one, or an unknown provider.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    case invalidWeek(String)
    case unknownProvider(String, known: [String])

    public var description: String {
        switch self {
        case .invalidWeek(let text):
            return "report: '\(text)' is not a week; hint: write an ISO week like 2026-W47, or 'last' or 'this'"
        case .unknownProvider(let id, let known):
            return "report: no provider '\(id)' in the configuration; hint: configured providers are "
                + (known.isEmpty ? "none" : known.joined(separator: ", "))
        }
    }
}
