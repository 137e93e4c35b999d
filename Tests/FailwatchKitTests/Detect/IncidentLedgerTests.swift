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
        var tracker = IncidentTracker(provider: id)
        let steps = (0..<8).map { index in
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
        func pass(_ range: Range<Int>) -> IncidentLedger.Pass {
            IncidentLedger.Pass(
                providerID: id, providerName: id.capitalized, interval: 300, steps: steps[range].map(\.0), counted: [],
                final: steps[range.upperBound - 1].1)
        }
        return (pass(0..<4), pass(4..<8))
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

    @Test func aProviderThatIsMerelyQuietIsNoCommonCause() throws {
        let outcomes = Self.ledger().record([
            Self.pass("kabelfix", alarms: [1, 2, 3]), Self.pass("talnetz", alarms: []),
        ])
        let opening = try #require(outcomes[0].announcements.first)
        #expect(opening.cause == nil)
        #expect(outcomes[0].incidents.first?.commonCause == nil)
    }
}
