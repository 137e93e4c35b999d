// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Scores one provider's counts against its own normal, online, one interval at a time.
///
/// The baseline for an interval is the median of the hourly means at the same hour of the week
/// (past ``DetectorSettings/baselineWeeks``) and of the day (past ``DetectorSettings/baselineDays``),
/// learnt from counts clipped at a few standard deviations above the baseline, so an incident
/// neither poisons the baseline nor hides the next one. With little history the baseline leans on a
/// prior (``DetectorSettings/coldStartMean``, worth an hour of data).
///
/// Evidence adds up over time: the people of the latest 5, 15, 30 and 60 minutes
/// (``DetectorSettings/evidenceWindows``) are scored against the sum of the usual counts there, as
/// negative binomial with a dispersion estimated from the clipped history, so the model knows how rare
/// ten people in fifteen minutes are when 0.1 per five minutes is usual, without any per-interval floor.
/// The threshold follows from the design false-alarm rate, one per ``DetectorSettings/burstReturnPeriod``
/// (``DetectorSettings/surpriseThreshold``), and at least ``DetectorSettings/minimumPeople`` must speak.
///
/// Real counts are burstier than any such model: some providers draw a crowd every other day. So once
/// the detector knows the provider, an alarm also needs a burst that is rare for this provider, at the
/// same design rate. For each time scale of ``DetectorSettings/burstWindows`` it keeps a fading
/// histogram of past excesses (people above the baseline summed over the window) and fits a power-law
/// tail through two of its quantiles: heavy-tailed providers need a far bigger burst than providers
/// whose bursts stay small. An alarm starts when the excess at some scale is rarer than once per
/// ``DetectorSettings/burstReturnPeriod`` (and at least ``DetectorSettings/burstRecordRatio`` times
/// that scale's recent peak, so the aftershocks of a big wave stay quiet), and lasts while it stays
/// rarer than once per ``DetectorSettings/burstReleasePeriod``. Excesses join the histograms
/// ``DetectorSettings/burstLag`` late, and rare ones with a weight that shrinks with their rarity, so
/// an unfolding or past incident does not hide the next.
///
/// Until the warm-up is over and the histograms hold a warm-up's worth of history, the count model
/// alone decides.
///
/// The value is the whole state: it is `Codable`, and ``observe(_:at:)`` uses only what it has
/// seen so far, so replaying a prefix of the data gives a prefix of the signals.
public struct SpikeDetector: Codable, Sendable {
    public private(set) var settings: DetectorSettings
    private var hours: [Int: HourTotal] = [:]
    private var overall = HourTotal()
    private var dispersionNumerator = 0.0
    private var dispersionDenominator = 0.0
    private var latestHour: Int?
    private var firstStart: Date?
    private var alarmed = false
    /// The latest intervals (as many as the longest burst window holds), newest last.
    private var recent: [RecentInterval] = []
    /// One burst history per burst window.
    private var bursts: [BurstHistogram]
    /// Intervals since the last alarm (capped), to weight the excesses that overlap it.
    private var intervalsSinceAlarm = Self.longAgo
    /// Excesses waiting out ``DetectorSettings/burstLag`` before they join the burst histories, oldest first.
    private var pending: [BurstSample] = []
    /// Per burst window: the biggest excess in the burst history, fading with ``DetectorSettings/burstRecordHalfLife``.
    private var peaks: [Double]
    private static let longAgo = 1_000_000

    private struct RecentInterval: Codable, Sendable {
        var count: Double
        var expected: Double
    }

    private struct BurstSample: Codable, Sendable {
        /// Per burst window: the excess and its weight.
        var excess: [Double]
        var weight: [Double]
    }

    public init(settings: DetectorSettings = DetectorSettings()) {
        self.settings = settings
        bursts = Array(repeating: BurstHistogram(), count: settings.burstWindows.count)
        peaks = Array(repeating: 0, count: settings.burstWindows.count)
    }

