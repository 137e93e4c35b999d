// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What the detector concluded about one interval, with the evidence an alert should show.
public struct SpikeSignal: Codable, Hashable, Sendable {
    /// The interval's start.
    public var start: Date
    /// Voices counted in the interval (new people: not heard in the hour before).
    public var count: Double
    /// The usual count for this hour of the week (the baseline mean).
    public var expected: Double
    /// The baseline's overdispersion (0 is Poisson).
    public var dispersion: Double
    /// P(count or more | baseline): how unlikely the interval alone is.
    public var tailProbability: Double
    /// How rare the people in the most telling evidence window are under the usual, in decades
    /// (4 is a chance of one in 10,000); ``DetectorSettings/surpriseThreshold`` or more may alarm.
    public var surprise: Double
    /// People in that window, what is usual there, and its length in seconds.
    public var people: Double
    public var usualPeople: Double
    public var window: TimeInterval
    /// People in the longest evidence window (the last hour by default): what updates compare.
    public var lastHourPeople: Double
    /// How rarely the provider sees a burst like this one: its estimated return period in seconds, by
    /// the provider's own burst history (0 while the detector does not know its bursts yet).
    public var burstPeriod: Double
    /// The count model found the people rare, they were enough, and the burst was rare for the provider.
    public var alarm: Bool
    /// The last quarter hour alone is rarer than once per release period: the level at which an alarm
    /// lasts. A provider this loud beside another's alarm spikes too, even before it alarms itself.
    public var elevated: Bool

    public init(
        start: Date, count: Double, expected: Double, dispersion: Double, tailProbability: Double,
        surprise: Double, people: Double? = nil, usualPeople: Double? = nil, window: TimeInterval = 0,
        lastHourPeople: Double? = nil, burstPeriod: Double = 0, alarm: Bool, elevated: Bool = false
    ) {
        self.start = start
        self.count = count
        self.expected = expected
        self.dispersion = dispersion
        self.tailProbability = tailProbability
        self.surprise = surprise
        self.people = people ?? count
        self.usualPeople = usualPeople ?? expected
        self.window = window
        self.lastHourPeople = lastHourPeople ?? count
        self.burstPeriod = burstPeriod
        self.alarm = alarm
        self.elevated = elevated || alarm
    }
}
