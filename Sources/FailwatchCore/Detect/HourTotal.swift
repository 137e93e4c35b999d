// SPDX-License-Identifier: Apache-2.0

/// The clipped counts of one clock hour, as the baseline remembers them.
public struct HourTotal: Codable, Hashable, Sendable {
    /// Sum of the hour's clipped counts.
    public var sum: Double
    /// How many intervals were added.
    public var intervals: Int

    public init(sum: Double = 0, intervals: Int = 0) {
        self.sum = sum
        self.intervals = intervals
    }

    /// The mean count per interval in this hour.
    public var mean: Double { intervals > 0 ? sum / Double(intervals) : 0 }
}
