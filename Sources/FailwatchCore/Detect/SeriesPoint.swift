// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One row of a count series: an interval's start, its count, and the timestamp as written.
public struct SeriesPoint: Hashable, Sendable {
    public var time: Date
    public var value: Double
    /// The timestamp exactly as in the file, echoed in backtest output so rows match.
    public var timestamp: String

    public init(time: Date, value: Double, timestamp: String) {
        self.time = time
        self.value = value
        self.timestamp = timestamp
    }
}
