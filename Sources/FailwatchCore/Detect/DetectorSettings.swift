// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Every knob of the spike detector in one value, so feeds.yml can fill it and backtests can replay it.
///
/// Times are in seconds, independent of the interval length. Start from ``preset(_:interval:)``
/// and override single fields.
public struct DetectorSettings: Codable, Hashable, Sendable {
    /// The counting interval in seconds (five minutes by default).
    public var interval: TimeInterval
    /// The fewest distinct people, within one of the ``evidenceWindows``, that may alarm: a count model
    /// finds two people rare when 0.01 is usual, but two people are no outage yet.
    public var minimumPeople: Double
    /// The sliding windows over which distinct people are summed and scored against the usual, in seconds
    /// (5, 15, 30 and 60 minutes: a sharp wave shows in the short ones, a slow start in the long ones).
    public var evidenceWindows: [TimeInterval]
    /// How many past weeks of the same hour of the week form the baseline.
    public var baselineWeeks: Int
    /// How many past days of the same hour of the day form the baseline.
    public var baselineDays: Int
    /// Counts above the baseline plus this many standard deviations are clipped before they are learnt.
    public var clipSigmas: Double
    /// Half-life of the dispersion estimate, in seconds.
    public var dispersionHalfLife: TimeInterval
    /// Dispersion assumed before any data (1/size of the negative binomial); 0 is Poisson.
    public var priorDispersion: Double
    /// The dispersion estimate never falls below this, so a quiet week does not make every blip an alarm.
    public var minimumDispersion: Double
    /// The usual count per interval assumed before any history: a prior worth an hour of data, so a
    /// new provider alarms only on many people at once (an outage), never on a handful.
    public var coldStartMean: Double
    /// How long the detector learns before it trusts its burst history, in seconds; until then the
    /// count model alone decides.
    public var warmUp: TimeInterval
    /// The time scales of the burst gate, in seconds: voices above the baseline are summed over each
    /// (5 minutes catches sharp waves, 3 hours slow build-ups).
    public var burstWindows: [TimeInterval]
    /// The provider's usual big burst: this quantile of its past excesses at a time scale.
    public var burstQuantile: Double
    /// Its routine burst: a lower quantile. A power-law tail through the two says how rare a bigger burst is.
    public var burstReferenceQuantile: Double
    /// The false-alarm rate the detector is designed for: at most one false alarm per provider in this
    /// many seconds (eight days by default). Both gates derive from it: the count model's threshold
    /// (``surpriseThreshold``) and the provider's own burst history (a burst rarer than once in this long).
    public var burstReturnPeriod: TimeInterval
    /// How rare a burst must be to be unusual, in seconds of return period (a day by default). An
    /// ongoing alarm lasts while the burst stays rarer than once in this long, and a burst rarer than
    /// this counts in the burst history only `burstReleasePeriod / its return period` (at least
    /// ``rareBurstWeight``), so an incident, alarmed or not, barely raises the bar for the next one.
    public var burstReleasePeriod: TimeInterval
    /// Half-life of the burst history, in seconds.
    public var burstHalfLife: TimeInterval
    /// Excesses join the burst history only this many seconds later, so an unfolding incident does not
    /// raise the bar it has to clear.
    public var burstLag: TimeInterval
    /// Voices added to an excess and to the quantiles before their ratios are taken, so a provider that
    /// is silent most of the time still has a finite tail.
    public var burstOffset: Double
    /// A new alarm also needs a burst at least this many times the biggest one the provider had at that
    /// time scale lately (the peak fades with ``burstRecordHalfLife`` and, like the history, learns
    /// ``burstLag`` late), so the aftershocks of a big wave, which are rare but smaller, stay quiet
    /// while a wave that outgrows them still alarms. 0 turns this off.
    public var burstRecordRatio: Double
    /// Half-life of that peak, in seconds: short enough that a second incident days later, smaller
    /// than the first, still alarms (two days: after three days one at 80 % of the first alarms).
    public var burstRecordHalfLife: TimeInterval

