// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

private let t0 = Date(timeIntervalSince1970: 1_735_689_600)

private func post(_ minute: Double, _ author: String, thread: String? = nil, outage: Bool = true) -> DetectorEvent {
    DetectorEvent(time: t0.addingTimeInterval(minute * 60), author: author, thread: thread, outage: outage, complaint: true)
}

@Test func oneAuthorPostingFortyTimesIsOneVoice() {
    let spam = (0..<40).map { post(Double($0) / 10, "angry") }
    let counts = VoiceCounter.count(spam, interval: 300, from: t0, to: t0.addingTimeInterval(600))
    #expect(counts.map(\.outageVoices) == [1, 0])
}

@Test func threadOfRepliesIsOneVoice() {
    let replies = (0..<15).map { post(1, "user\($0)", thread: "t1") }
    let others = [post(2, "user3"), post(2, "stranger"), post(3, "x", thread: "t2")]
    #expect(VoiceCounter.voices(in: replies + others) == 3)  // t1, t2, stranger
}

@Test func outageAndComplaintVoicesAreCountedApartPerInterval() {
    let posts = [
        post(0, "a"), post(1, "b", outage: false), post(6, "c"), post(7, "c"),
        DetectorEvent(time: t0.addingTimeInterval(8 * 60), author: "d", outage: false, complaint: false),
    ]
    let counts = VoiceCounter.count(posts, interval: 300, from: t0, to: t0.addingTimeInterval(900))
    #expect(counts.map(\.outageVoices) == [1, 1, 0])
    #expect(counts.map(\.complaintVoices) == [2, 1, 0])
    #expect(counts.map(\.start) == [t0, t0.addingTimeInterval(300), t0.addingTimeInterval(600)])
}

@Test func spammerThroughTheDetectorRaisesNothing() {
    var series = SyntheticSeries(seed: 11)
    let counts = series.ordinary(days: 10)
    let spamStart = SyntheticSeries.time(9 * SyntheticSeries.perDay + 14 * 12)
    let spam = (0..<40).map { DetectorEvent(time: spamStart.addingTimeInterval(Double($0) * 20), author: "angry", outage: true, complaint: true) }
    let spamVoices = VoiceCounter.count(
        spam, interval: 300, from: SyntheticSeries.start, to: SyntheticSeries.time(counts.count))
    let combined = zip(counts, spamVoices).map { $0 + Double($1.outageVoices) }
    #expect(SyntheticSeries.events(combined).isEmpty)
}
