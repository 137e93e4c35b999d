// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import FailwatchTestSupport
import Foundation
import Testing

private let perDay = SyntheticSeries.perDay

/// Index of the first alarm at or after `from`, if any.
private func firstAlarm(_ signals: [SpikeSignal], from: Int) -> Int? {
    signals[from...].firstIndex(where: \.alarm)
}

@Test(arguments: Sensitivity.allCases)
func ordinaryNoisyFortnightRaisesNoIncident(sensitivity: Sensitivity) {
    var series = SyntheticSeries(seed: 7)
    let counts = series.ordinary(days: 14)
    let events = SyntheticSeries.events(counts, settings: .preset(sensitivity))
    #expect(events.isEmpty, "\(events.map(\.time))")
}

@Test func sharpBurstOfThirtyVoicesIsCaughtWithinTenMinutes() {
    var series = SyntheticSeries(seed: 1)
    var counts = series.ordinary(days: 10)
    let burst = 9 * perDay + 14 * 12  // day 10, 14:00
    for offset in 0..<6 { counts[burst + offset] += [12, 30, 35, 30, 20, 10][offset] }
    let signals = SyntheticSeries.signals(counts)
    #expect(firstAlarm(signals, from: 0).map { $0 >= burst } == true)
    let caught = firstAlarm(signals, from: burst)
    #expect(caught.map { $0 <= burst + 2 } == true, "caught at \(String(describing: caught))")
}

@Test func slowBuildUpIsCaught() {
    var series = SyntheticSeries(seed: 2)
    var counts = series.ordinary(days: 10)
    let begin = 9 * perDay + 10 * 12  // day 10, 10:00
    // The level creeps up over three hours to four times the usual; no single interval is extreme.
    for offset in 0..<36 {
        let usual = SyntheticSeries.usual(begin + offset, low: 0.5, high: 6)
        counts[begin + offset] = series.poisson(usual * (1 + 3 * Double(offset) / 36))
    }
    let signals = SyntheticSeries.signals(counts)
    #expect(firstAlarm(signals, from: 0).map { $0 >= begin + 6 } == true)
    let alarmed = signals[begin..<(begin + 36)].contains(where: \.alarm)
    #expect(alarmed)
    let biggestJump = signals[begin..<(begin + 36)].map { $0.count / max($0.expected, 1) }.max() ?? 0
    #expect(biggestJump < 8, "the build-up has no sharp spike")
}

@Test func sparseProviderBurstOfThirtyDistinctVoicesAlerts() {
    var series = SyntheticSeries(seed: 3)
    var counts = series.ordinary(days: 14, low: 0, high: 0.1)  // zero most hours
    #expect(counts.filter { $0 == 0 }.count > counts.count * 9 / 10)
    let burst = 13 * perDay + 20 * 12
    counts[burst] = 12
    counts[burst + 1] = 18
    let events = SyntheticSeries.events(counts)
    #expect(events.first?.kind == .opened)
    // 12 people in five minutes against almost nobody: an outage at once.
    #expect(events.first?.time == SyntheticSeries.time(burst))
    #expect(events.filter { $0.kind == .opened }.count == 1)
}

@Test func sparseProviderWithStrayComplaintsStaysSilent() {
    var series = SyntheticSeries(seed: 4)
    var counts = series.ordinary(days: 14, low: 0, high: 0.1)
    for day in 2..<14 { counts[day * perDay + 100] = 3 }  // a few voices at once, every day
    #expect(SyntheticSeries.events(counts).isEmpty)
}

@Test func secondIncidentDaysAfterTheFirstIsStillCaught() {
    var series = SyntheticSeries(seed: 5)
    var counts = series.ordinary(days: 14)
    let first = 8 * perDay + 12 * 12
    let second = 11 * perDay + 12 * 12  // three days later, same hour
    for offset in 0..<(4 * 12) { counts[first + offset] += 25 }  // a four-hour outage
    for offset in 0..<4 { counts[second + offset] += 20 }
    let opened = SyntheticSeries.events(counts).filter { $0.kind == .opened }
    #expect(opened.count == 2)
    #expect(opened.last.map { $0.time >= SyntheticSeries.time(second) } == true)
    #expect(opened.last.map { $0.time <= SyntheticSeries.time(second + 2) } == true)
}

