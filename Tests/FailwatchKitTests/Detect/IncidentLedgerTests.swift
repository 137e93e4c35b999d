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
        #expect(outcomes[1].events.map(\.kind) == [.opened])
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
