// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Anything that scores a count series online, so backtests can run failwatch and the named baselines alike.
public protocol SeriesDetector: Sendable {
    /// Scores the count of the interval starting at `start`, using only what came before and it.
    mutating func observe(_ count: Double, at start: Date) -> SpikeSignal
}

extension SpikeDetector: SeriesDetector {}
