// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import Testing

/// The replay `backtest --db` runs is `poll` at every interval's end: the same ledger decides openings,
/// updates, joins and resolutions, values in and values out.
@Suite struct PollReplayTests {
    /// 2026-11-21T00:00:00Z.
    static let day = Date(timeIntervalSince1970: 1_795_219_200)

    /// Two quiet days of one complaint an hour; from `burst` (seconds after midnight) twelve people in
    /// nine minutes, naming the app.
    static func provider(_ name: String, burst: TimeInterval?) -> PollReplay.Provider {
        var complaints: [Complaint] = []
        for hour in -48..<14 {
            complaints.append(
                complaint(
                    "\(name)-regular\(hour + 48)", day.addingTimeInterval(Double(hour) * 3_600 + 600), "no internet"))
        }
        for person in 0..<(burst == nil ? 0 : 12) {
            complaints.append(
                complaint(
                    "\(name)-kunde\(person)", day.addingTimeInterval((burst ?? 0) + Double(person) * 45),
                    "\(name) down? WhatsApp messages stuck"))
        }
        return PollReplay.Provider(
            id: name.lowercased(), name: name, settings: DetectorSettings(), incidents: IncidentSettings(),
            complaints: complaints, start: day.addingTimeInterval(-48 * 3_600))
    }

    static func complaint(_ author: String, _ time: Date, _ text: String) -> Complaint {
        Complaint(
            event: DetectorEvent(time: time, author: author, thread: nil, outage: true, complaint: true),
            source: "forum",
            text: text, symptom: .unknown)
    }

    static let providers = [
        provider("Kabelfix", burst: 14 * 3_600), provider("Talnetz", burst: 14 * 3_600 + 600),
        provider("Quietnet", burst: nil),
    ]

    /// "kind provider #number joined" per message.
    static func lines(_ result: PollReplay.Result) -> [String] {
        result.messages.map { message in
            let announcement = message.announcement
            return "\(announcement.event.kind) \(message.providerID) #\(announcement.event.update)"
                + announcement.joined.map { " +" + $0.providerName }.joined()
        }
    }

    @Test func combinedIsOneThreadWithTheJoinAsAnUpdate() throws {
        let result = PollReplay(providers: Self.providers, combineCommonCause: true).run(
            until: Self.day.addingTimeInterval(17 * 3_600))
        let lines = Self.lines(result)
        #expect(lines.first == "opened kabelfix #0", "\(lines)")
        #expect(lines.contains("escalated kabelfix #1 +Talnetz"), "\(lines)")
        #expect(lines.last?.hasPrefix("resolved kabelfix") == true, "\(lines)")
        #expect(!lines.contains { $0.contains("talnetz") }, "\(lines)")
        // The tracker took the join's number: the thread's numbers follow each other.
        #expect(result.messages.map(\.announcement.event.update) == Array(0..<lines.count), "\(lines)")
        let talnetz = try #require(result.incidents.first { $0.providerID == "talnetz" })
        #expect(talnetz.inAlertOf == result.incidents.first?.id)
    }

    @Test func eachGivesEveryProviderItsOwnThread() throws {
        let result = PollReplay(providers: Self.providers, combineCommonCause: false).run(
            until: Self.day.addingTimeInterval(17 * 3_600))
        let lines = Self.lines(result)
        #expect(lines.filter { $0.hasPrefix("opened") } == ["opened kabelfix #0", "opened talnetz #0"], "\(lines)")
        #expect(!lines.contains { $0.contains("+") }, "\(lines)")
        #expect(result.incidents.allSatisfy { $0.inAlertOf == nil })
        let talnetz = try #require(result.messages.first { $0.providerID == "talnetz" })
        #expect(talnetz.announcement.cause?.others == ["Kabelfix"])
    }

    /// A burst whose posts all reached `poll` at 14:20 (a slow forum) is counted where poll counted it:
    /// the runs before 14:25 did not know it, and the run at 14:25 counts all twelve in its interval.
    @Test func aBurstThatArrivedLateOpensWhenPollCountedIt() throws {
        var kabelfix = Self.provider("Kabelfix", burst: 14 * 3_600)
        let arrived = Self.day.addingTimeInterval(14 * 3_600 + 1_200)
        for index in kabelfix.complaints.indices where kabelfix.complaints[index].event.author.contains("kunde") {
            kabelfix.complaints[index].countedAt = arrived
        }
        let onTime = PollReplay(providers: [Self.provider("Kabelfix", burst: 14 * 3_600)], combineCommonCause: false)
            .run(until: Self.day.addingTimeInterval(17 * 3_600))
        let late = PollReplay(providers: [kabelfix], combineCommonCause: false).run(
            until: Self.day.addingTimeInterval(17 * 3_600))

        let opening = try #require(late.messages.first { $0.announcement.event.kind == .opened })
        #expect(opening.sentAt == arrived.addingTimeInterval(300), "\(Self.lines(late))")
        #expect(opening.announcement.step.signal.start == arrived)
        #expect(opening.announcement.step.posts == 12)
        let onTimeOpening = try #require(onTime.messages.first { $0.announcement.event.kind == .opened })
        #expect(onTimeOpening.sentAt < arrived, "the same posts on time alarm before they arrived late")
        #expect(
            late.messages.allSatisfy { message in
                message.announcement.evidence.allSatisfy { $0.countedTime < message.sentAt }
            }, "no message shows a post poll had not read yet")
    }
}
