// SPDX-License-Identifier: Apache-2.0
import Foundation

/// How big a provider's bursts usually are at one time scale: a fading histogram of past excesses,
/// so the detector can ask "is this bigger than its routine bursts?" without storing the history.
///
/// Positive excesses fall into log-spaced bins (``binWidth`` decades wide, from 10^``lowestDecade``);
/// zero and negative ones share one bin. Every addition first fades all weights by `decay`, so the
/// histogram is an exponentially weighted picture of the recent weeks.
public struct BurstHistogram: Codable, Hashable, Sendable {
    /// Width of a bin in decades (0.05: steps of 12 %).
    static let binWidth = 0.05
    /// The lowest positive bin starts at 10^lowestDecade voices; smaller excesses share it.
    static let lowestDecade = -3.0
    /// Positive bins: from 10^-3 to 10^7 voices.
    static let positiveBins = 200

    /// Weights per bin: index 0 holds excesses ≤ 0, index i ≥ 1 holds [10^(lowest + (i-1)·w), 10^(lowest + i·w)).
    private var weights: [Double]
    /// The faded sum of all weights: how much history the histogram holds, in intervals.
    public private(set) var total: Double = 0

    public init() {
        weights = Array(repeating: 0, count: Self.positiveBins + 1)
    }

    /// Fades the history by `decay` and adds one excess with weight `weight`.
    ///
    /// - Parameters:
    ///   - excess: voices above the baseline over the time scale (may be negative).
    ///   - weight: 1 for an ordinary interval; less for one inside an alarm, so one incident barely moves the picture.
    ///   - decay: the fading factor per addition, in (0, 1].
    public mutating func add(_ excess: Double, weight: Double, decay: Double) {
        for index in weights.indices where weights[index] != 0 {
            let faded = weights[index] * decay
            weights[index] = faded < 1e-9 ? 0 : faded
        }
        total = total * decay + weight
        weights[Self.bin(of: excess)] += weight
    }

    /// The excess that a share `1 - probability` of the history exceeds (linear within a bin, in log space).
    ///
    /// - Parameter probability: e.g. 0.99 for the 99th percentile.
    /// - Returns: the quantile in voices; 0 when it falls among the non-positive excesses or the histogram is empty.
    public func quantile(_ probability: Double) -> Double {
        let target = (1 - probability) * total
        var above = 0.0
        for index in stride(from: weights.count - 1, through: 1, by: -1) where weights[index] > 0 {
            above += weights[index]
            if above >= target {
                let fraction = (above - target) / weights[index]
                return pow(10, Self.lowestDecade + (Double(index - 1) + fraction) * Self.binWidth)
            }
        }
        return 0
    }

    private static func bin(of excess: Double) -> Int {
        guard excess > 0 else { return 0 }
        let position = ((log10(excess) - lowestDecade) / binWidth).rounded(.down)
        return Int(min(max(position, 0), Double(positiveBins - 1))) + 1
    }
}
