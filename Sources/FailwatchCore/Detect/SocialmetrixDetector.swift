// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The named baseline "socialmetrix": the last 24 hours' volume above the past 7 days' daily mean + 2 sigma.
///
/// Compares rolling daily totals, so it reacts late and stays up for a day; kept as a reference point.
public struct SocialmetrixDetector: SeriesDetector, Codable {
    public var day: TimeInterval
    public var days: Int
    public var sigmas: Double
    public var minimumCount: Double
    private var values: [Double] = []
    private var times: [Date] = []

    public init(day: TimeInterval = 86_400, days: Int = 7, sigmas: Double = 2, minimumCount: Double = 5) {
        self.day = day
        self.days = days
        self.sigmas = sigmas
        self.minimumCount = minimumCount
    }

    public mutating func observe(_ count: Double, at start: Date) -> SpikeSignal {
        values.append(count)
        times.append(start)
        let horizon = day * Double(days + 1)
        if let firstKept = times.firstIndex(where: { start.timeIntervalSince($0) < horizon }), firstKept > 4_096 {
            values.removeFirst(firstKept)
            times.removeFirst(firstKept)
        }
        // totals[k] = volume of the k-th 24 h before now (k = 0 is the last 24 h, current interval included).
        var totals = [Double](repeating: 0, count: days + 1)
        var covered = 0.0
        for index in values.indices {
            let age = start.timeIntervalSince(times[index])
            let slot = Int((age / day).rounded(.down))
            if slot <= days { totals[slot] += values[index] }
            covered = max(covered, age)
        }
        let past = Array(totals.dropFirst())
        let mean = past.reduce(0, +) / Double(days)
        let variance = past.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(days - 1, 1))
        let threshold = mean + sigmas * variance.squareRoot()
        let alarm = covered >= horizon - day && totals[0] > threshold && count >= minimumCount
        return SpikeSignal(
            start: start, count: count, expected: mean, dispersion: 0, tailProbability: alarm ? 0 : 1,
            surprise: totals[0] - threshold, alarm: alarm)
    }
}
