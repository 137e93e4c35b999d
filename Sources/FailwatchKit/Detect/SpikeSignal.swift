// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What the detector concluded about one interval, with the evidence an alert should show.
public struct SpikeSignal: Codable, Hashable, Sendable {
    /// The interval's start.
    public var start: Date
    /// Voices counted in the interval.
    public var count: Double
    /// The usual count for this hour of the week (the baseline mean).
    public var expected: Double
    /// The baseline's overdispersion (0 is Poisson).
    public var dispersion: Double
    /// P(count or more | baseline): how unlikely this interval alone is.
    public var tailProbability: Double
    /// Accumulated evidence for a raised level (CUSUM of the log-likelihood ratio, nats).
    public var evidence: Double
    /// How rarely the provider sees a burst like this one: its estimated return period in seconds, by
    /// the provider's own burst history (0 while the detector does not know its bursts yet).
    /// ``DetectorSettings/burstReturnPeriod`` or more starts an alarm.
    public var burstPeriod: Double
    /// The evidence crossed the threshold, the burst was rare for the provider and the interval met the absolute floor.
    public var alarm: Bool

    public init(
        start: Date, count: Double, expected: Double, dispersion: Double,
        tailProbability: Double, evidence: Double, burstPeriod: Double = 0, alarm: Bool
    ) {
        self.start = start
        self.count = count
        self.expected = expected
        self.dispersion = dispersion
        self.tailProbability = tailProbability
        self.evidence = evidence
        self.burstPeriod = burstPeriod
        self.alarm = alarm
    }
}
