// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The named baseline "huginn": Huginn's PeakDetectorAgent rule, a count above mean + 3 sigma of the past 14 days.
///
/// Kept to show what failwatch's count model buys; it learns from every value, peaks included.
public struct HuginnDetector: SeriesDetector, Codable {
    public var window: TimeInterval
    public var sigmas: Double
    public var minimumCount: Double
    private var values: [Double] = []
    private var times: [Date] = []
    private var head = 0
    private var sum = 0.0
    private var sumOfSquares = 0.0

    public init(window: TimeInterval = 14 * 86_400, sigmas: Double = 3, minimumCount: Double = 5) {
        self.window = window
        self.sigmas = sigmas
        self.minimumCount = minimumCount
    }

    public mutating func observe(_ count: Double, at start: Date) -> SpikeSignal {
        while head < values.count, start.timeIntervalSince(times[head]) > window {
            sum -= values[head]
            sumOfSquares -= values[head] * values[head]
            head += 1
        }
        if head > 4_096 {
            values.removeFirst(head)
            times.removeFirst(head)
            head = 0
        }
        let n = Double(values.count - head)
        let mean = n > 0 ? sum / n : 0
        let sigma = n > 1 ? max(0, (sumOfSquares - n * mean * mean) / (n - 1)).squareRoot() : 0
        let alarm = n >= 12 && count > mean + sigmas * sigma && count >= minimumCount
        values.append(count)
        times.append(start)
        sum += count
        sumOfSquares += count * count
        return SpikeSignal(
            start: start, count: count, expected: mean, dispersion: 0, tailProbability: alarm ? 0 : 1,
            surprise: sigma > 0 ? (count - mean) / sigma : 0, alarm: alarm)
    }
}
