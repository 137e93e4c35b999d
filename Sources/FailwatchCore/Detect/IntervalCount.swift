// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Distinct voices in one interval: the unit the spike detector scores.
public struct IntervalCount: Codable, Hashable, Sendable {
    /// The interval's first instant (inclusive); it ends one interval later (exclusive).
    public var start: Date
    /// Distinct voices reporting an outage.
    public var outageVoices: Int
    /// Distinct voices complaining about anything (outage complaints included).
    public var complaintVoices: Int

    public init(start: Date, outageVoices: Int, complaintVoices: Int) {
        self.start = start
        self.outageVoices = outageVoices
        self.complaintVoices = complaintVoices
    }
}
