// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import Testing

/// The incident ledger is values in, values out: steps, stored incidents and complaints give incident
/// rows and announcements, with no store and no network.
@Suite struct IncidentLedgerTests {
    static let start = Date(timeIntervalSince1970: 1_795_269_600)  // 2026-11-21T14:00:00Z

    /// One provider's five-minute steps: `alarm` at the given step indices, `elevated` at others.
    static func pass(_ id: String, alarms: [Int], elevated: [Int] = []) -> IncidentLedger.Pass {
        var tracker = IncidentTracker(provider: id)
        let steps = (0..<4).map { index in
            let signal = SpikeSignal(
                start: start.addingTimeInterval(Double(index) * 300), count: alarms.contains(index) ? 8 : 0,
                expected: 0.1,
                dispersion: 0.1, tailProbability: 1e-6, surprise: alarms.contains(index) ? 6 : 0,
                alarm: alarms.contains(index), elevated: elevated.contains(index))
            let event = tracker.step(signal)
            return DetectionStep(
                signal: signal, event: event, incident: tracker.incident, posts: 0, authors: 0, sources: [:])
        }
        return IncidentLedger.Pass(
            providerID: id, providerName: id.capitalized, interval: 300, steps: steps, counted: [],
            final: tracker.incident)
    }

    /// Complaints naming the app, one per person, in the half hour before the steps end.
    static func complaints(_ id: String) -> [Complaint] {
        (0..<8).map { index in
            Complaint(
                event: DetectorEvent(
                    time: start.addingTimeInterval(Double(index) * 120), author: "\(id)\(index)", thread: nil,
                    outage: true, complaint: true),
                source: "forum", text: "WhatsApp will not load over my \(id) line")
        }
    }

    static func ledger() -> IncidentLedger {
        IncidentLedger(
            providers: [("kabelfix", "Kabelfix"), ("talnetz", "Talnetz")], stored: [:],
            complaints: ["kabelfix": complaints("kabelfix"), "talnetz": complaints("talnetz")],
            now: start.addingTimeInterval(1_200))
    }

    @Test func theFirstProviderToAlarmIsToldOfAnotherOnTheRise() throws {
        let outcomes = Self.ledger().record([
            Self.pass("kabelfix", alarms: [1, 2, 3]), Self.pass("talnetz", alarms: [2, 3], elevated: [1]),
        ])
        let opening = try #require(outcomes[0].announcements.first)
        #expect(opening.event.kind == .opened)
        #expect(opening.cause?.summary == "WhatsApp named in 100% of posts; Talnetz spikes too")
        #expect(outcomes[1].announcements.first?.cause?.others == ["Kabelfix"])
    }

    @Test func combinedCommonCauseIsOneAlertTheOthersAreRecorded() throws {
        var ledger = Self.ledger()
        ledger.combineCommonCause = true
        let outcomes = ledger.record([
            Self.pass("kabelfix", alarms: [1, 2, 3]), Self.pass("talnetz", alarms: [2, 3], elevated: [1]),
        ])
        #expect(outcomes[0].announcements.map(\.event.kind) == [.opened])
        #expect(outcomes[1].announcements.isEmpty)
        let folded = try #require(outcomes[1].incidents.first)
        #expect(!folded.announced)
        #expect(folded.commonCause?.hasSuffix("in the alert of kabelfix-1795269900") == true)
        #expect(folded.inAlertOf == "kabelfix-1795269900")
        #expect(outcomes[1].events.map(\.kind) == [.opened])
        // Joining in the run the event opened: the opening names it, no second message.
        #expect(outcomes[0].announcements.first?.joined.map(\.providerName) == ["Talnetz"])
        #expect(outcomes[0].threadUpdate == nil)
    }

    /// Eight steps in two runs of four with one tracker per provider, as the store would keep it.
    static func runs(_ id: String, alarms: [Int]) -> (IncidentLedger.Pass, IncidentLedger.Pass) {
        let steps = steps(id, alarms: alarms)
        return (pass(id, steps, 0..<4), pass(id, steps, 4..<8))
    }