    /// Scores the count of the interval starting at `start` and learns from it.
    ///
    /// - Parameters:
    ///   - count: voices in the interval (feed every interval, empty ones as 0, in time order).
    ///   - start: the interval's start.
    /// - Returns: the interval's signal: baseline, tail probability, evidence, burst rarity and alarm.
    public mutating func observe(_ count: Double, at start: Date) -> SpikeSignal {
        let hour = Int((start.timeIntervalSince1970 / 3600).rounded(.down))
        forgetOldHours(now: hour)
        let expected = max(baselineMean(hour: hour), 0.01)
        if dispersionDenominator == 0 {
            dispersionNumerator = settings.priorDispersion * expected * expected
            dispersionDenominator = expected * expected
        }
        let dispersion = max(settings.minimumDispersion, dispersionNumerator / dispersionDenominator)
        let model = NegativeBinomial(mean: expected, dispersion: dispersion)
        let firstStart = self.firstStart ?? start
        self.firstStart = firstStart
        let pastWarmUp = start.timeIntervalSince(firstStart) >= settings.warmUp
        let excess = remember(count, expected: expected)
        let evidence = windowEvidence(dispersion: dispersion)
        let rarity = pastWarmUp && knowsBursts ? burstDecades(excess) : nil
        let burst = rarity.map { period(decades: $0.max() ?? 0) }
        // The count model: are this many people rare, at some window, for the usual at this hour? Any
        // alarm also needs the last quarter hour alone to be rarer than once per release period, so an
        // incident ends soon after the reports do, not when they leave the hour window.
        let current = evidence.recentSurprise >= settings.releaseThreshold
        let counted =
            current
            && (alarmed || evidence.surprise >= settings.surpriseThreshold && evidence.people >= settings.minimumPeople)
        let alarm: Bool
        if let burst {
            // The provider's own bursts: onset needs a burst rarer than the design period (and above the
            // recent peak); an ongoing alarm lasts while bursts stay rarer than the release period.
            alarm = counted && (alarmed ? burst >= settings.burstReleasePeriod : startsAlarm(excess, decades: rarity ?? []))
        } else {
            // No burst history to trust yet: the count model alone, against the prior-weighted usual.
            alarm = counted
        }
        alarmed = alarm
        intervalsSinceAlarm = alarm ? 0 : min(intervalsSinceAlarm + 1, Self.longAgo)
        if pastWarmUp { learnBursts(excess, decades: rarity) }
        learn(count, hour: hour, model: model, suspicious: evidence.surprise >= settings.surpriseThreshold)
        return SpikeSignal(
            start: start, count: count, expected: expected, dispersion: dispersion,
            tailProbability: model.upperTail(count), surprise: evidence.surprise, people: evidence.people,
            usualPeople: evidence.usual, window: evidence.window, lastHourPeople: evidence.longest,
            burstPeriod: burst ?? 0, alarm: alarm, elevated: current)
    }

    /// The count model's verdict over the evidence windows.
    private struct WindowEvidence {
        /// The largest rarity over the windows, in decades (−log10 of the tail probability).
        var surprise = 0.0
        /// People in the most surprising window, its usual and its length in seconds.
        var people = 0.0
        var usual = 0.0
        var window: TimeInterval = 0
        /// People in the longest window.
        var longest = 0.0
        /// The largest rarity over the windows of at most a quarter hour.
        var recentSurprise = 0.0
    }

    /// Scores the people in each evidence window (the sum of the latest intervals) against the sum of their
    /// usual counts, as negative binomial with the provider's dispersion (the window's intervals taken as
    /// moving together: wider than independent ones, so a noisy provider gets no false precision).
    private func windowEvidence(dispersion: Double) -> WindowEvidence {
        var result = WindowEvidence()
        for window in settings.evidenceWindows {
            let length = max(1, Int((window / settings.interval).rounded()))
            let slice = recent.suffix(length)
            let people = slice.reduce(0) { $0 + $1.count }
            let usual = slice.reduce(0) { $0 + $1.expected }
            let tail = NegativeBinomial(mean: usual, dispersion: dispersion).upperTail(people)
            let surprise = min(-log10(max(tail, 1e-300)), 300)
            if window >= (settings.evidenceWindows.max() ?? window) { result.longest = people }
            if window <= 900 { result.recentSurprise = max(result.recentSurprise, surprise) }
            if surprise > result.surprise || result.window == 0 {
                result.surprise = surprise
                result.people = people
                result.usual = usual
                result.window = Double(slice.count) * settings.interval
            }
        }
        return result
    }

    /// Intervals summed by each burst window.
    private var windowLengths: [Int] {
        settings.burstWindows.map { max(1, Int(($0 / settings.interval).rounded())) }
    }

    /// How many recent intervals the burst and evidence windows need.
    private var recentCapacity: Int {
        let evidence = settings.evidenceWindows.map { max(1, Int(($0 / settings.interval).rounded())) }
        return max(windowLengths.max() ?? 1, evidence.max() ?? 1)
    }

