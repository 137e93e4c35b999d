// SPDX-License-Identifier: Apache-2.0

/// What can go wrong reading a count series for a backtest; each message is one line naming file and line.
public enum DetectError: Error, CustomStringConvertible, Equatable {
    /// A row that is not `timestamp,value`.
    case badRow(file: String, line: Int, reason: String)
    /// A file without a single data row.
    case emptySeries(file: String)
    /// An interval length that is not a positive duration such as `5m`.
    case badInterval(String)

    public var description: String {
        switch self {
        case .badRow(let file, let line, let reason): "series: \(file):\(line): \(reason)"
        case .emptySeries(let file): "series: \(file): no data rows"
        case .badInterval(let text): "series: bad interval '\(text)', expected e.g. 5m, 300s, 1h"
        }
    }
}