    public init(
        interval: TimeInterval = 300, minimumPeople: Double = 6,
        evidenceWindows: [TimeInterval] = [300, 900, 1_800, 3_600], baselineWeeks: Int = 4,
        baselineDays: Int = 7, clipSigmas: Double = 3, dispersionHalfLife: TimeInterval = 3 * 86_400,
        priorDispersion: Double = 0.5, minimumDispersion: Double = 0.02, coldStartMean: Double = 1,
        warmUp: TimeInterval = 86_400,
        burstWindows: [TimeInterval] = [300, 900, 3_600, 10_800], burstQuantile: Double = 0.99,
        burstReferenceQuantile: Double = 0.9, burstReturnPeriod: TimeInterval = 8 * 86_400,
        burstReleasePeriod: TimeInterval = 86_400, burstHalfLife: TimeInterval = 7 * 86_400,
        burstLag: TimeInterval = 12 * 3_600, burstOffset: Double = 1,
        burstRecordRatio: Double = 1.25, burstRecordHalfLife: TimeInterval = 2 * 86_400
    ) {
        self.interval = interval
        self.minimumPeople = minimumPeople
        self.evidenceWindows = evidenceWindows
        self.baselineWeeks = baselineWeeks
        self.baselineDays = baselineDays
        self.clipSigmas = clipSigmas
        self.dispersionHalfLife = dispersionHalfLife
        self.priorDispersion = priorDispersion
        self.minimumDispersion = minimumDispersion
        self.coldStartMean = coldStartMean
        self.warmUp = warmUp
        self.burstWindows = burstWindows
        self.burstQuantile = burstQuantile
        self.burstReferenceQuantile = burstReferenceQuantile
        self.burstReturnPeriod = burstReturnPeriod
        self.burstReleasePeriod = burstReleasePeriod
        self.burstHalfLife = burstHalfLife
        self.burstLag = burstLag
        self.burstOffset = burstOffset
        self.burstRecordRatio = burstRecordRatio
        self.burstRecordHalfLife = burstRecordHalfLife
    }

    /// The least weight a burst keeps in the burst history: `burstReleasePeriod / burstReturnPeriod`
    /// (1/8 by default), so a burst as rare as an alarm counts an eighth, and a provider whose "rare"
    /// bursts keep coming still learns, eight at a time, that they are its normal. Derived, not tuned:
    /// a fixed 0.1 scored the same on NAB (Benchmarks/detection-log.md).
    public var rareBurstWeight: Double {
        min(1, burstReleasePeriod / max(burstReturnPeriod, 1))
    }

    /// The count model's threshold in decades of rarity: an interval alarms only when the people in one
    /// of the ``evidenceWindows`` are rarer than once per ``burstReturnPeriod`` under the usual, with the
    /// windows' tests counted apart (Bonferroni): `log10(period / interval × windows)`, 3.96 by default
    /// (about 5 people in 15 minutes when 0.1 per 5 minutes is usual).
    public var surpriseThreshold: Double {
        let intervals = max(burstReturnPeriod / max(interval, 1), 1)
        return log10(intervals * Double(max(evidenceWindows.count, 1)))
    }

    /// An ongoing alarm lasts while the people of the last quarter hour stay rarer than once per
    /// ``burstReleasePeriod`` (a day: 3.06 decades by default), counted like ``surpriseThreshold``.
    public var releaseThreshold: Double {
        let intervals = max(burstReleasePeriod / max(interval, 1), 1)
        return log10(intervals * Double(max(evidenceWindows.count, 1)))
    }

    /// The settings behind a sensitivity word.
    ///
    /// - Parameters:
    ///   - sensitivity: `low`, `balanced` or `high`.
    ///   - interval: the counting interval in seconds.
    /// - Returns: `balanced` is the default init (at most one false alarm per provider in eight days, six
    ///   people); `low` designs for one in twelve days, `high` for one in six days and four people
    ///   (earlier, at the price of more false alerts).
    public static func preset(_ sensitivity: Sensitivity, interval: TimeInterval = 300) -> DetectorSettings {
        switch sensitivity {
        case .low: DetectorSettings(interval: interval, burstReturnPeriod: 12 * 86_400)
        case .balanced: DetectorSettings(interval: interval)
        case .high: DetectorSettings(interval: interval, minimumPeople: 4, burstReturnPeriod: 6 * 86_400)
        }
    }
}
