// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

private let t0 = Date(timeIntervalSince1970: 1_735_689_600)

private func complaint(
    _ author: String, _ text: String, minute: Double = 0, source: String = "forum", repost: Bool = false,
    symptom: Symptom? = nil
) -> Complaint {
    Complaint(
        event: DetectorEvent(time: t0.addingTimeInterval(minute * 60), author: author, outage: true, complaint: true),
        source: source, text: text, repost: repost, symptom: symptom)
}

@Test func aRepostAddsNobody() {
    var ledger = VoiceLedger()
    let posts = [complaint("a", "netz weg"), complaint("b", "RT @a: netz weg", repost: true)]
    #expect(ledger.newVoices(in: posts, start: t0, interval: 300) == 1)
}

@Test func aPersonHeardWithinTheLastHourIsNotNewAgain() {
    var ledger = VoiceLedger()
    #expect(ledger.newVoices(in: [complaint("a", "down")], start: t0, interval: 300) == 1)
    let later = t0.addingTimeInterval(1_800)
    #expect(ledger.newVoices(in: [complaint("a", "still down", minute: 30)], start: later, interval: 300) == 0)
    // Still heard 35 minutes after the last post (an hour's window would count them twice) …
    let soon = t0.addingTimeInterval(3_900)
    #expect(ledger.newVoices(in: [complaint("a", "down", minute: 65)], start: soon, interval: 300) == 0)
    // … new again once an hour has passed since they were last heard.
    let muchLater = t0.addingTimeInterval(3_900 + 3_600)
    #expect(ledger.newVoices(in: [complaint("a", "down again", minute: 125)], start: muchLater, interval: 300) == 1)
}

@Test func aLongTextPastedByManyAccountsIsOneVoiceButShortQuestionsAreTheirAuthors() {
    let pasted = "@telco I want compensation for every outage this year, my line drops daily and support never calls back"
    let campaign = (0..<20).map { complaint("acct\($0)", pasted + " https://x.example/\($0) #\($0)") }
    let questions = (0..<20).map { complaint("asker\($0)", "is telco down?") }
    var ledger = VoiceLedger()
    #expect(ledger.newVoices(in: campaign, start: t0, interval: 300) == 1)
    var other = VoiceLedger()
    #expect(other.newVoices(in: questions, start: t0, interval: 300) == 20)
}

@Test func postsWithoutAnAuthorCountOncePerSourceAndInterval() {
    var ledger = VoiceLedger()
    let first = (0..<10).map { complaint("post:\($0)", "down? \($0)") } + [complaint("post:99", "down", source: "news")]
    #expect(ledger.newVoices(in: first, start: t0, interval: 300) == 2)
    let next = (10..<20).map { complaint("post:\($0)", "down? \($0)", minute: 5) }
    #expect(ledger.newVoices(in: next, start: t0.addingTimeInterval(300), interval: 300) == 1)
}

@Test func theLedgerSurvivesTheStoreSoAResumedRunCountsAsOneLongRun() throws {
    var ledger = VoiceLedger()
    _ = ledger.newVoices(in: [complaint("a", "down")], start: t0, interval: 300)
    var restored = try JSONDecoder().decode(VoiceLedger.self, from: JSONEncoder().encode(ledger))
    #expect(restored == ledger)
    #expect(restored.newVoices(in: [complaint("a", "down", minute: 5)], start: t0.addingTimeInterval(300), interval: 300) == 0)
}

@Test func alertsNameTheMostReportedSymptomsAndPlaces() {
    let posts =
        (0..<7).map { complaint("s\($0)", "no SMS in Graz since noon", symptom: .sms) }
        + (0..<2).map { complaint("c\($0)", "calls fail in Linz", symptom: .calls) }
        + [complaint("t", "TV gone", symptom: .tv), complaint("u", "hm", symptom: .unknown)]
        + [complaint("r", "RT no SMS in Graz", repost: true, symptom: .sms)]
    #expect(ReportSummary.symptoms(posts) == "most reported: SMS 70%, calls 20%, TV 10%")
    #expect(ReportSummary.places(posts, places: ["Graz", "Linz", "Wien"]) == "reports from: Graz 7, Linz 2")
    #expect(ReportSummary.places(posts, places: []) == nil)
    #expect(ReportSummary.symptoms([complaint("x", "down")]) == nil)
}