    @Test func aProviderJoiningAnEventAnnouncedEarlierIsAnUpdateInItsThread() throws {
        let kabelfix = Self.runs("kabelfix", alarms: Array(1..<8))
        let talnetz = Self.runs("talnetz", alarms: [4, 5, 6, 7])
        var first = Self.ledger()
        first.combineCommonCause = true
        let before = first.record([kabelfix.0, talnetz.0])
        var second = first
        second.now = Self.start.addingTimeInterval(2_400)
        second.stored = Dictionary(uniqueKeysWithValues: before.flatMap(\.incidents).map { ($0.id, $0) })
        let outcomes = second.record([kabelfix.1, talnetz.1])

        #expect(before[0].announcements.map(\.event.kind) == [.opened])
        let update = try #require(outcomes[0].announcements.first)
        #expect(outcomes[0].announcements.count == 1)
        #expect(
            update.event.kind == .escalated && update.event.update == 1
                && update.event.incidentID == "kabelfix-1795269900")
        #expect(update.joined.map(\.providerName) == ["Talnetz"])
        #expect(update.cause?.summary == "WhatsApp named in 100% of posts; Talnetz spikes too")
        #expect(outcomes[0].threadUpdate == 1)
        #expect(outcomes[0].incidents.first { $0.id == "kabelfix-1795269900" }?.updates == 1)
        #expect(outcomes[1].announcements.isEmpty)
        #expect(outcomes[1].incidents.first?.inAlertOf == "kabelfix-1795269900")
    }

    @Test func aJoinedMessageNumberIsTakenByTheTrackerSoItsNextUpdateFollows() throws {
        var tracker = IncidentTracker(provider: "kabelfix")
        let loud = { (minutes: Double, people: Double) in
            SpikeSignal(
                start: Self.start.addingTimeInterval(minutes * 60), count: people, expected: 0.1, dispersion: 0.1,
                tailProbability: 1e-6, surprise: 6, lastHourPeople: people, alarm: true)
        }
        let first = tracker.step(loud(0, 8))
        let opened = try #require(first)
        tracker.noteMessage(1, incidentID: opened.incidentID)
        tracker.noteMessage(1, incidentID: "someone-else")
        let next = tracker.step(loud(5, 80))
        let louder = try #require(next)
        #expect(louder.kind == .escalated && louder.update == 2)
    }

    /// One tracker per provider over eight five-minute steps, alarming at `alarms`: the passes of a run
    /// over `range`, as `poll` run every five minutes hands them to the ledger.
    static func steps(_ id: String, alarms: [Int]) -> [(DetectionStep, Incident?)] {
        var tracker = IncidentTracker(provider: id)
        return (0..<8).map { index in
            let signal = SpikeSignal(
                start: start.addingTimeInterval(Double(index) * 300), count: alarms.contains(index) ? 8 : 0,
                expected: 0.1, dispersion: 0.1, tailProbability: 1e-6, surprise: alarms.contains(index) ? 6 : 0,
                alarm: alarms.contains(index))
            let event = tracker.step(signal)
            return (
                DetectionStep(
                    signal: signal, event: event, incident: tracker.incident, posts: 0, authors: 0, sources: [:]),
                tracker.incident
            )
        }
    }

    static func pass(_ id: String, _ steps: [(DetectionStep, Incident?)], _ range: Range<Int>) -> IncidentLedger.Pass {
        IncidentLedger.Pass(
            providerID: id, providerName: id.capitalized, interval: 300, steps: steps[range].map(\.0), counted: [],
            final: steps[range.upperBound - 1].1)
    }

    /// Kabelfix alarmed from 14:00 to 14:20 (its alert went out at 14:05); at 14:25 it is quiet but still open, and
    /// Talnetz alarms, its posts naming the same app. Kabelfix opened more than a quarter hour before
    /// and is not loud in this run: before, Talnetz got an opening of its own.
    @Test(arguments: [true, false])
    func aProviderSpikingAfterTheLeadEasedJoinsItsThreadWhenCombined(combined: Bool) throws {
        let kabelfix = Self.steps("kabelfix", alarms: [0, 1, 2, 3, 4])
        let talnetz = Self.steps("talnetz", alarms: [5, 6, 7])
        var ledger = Self.ledger()
        ledger.combineCommonCause = combined
        ledger.now = Self.start.addingTimeInterval(1_500)
        let before = ledger.record([Self.pass("kabelfix", kabelfix, 0..<5), Self.pass("talnetz", talnetz, 0..<5)])
        ledger.now = Self.start.addingTimeInterval(1_800)
        ledger.stored = Dictionary(uniqueKeysWithValues: before.flatMap(\.incidents).map { ($0.id, $0) })
        let outcomes = ledger.record([Self.pass("kabelfix", kabelfix, 5..<6), Self.pass("talnetz", talnetz, 5..<6)])

        #expect(before[0].announcements.map(\.event.kind) == [.opened])
        guard combined else {
            // each: unchanged, Talnetz's own opening (nobody else spikes in its quarter hour).
            #expect(outcomes[1].announcements.map(\.event.kind) == [.opened])
            #expect(outcomes[1].announcements.first?.cause == nil)
            #expect(outcomes[0].announcements.isEmpty)
            return
        }
        #expect(outcomes[1].announcements.isEmpty)
        #expect(outcomes[1].incidents.first?.inAlertOf == "kabelfix-1795269600")
        let update = try #require(outcomes[0].announcements.first)
        #expect(update.event.kind == .escalated && update.event.update == 1)
        #expect(update.joined.map(\.providerName) == ["Talnetz"])
        #expect(update.cause?.summary == "WhatsApp named in 100% of posts; Talnetz spikes too")
        #expect(outcomes[0].threadUpdate == 1)
    }

    /// Kabelfix counts ten-minute intervals: at 14:15 it has nothing new to count, its incident opened
    /// at 14:10 is open, and Talnetz (five minutes) alarms. Its pass has no steps; the update in its
    /// thread counts it up to its last interval, at its peak's usual.
    @Test func aLeadWithNothingNewToCountStillCarriesTheJoin() throws {
        var tracker = IncidentTracker(provider: "kabelfix")
        let loud = SpikeSignal(
            start: Self.start, count: 8, expected: 0.2, dispersion: 0.1, tailProbability: 1e-6, surprise: 6,
            alarm: true)
        let opening = tracker.step(loud)
        let kabelfix = IncidentLedger.Pass(
            providerID: "kabelfix", providerName: "Kabelfix", interval: 600,
            steps: [
                DetectionStep(
                    signal: loud, event: opening, incident: tracker.incident, posts: 8, authors: 8, sources: [:])
            ],
            counted: [], final: tracker.incident)
        let talnetz = Self.steps("talnetz", alarms: [2, 3])
        var ledger = Self.ledger()
        ledger.combineCommonCause = true
        ledger.now = Self.start.addingTimeInterval(600)
        let before = ledger.record([kabelfix, Self.pass("talnetz", talnetz, 0..<2)])
        ledger.now = Self.start.addingTimeInterval(900)
        ledger.stored = Dictionary(uniqueKeysWithValues: before.flatMap(\.incidents).map { ($0.id, $0) })
        var idle = kabelfix
        idle.steps = []
        let outcomes = ledger.record([idle, Self.pass("talnetz", talnetz, 2..<3)])

        #expect(before[0].announcements.map(\.event.kind) == [.opened])
        #expect(outcomes[1].announcements.isEmpty)
        #expect(outcomes[1].incidents.first?.inAlertOf == "kabelfix-1795269600")
        let update = try #require(outcomes[0].announcements.first)
        #expect(update.event.kind == .escalated && update.event.update == 1)
        #expect(update.record.id == "kabelfix-1795269600" && update.record.updates == 1)
        #expect(update.joined.map(\.providerName) == ["Talnetz"])
        #expect(update.step.signal.start == Self.start && update.step.signal.expected == 0.2)
        #expect(update.evidence.count == 5, "Kabelfix's complaints 14:00-14:10")
        #expect(outcomes[0].threadUpdate == 1)
    }

    @Test func aProviderThatIsMerelyQuietIsNoCommonCause() throws {
        let outcomes = Self.ledger().record([
            Self.pass("kabelfix", alarms: [1, 2, 3]), Self.pass("talnetz", alarms: []),
        ])
        let opening = try #require(outcomes[0].announcements.first)
        #expect(opening.cause == nil)
        #expect(outcomes[0].incidents.first?.commonCause == nil)
    }
}
