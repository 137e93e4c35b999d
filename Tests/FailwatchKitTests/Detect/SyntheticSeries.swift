// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import FailwatchTestSupport
import Foundation

/// Deterministic synthetic complaint counts: a daily rhythm with Poisson noise, plus bursts.
struct SyntheticSeries {
    static let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01 00:00 UTC
    static let interval: TimeInterval = 300
    static let perDay = 288

    var generator: SplitMix64

    init(seed: UInt64 = 42) { generator = SplitMix64(seed: seed) }

    /// Usual voices per interval at an interval index: a daytime hump between `low` and `high`.
    static func usual(_ index: Int, low: Double, high: Double) -> Double {
        let hourOfDay = Double(index % perDay) / 12
        let hump = max(0, sin((hourOfDay - 6) / 16 * .pi))
        return low + (high - low) * hump
    }

    /// A Poisson draw (Knuth's method; fine for the small means used here).
    mutating func poisson(_ mean: Double) -> Double {
        let limit = exp(-mean)
        var product = Double.random(in: 0..<1, using: &generator)
        var draws = 0.0
        while product > limit {
            product *= Double.random(in: 0..<1, using: &generator)
            draws += 1
        }
        return draws
    }

    /// `days` of ordinary counts with a daily rhythm.
    mutating func ordinary(days: Int, low: Double = 0.5, high: Double = 6) -> [Double] {
        (0..<(days * Self.perDay)).map { poisson(Self.usual($0, low: low, high: high)) }
    }

    static func time(_ index: Int) -> Date { start.addingTimeInterval(Double(index) * interval) }

    /// Runs counts through a fresh detector.
    static func signals(_ counts: [Double], settings: DetectorSettings = DetectorSettings()) -> [SpikeSignal] {
        var detector = SpikeDetector(settings: settings)
        return counts.enumerated().map { detector.observe($0.element, at: time($0.offset)) }
    }

    /// Runs counts through a fresh detector and tracker; returns the incident events.
    static func events(
        _ counts: [Double], settings: DetectorSettings = DetectorSettings(),
        incidents: IncidentSettings = IncidentSettings()
    ) -> [IncidentEvent] {
        var tracker = IncidentTracker(provider: "acme", settings: incidents)
        return signals(counts, settings: settings).compactMap { tracker.step($0) }
    }
}