@Test func smallerAftershockTheDayAfterABigOutageStaysQuiet() {
    var series = SyntheticSeries(seed: 5)
    var counts = series.ordinary(days: 14)
    let outage = 8 * perDay + 12 * 12
    let aftershock = 9 * perDay + 14 * 12  // a day later: people coming home to flaky lines
    for offset in 0..<(4 * 12) { counts[outage + offset] += 25 }
    for offset in 0..<4 { counts[aftershock + offset] += 16 }
    var everyWave = DetectorSettings()
    everyWave.burstRecordRatio = 0
    #expect(SyntheticSeries.events(counts).filter { $0.kind == .opened }.count == 1)
    #expect(
        SyntheticSeries.events(counts, settings: everyWave).filter { $0.kind == .opened }.count == 2,
        "without the record gate the aftershock opens an incident of its own")
}

@Test func baselineIgnoresTheIncidentItLivedThrough() {
    var series = SyntheticSeries(seed: 6)
    var counts = series.ordinary(days: 14)
    let outage = 8 * perDay + 12 * 12
    for offset in 0..<(6 * 12) { counts[outage + offset] += 60 }
    let signals = SyntheticSeries.signals(counts)
    let sameHourLater = signals[outage + 3 * perDay]
    #expect(sameHourLater.expected < 10, "baseline \(sameHourLater.expected) learnt the outage")
}

@Test func coldStartLeansOnAPriorOfOneVoiceAnInterval() {
    // No history: a steady few people are no outage, forty at once are.
    let quiet = SyntheticSeries.signals([1, 2, 1, 2, 3, 2])
    let quietAlarmed = quiet.contains(where: \.alarm)
    #expect(!quietAlarmed)
    let loud = SyntheticSeries.signals([1, 2, 1, 40])
    #expect(loud.last?.alarm == true)
}

@Test func runningOnAPrefixGivesThePrefixOfTheFullRun() throws {
    var series = SyntheticSeries(seed: 8)
    var counts = series.ordinary(days: 9)
    for offset in 0..<10 { counts[8 * perDay + 60 + offset] += 30 }
    let full = SyntheticSeries.signals(counts)
    for length in [1, 300, perDay * 8 + 61, counts.count - 1] {
        let prefix = SyntheticSeries.signals(Array(counts[..<length]))
        #expect(prefix == Array(full[..<length]))
    }
}

@Test func stateSurvivesAnEncodeDecodeRoundTrip() throws {
    var series = SyntheticSeries(seed: 9)
    var counts = series.ordinary(days: 9)
    for offset in 0..<10 { counts[8 * perDay + 60 + offset] += 30 }
    let full = SyntheticSeries.signals(counts)
    let cut = 8 * perDay
    var detector = SpikeDetector()
    for index in 0..<cut { _ = detector.observe(counts[index], at: SyntheticSeries.time(index)) }
    var restored = try JSONDecoder().decode(SpikeDetector.self, from: JSONEncoder().encode(detector))
    let resumed = (cut..<counts.count).map { restored.observe(counts[$0], at: SyntheticSeries.time($0)) }
    #expect(resumed == Array(full[cut...]))
}

@Test func presetsOrderTheirEagerness() {
    let low = DetectorSettings.preset(.low)
    let balanced = DetectorSettings.preset(.balanced)
    let high = DetectorSettings.preset(.high)
    #expect(low.surpriseThreshold > balanced.surpriseThreshold && balanced.surpriseThreshold > high.surpriseThreshold)
    #expect(low.minimumPeople >= balanced.minimumPeople && balanced.minimumPeople >= high.minimumPeople)
    #expect(low.burstReturnPeriod > balanced.burstReturnPeriod && balanced.burstReturnPeriod > high.burstReturnPeriod)
    // One false alarm in eight days, four windows of five minutes: 10^3.96 intervals.
    #expect(abs(balanced.surpriseThreshold - log10(8 * 288 * 4)) < 1e-9)
}

