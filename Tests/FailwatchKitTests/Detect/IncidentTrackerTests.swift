// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

private let t0 = Date(timeIntervalSince1970: 1_735_689_600)

private func signal(_ minute: Int, _ count: Double, alarm: Bool) -> SpikeSignal {
    SpikeSignal(
        start: t0.addingTimeInterval(Double(minute) * 60), count: count, expected: 2, dispersion: 0.3,
        tailProbability: alarm ? 1e-9 : 0.5, surprise: alarm ? 9 : 0, alarm: alarm)
}

/// Feeds (minute, count, alarm) steps and collects the events with the minute they came at.
private func run(
    _ steps: [(Int, Double, Bool)], settings: IncidentSettings = IncidentSettings(), sources: [Int: [String: Int]] = [:]
) -> [(minute: Int, event: IncidentEvent)] {
    var tracker = IncidentTracker(provider: "acme", settings: settings)
    return steps.compactMap { step in
        tracker.step(signal(step.0, step.1, alarm: step.2), sources: sources[step.0] ?? [:]).map { (step.0, $0) }
    }
}

/// Five-minute steps from `from` to `to` minutes, all with the same count and alarm.
private func span(_ from: Int, _ to: Int, _ count: Double, _ alarm: Bool) -> [(Int, Double, Bool)] {
    stride(from: from, to: to, by: 5).map { ($0, count, alarm) }
}

@Test func sustainedAlarmOpensOnceAndResolvesAfterQuietTime() {
    let events = run(span(0, 60, 20, true) + span(60, 200, 1, false))
    #expect(events.map(\.event.kind) == [.opened, .resolved])
    #expect(events.map(\.minute) == [0, 85])  // last alarm at 55, quiet for half an hour (the one default)
    #expect(events.map(\.event.idempotencyKey) == ["acme-1735689600#0", "acme-1735689600#1"])
}

@Test func doubledVolumeEscalatesTheSameIncident() {
    let events = run([(0, 10, true), (5, 15, true), (10, 20, true), (15, 30, true), (20, 35, true), (25, 90, true)])
    #expect(events.map(\.event.kind) == [.opened, .escalated, .escalated])
    #expect(events.map(\.minute) == [0, 10, 25])
    #expect(Set(events.map(\.event.incidentID)).count == 1)
    #expect(events.map(\.event.update) == [0, 1, 2])
}

@Test func aSourceJoiningWithOnePostIsNoNewsButWithSeveralAfterAQuarterHourItIs() {
    let steps = span(0, 40, 10, true)
    let sources: [Int: [String: Int]] = [0: ["mastodon": 6], 5: ["mastodon": 2, "forum": 1], 10: ["reddit": 3]]
    let events = run(steps, sources: sources)
    // reddit's three posts at minute 10 wait for the quarter hour; forum's single post never counts.
    #expect(events.map(\.event.kind) == [.opened, .escalated])
    #expect(events.map(\.minute) == [0, 15])
    #expect(events.last?.event.sources == ["mastodon", "reddit"])
}

@Test func noUpdateInTheFirstQuarterHourUnlessThePeopleDoubled() {
    // 10 people, then 15 (not double) with a new source: quiet; 20 at minute 10 is double: an update.
    let sources: [Int: [String: Int]] = [0: ["mastodon": 10], 5: ["reddit": 5]]
    let events = run([(0, 10, true), (5, 15, true), (10, 20, true)], sources: sources)
    #expect(events.map(\.event.kind) == [.opened, .escalated])
    #expect(events.map(\.minute) == [0, 10])
}

@Test func flappingWithinCoolDownDoesNotReopen() {
    // Alarm, quiet for an hour (resolved), alarm again two hours later at the same volume.
    let steps = span(0, 20, 20, true) + span(20, 180, 1, false) + span(180, 200, 20, true) + span(200, 300, 1, false)
    let events = run(steps)
    #expect(events.map(\.event.kind) == [.opened, .resolved])
}

@Test func louderWaveWithinCoolDownEscalatesTheResolvedIncident() {
    let steps = span(0, 20, 20, true) + span(20, 180, 1, false) + [(180, 45, true)]
    let events = run(steps)
    #expect(events.map(\.event.kind) == [.opened, .resolved, .escalated])
    #expect(events.map(\.event.update) == [0, 1, 2])
}

@Test func alarmAfterCoolDownOpensANewIncident() {
    let steps = span(0, 20, 20, true) + span(20, 900, 1, false) + span(900, 910, 20, true)
    let events = run(steps, settings: IncidentSettings(quietTime: 3_600, coolDown: 6 * 3_600))
    #expect(events.map(\.event.kind) == [.opened, .resolved, .opened])
    #expect(Set(events.map(\.event.incidentID)).count == 2)
}

@Test func trackerStateSurvivesEncoding() throws {
    var tracker = IncidentTracker(provider: "acme")
    _ = tracker.step(signal(0, 10, alarm: true))
    var restored = try JSONDecoder().decode(IncidentTracker.self, from: JSONEncoder().encode(tracker))
    #expect(restored.incident == tracker.incident)
    #expect(restored.step(signal(5, 25, alarm: true))?.kind == .escalated)
}

private func post(_ text: String, symptom: Symptom? = nil, minute: Int = 0) -> Complaint {
    Complaint(
        event: DetectorEvent(time: t0.addingTimeInterval(Double(minute) * 60), author: "a\(text.count)", outage: true,
            complaint: true), source: "forum", text: text, symptom: symptom)
}

@Test func twoProvidersSpikingOverOneNamedAppAreOneEvent() {
    let posts = [
        post("WhatsApp is down again, Kabelfix?", symptom: .app), post("whatsapp not sending anything", symptom: .app),
        post("Talnetz internet dead?", symptom: .internet), post("is whatsapp broken for everyone", symptom: .app),
        post("no messages going out", symptom: .unknown),
    ]
    let cause = CommonCause.assess(others: ["Kabelfix", "Talnetz"], complaints: posts)
    #expect(cause?.summary == "WhatsApp named in 60% of posts; Kabelfix and Talnetz spike too")
    #expect(CommonCause.assess(others: [], complaints: posts) == nil)
}

@Test func twoProvidersDownForTheirOwnReasonsStayTwoIncidents() {
    let posts = [
        post("Kabelfix internet down in Graz", symptom: .internet), post("no TV on Talnetz", symptom: .tv),
        post("Talnetz landline dead", symptom: .phone), post("anyone else? app says error", symptom: .app),
    ]
    #expect(CommonCause.assess(others: ["Talnetz"], complaints: posts) == nil)
    let vague = [post("nothing works, what is going on", symptom: .app), post("everything is dead", symptom: .unknown)]
    #expect(
        CommonCause.assess(others: ["Talnetz"], complaints: vague)?.summary
            == "no failure of the provider's own named; Talnetz spikes too")
}

@Test func hourlyVolumeWindowEscalatesOnTheSummedVolume() {
    // Steady 10 an interval: the summed hour doubles although no single interval does.
    let steps = span(0, 60, 10, true)
    let events = run(steps, settings: IncidentSettings(volumeWindow: 3_600))
    #expect(events.map(\.event.kind) == [.opened, .escalated, .escalated, .escalated])
    #expect(events.map(\.minute) == [0, 5, 15, 35])  // hourly volume 10 -> 20 -> 40 -> 80
}
