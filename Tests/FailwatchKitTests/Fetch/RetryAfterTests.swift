// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import FailwatchKit
@testable import FailwatchFetch

@Suite struct RetryAfterTests {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    @Test(arguments: [
        ("120", RetryAfter.seconds(120)),
        (" 0 ", .seconds(0)),
        ("Sun, 06 Nov 1994 08:49:37 GMT", .date(Date(timeIntervalSince1970: 784_111_777))),
        ("Sunday, 06-Nov-94 08:49:37 GMT", .date(Date(timeIntervalSince1970: 784_111_777))),
        ("Sun Nov  6 08:49:37 1994", .date(Date(timeIntervalSince1970: 784_111_777))),
    ])
    func parsesDelaySecondsAndHTTPDates(header: String, expected: RetryAfter) {
        #expect(RetryAfter(headerValue: header) == expected)
    }

    @Test(arguments: ["", "soon", "-5", "1.5", "Sun, 32 Nov 1994 08:49:37 GMT"])
    func rejectsValuesThatAreNeitherSecondsNorDates(header: String) {
        #expect(RetryAfter(headerValue: header) == nil)
    }

    @Test func secondsCountFromTheResponseTime() {
        #expect(RetryAfter.seconds(90).until(now: Self.now) == Self.now.addingTimeInterval(90))
    }

    @Test func aDateInThePastMeansRetryNow() {
        let past = Self.now.addingTimeInterval(-3600)
        let future = Self.now.addingTimeInterval(3600)
        #expect(RetryAfter.date(past).until(now: Self.now) == Self.now)
        #expect(RetryAfter.date(future).until(now: Self.now) == future)
    }
}