@Test func anUnfoldingWaveIsJudgedAgainstTheBurstsBeforeIt() {
    var series = SyntheticSeries(seed: 13)
    var counts = series.ordinary(days: 9)
    let wave = 8 * perDay + 13 * 12
    for offset in 0..<(3 * 12) { counts[wave + offset] += 15 }  // three hours of +15
    let signals = SyntheticSeries.signals(counts)
    let onset = firstAlarm(signals, from: wave)
    #expect(onset.map { $0 <= wave + 3 } == true, "onset at \(String(describing: onset))")
    // The wave has not yet entered the burst history: it is still a rare burst at its end.
    #expect(signals[wave + 3 * 12 - 1].burstPeriod >= DetectorSettings().burstReturnPeriod)
    #expect(signals[wave + 3 * 12 - 1].alarm)
}

@Test func aProviderThatBurstsEveryDayNeedsABiggerBurstToAlarm() {
    // The same +30 wave, once on a quiet history and once after a week of such waves at random hours.
    var quiet = SyntheticSeries(seed: 14)
    var noisy = SyntheticSeries(seed: 14)
    var calm = quiet.ordinary(days: 10)
    var bursty = noisy.ordinary(days: 10)
    var hours = SplitMix64(seed: 99)
    for day in 1..<9 {
        let at = day * perDay + Int.random(in: 0..<(20 * 12), using: &hours)
        for offset in 0..<(12 * 4) { bursty[at + offset] += 30 }  // four hours a day: part of its normal
    }
    let wave = 9 * perDay + 14 * 12
    for offset in 0..<6 {
        calm[wave + offset] += 30
        bursty[wave + offset] += 30
    }
    let calmSignals = SyntheticSeries.signals(calm)
    let burstySignals = SyntheticSeries.signals(bursty)
    let calmAlarmed = calmSignals[wave..<(wave + 6)].contains(where: \.alarm)
    #expect(calmAlarmed)
    // The same wave is rarer than once a week for the calm provider, everyday for the bursty one.
    #expect(calmSignals[wave + 5].burstPeriod >= DetectorSettings().burstReturnPeriod)
    #expect(burstySignals[wave + 5].burstPeriod < 86_400)
    let burstyAlarmed = burstySignals[wave..<(wave + 6)].contains(where: \.alarm)
    #expect(!burstyAlarmed)
}

@Test func aSlowStartOfTenPeopleInFifteenMinutesAlarmsWithoutAPerIntervalFloor() {
    // A sparse provider (0.1 people per five minutes), then 2, 3, 5, 4 and 4 people: no interval alone
    // holds six, but fifteen minutes hold ten against a usual of 0.3 (rarer than once in eight days).
    var series = SyntheticSeries(seed: 21)
    var counts = series.ordinary(days: 14, low: 0.1, high: 0.1)
    let start = 13 * perDay + 15 * 12
    for (offset, people) in [2.0, 3, 5, 4, 4].enumerated() { counts[start + offset] = people }
    let signals = SyntheticSeries.signals(counts)
    #expect(firstAlarm(signals, from: 0) == start + 2, "alarmed at \(String(describing: firstAlarm(signals, from: 0)))")
    #expect(signals[start + 2].people >= 6)
    #expect(signals[start + 2].count < 6, "no interval alone holds six people")
}

@Test func aHandfulOfStrayReportsInAnHourIsNoOutage() {
    // Four people within the hour against 0.1 per five minutes: rare, but fewer than six people.
    var series = SyntheticSeries(seed: 22)
    var counts = series.ordinary(days: 14, low: 0.1, high: 0.1)
    let start = 13 * perDay + 15 * 12
    for offset in [0, 3, 6, 9] { counts[start + offset] = 1 }
    let signals = SyntheticSeries.signals(counts)
    let alarmed = signals[start...].contains(where: \.alarm)
    #expect(!alarmed)
}