    /// Keeps the interval among the recent ones and returns the excess over each burst window.
    private mutating func remember(_ count: Double, expected: Double) -> [Double] {
        let lengths = windowLengths
        recent.append(RecentInterval(count: count, expected: expected))
        let capacity = recentCapacity
        if recent.count > capacity { recent.removeFirst(recent.count - capacity) }
        return lengths.map { length in
            recent.suffix(length).reduce(0) { $0 + $1.count - $1.expected }
        }
    }

    /// Whether every burst history holds at least a warm-up's worth of intervals.
    private var knowsBursts: Bool {
        let needed = settings.warmUp / settings.interval
        return !bursts.isEmpty && bursts.allSatisfy { $0.total >= needed }
    }

    /// How rarely, by its own history, the provider sees a burst like this one, per burst window: the
    /// estimated return period in decades of intervals (3 is once in 1,000 intervals).
    ///
    /// Through the quantiles `q_ref` (exceeded with probability `p_ref`) and `q` (probability `p`) of the
    /// past excesses runs a power law `P(X > x) = p · ((x + c) / (q + c))^-a` with `c` the
    /// ``DetectorSettings/burstOffset``; the return period of an excess `x` is `1 / P(X > x)` intervals.
    private func burstDecades(_ excess: [Double]) -> [Double] {
        let usualShare = 1 - settings.burstQuantile
        let decades = log10((1 - settings.burstReferenceQuantile) / usualShare)
        let offset = max(settings.burstOffset, 1e-9)  // keeps the ratios finite
        return zip(excess, bursts).map { value, history -> Double in
            let usual = max(history.quantile(settings.burstQuantile), 0) + offset
            let routine = max(history.quantile(settings.burstReferenceQuantile), 0) + offset
            guard value + offset > 0 else { return 0 }
            let slope = decades / max(log10(usual / routine), 1e-3)
            // Capped so the period stays a finite number of seconds.
            return min(max(-log10(usualShare) + slope * log10((value + offset) / usual), 0), 12)
        }
    }

    /// Whether some time scale has a burst rarer than ``DetectorSettings/burstReturnPeriod`` that is also
    /// at least ``DetectorSettings/burstRecordRatio`` times that scale's recent peak.
    private func startsAlarm(_ excess: [Double], decades: [Double]) -> Bool {
        zip(zip(excess, decades), peaks).contains { pair, peak in
            period(decades: pair.1) >= settings.burstReturnPeriod && pair.0 >= settings.burstRecordRatio * peak
        }
    }

    /// A return period in seconds from decades of intervals.
    private func period(decades: Double) -> Double {
        settings.interval * pow(10, decades)
    }

    /// Queues the excesses and adds those older than the lag to the burst histories and peaks.
    ///
    /// An excess rarer than ``DetectorSettings/burstReleasePeriod`` (by `decades`, its rarity when it was
    /// seen) gets the ratio of the periods as its weight, at least ``DetectorSettings/rareBurstWeight``.
    /// Before the histories can say how rare a burst is, an excess that overlaps an alarm counts as
    /// little as the rarest burst, the others fully.
    private mutating func learnBursts(_ excess: [Double], decades: [Double]?) {
        let unusual = settings.burstReleasePeriod
        let least = settings.rareBurstWeight
        let weights =
            decades.map { $0.map { max(least, min(1, unusual / period(decades: $0))) } }
            ?? windowLengths.map { intervalsSinceAlarm < $0 ? least : 1 }
        pending.append(BurstSample(excess: excess, weight: weights))
        let lag = Int((settings.burstLag / settings.interval).rounded())
        let decay = pow(0.5, settings.interval / max(settings.burstHalfLife, settings.interval))
        let peakDecay = pow(0.5, settings.interval / max(settings.burstRecordHalfLife, settings.interval))
        while pending.count > lag {
            let sample = pending.removeFirst()
            for index in bursts.indices {
                bursts[index].add(sample.excess[index], weight: sample.weight[index], decay: decay)
                peaks[index] = max(peaks[index] * peakDecay, sample.excess[index])
            }
        }
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
        // Little history: what was seen so far, weighed against the prior as if it were an hour of data.
        let priorIntervals = max(3_600 / settings.interval, 1)
        return (overall.sum + priorIntervals * settings.coldStartMean) / (Double(overall.intervals) + priorIntervals)
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
