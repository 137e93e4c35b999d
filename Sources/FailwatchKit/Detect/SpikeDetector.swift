// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Scores one provider's counts against its own normal, online, one interval at a time.
///
/// The baseline for an interval is the median of the hourly means at the same hour of the week
/// (past ``DetectorSettings/baselineWeeks``) and of the day (past ``DetectorSettings/baselineDays``),
/// learnt from counts clipped at a few standard deviations above the baseline, so an incident
/// neither poisons the baseline nor hides the next one. Counts are modelled as negative binomial
/// with a dispersion estimated from the same clipped history (a ratio of moving sums). A CUSUM
/// of the log-likelihood ratio "the level rose ``DetectorSettings/shiftRatio`` times" against
/// "the usual level" catches sharp waves in one interval and slow build-ups over many.
///
/// During the first ``DetectorSettings/warmUp`` only absolute floors alarm
/// (``DetectorSettings/coldStartFloor`` voices in an interval).
///
/// The value is the whole state: it is `Codable`, and ``observe(_:at:)`` uses only what it has
/// seen so far, so replaying a prefix of the data gives a prefix of the signals.
public struct SpikeDetector: Codable, Sendable {
    public private(set) var settings: DetectorSettings
    private var hours: [Int: HourTotal] = [:]
    private var overall = HourTotal()
    private var dispersionNumerator = 0.0
    private var dispersionDenominator = 0.0
    private var evidence = 0.0
    private var latestHour: Int?
    private var firstStart: Date?
    private var risingIntervals = 0
    private var alarmed = false

    public init(settings: DetectorSettings = DetectorSettings()) {
        self.settings = settings
    }

    /// Scores the count of the interval starting at `start` and learns from it.
    ///
    /// - Parameters:
    ///   - count: voices in the interval (feed every interval, empty ones as 0, in time order).
    ///   - start: the interval's start.
    /// - Returns: the interval's signal: baseline, tail probability, evidence and alarm.
    public mutating func observe(_ count: Double, at start: Date) -> SpikeSignal {
        let hour = Int((start.timeIntervalSince1970 / 3600).rounded(.down))
        forgetOldHours(now: hour)
        let expected = max(baselineMean(hour: hour), 0.1)
        if dispersionDenominator == 0 {
            dispersionNumerator = settings.priorDispersion * expected * expected
            dispersionDenominator = expected * expected
        }
        let dispersion = max(settings.minimumDispersion, dispersionNumerator / dispersionDenominator)
        let model = NegativeBinomial(mean: expected, dispersion: dispersion)
        let firstStart = self.firstStart ?? start
        self.firstStart = firstStart
        let alarm: Bool
        if start.timeIntervalSince(firstStart) < settings.warmUp {
            // No history to trust yet: only absolute floors.
            alarm = count >= settings.coldStartFloor && count >= settings.shiftRatio * expected
        } else {
            let ceiling = settings.evidenceCap * settings.threshold
            let increment = model.logLikelihoodRatio(of: count, ratio: settings.shiftRatio)
            evidence = min(max(0, evidence + increment), ceiling)
            risingIntervals = increment > 0 ? risingIntervals + 1 : 0
            // Persistence gates the onset only; an ongoing alarm lasts while the evidence does.
            alarm = evidence >= settings.threshold && count >= settings.minimumCount
                && (alarmed || risingIntervals >= settings.persistence)
        }
        alarmed = alarm
        learn(count, hour: hour, model: model, suspicious: evidence >= settings.threshold)
        return SpikeSignal(
            start: start, count: count, expected: expected, dispersion: dispersion,
            tailProbability: model.upperTail(count), evidence: evidence, alarm: alarm)
    }

    /// The usual count per interval for an hour, from history only.
    private func baselineMean(hour: Int) -> Double {
        var candidates: [Double] = []
        for week in stride(from: 1, through: settings.baselineWeeks, by: 1) {
            if let total = hours[hour - 168 * week] { candidates.append(total.mean) }
        }
        for day in stride(from: 1, through: settings.baselineDays, by: 1) {
            if let total = hours[hour - 24 * day] { candidates.append(total.mean) }
        }
        if !candidates.isEmpty { return Self.median(candidates) }
        if overall.intervals > 0 { return overall.mean }
        return settings.coldStartMean
    }

    /// Adds the clipped count to the history, and to the dispersion estimate unless the level is suspect.
    ///
    /// The mean learns clipped counts even during an alarm, so a lasting new normal is adopted;
    /// the dispersion does not, so one incident does not make the next look ordinary.
    private mutating func learn(_ count: Double, hour: Int, model: NegativeBinomial, suspicious: Bool) {
        let clipped = min(count, model.mean + settings.clipSigmas * model.variance.squareRoot())
        hours[hour, default: HourTotal()].sum += clipped
        hours[hour, default: HourTotal()].intervals += 1
        overall.sum += clipped
        overall.intervals += 1
        guard !suspicious else { return }
        let halfLife = max(settings.dispersionHalfLife / settings.interval, 1)
        let alpha = 1 - pow(0.5, 1 / halfLife)
        let deviation = clipped - model.mean
        dispersionNumerator += alpha * (deviation * deviation - model.mean - dispersionNumerator)
        dispersionDenominator += alpha * (model.mean * model.mean - dispersionDenominator)
    }

    /// Drops hours older than the baseline can look back.
    private mutating func forgetOldHours(now hour: Int) {
        guard latestHour != hour else { return }
        latestHour = hour
        let horizon = max(168 * settings.baselineWeeks, 24 * settings.baselineDays)
        hours = hours.filter { $0.key >= hour - horizon }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
