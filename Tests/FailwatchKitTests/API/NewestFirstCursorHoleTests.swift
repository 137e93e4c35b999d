// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchKit
import Foundation
import Testing

/// The cursor of APIs that can resume below a value: a run's first page moves the floor to the
/// newest post at once, a walk cut short leaves a hole, later pages fill the newest hole.
@Suite struct NewestFirstCursorHoleTests {
    static func newer(_ a: String, _ b: String) -> Bool { (Int(a) ?? 0) > (Int(b) ?? 0) }

    @Test(
        arguments: [
            // stored, first page of a run, page values, hasNext, kept, cursor, finished
            ("10", true, ["30", "20"], true, [true, true], "30\n\n20\t10", false),  // cut short: hole 20 down to 10
            ("10", true, ["30", "20"], false, [true, true], "30", true),  // no more pages: no hole
            ("10", true, ["30", "10", "5"], true, [true, false, false], "30", true),  // reached the floor
            (nil, true, ["30", "20"], true, [true, true], "30\n\n20\t", false),  // first walk: hole down to the window
            ("10\n25", true, ["30", "20"], true, [true, true], "30\n\n20\t10", false),  // an old cursor's pending
            ("\n25", true, ["30", "20"], true, [true, false], "30", true),  // an old unfinished first walk: 25 is the floor
            ("10\n\n5\t2", true, ["30", "20"], true, [true, true], "30\n\n20\t10\n5\t2", false),  // newest hole first
            ("10\n\n5\t2", true, ["12", "10"], true, [true, false], "12\n\n5\t2", true),  // older holes stay
            ("10", true, [nil, nil], true, [true, true], "10", true),  // no value to resume from: the walk ends
            ("10", true, [], false, [], "10", true),  // nothing new
            ("30\n\n20\t10", false, ["19", "15"], true, [true, true], "30\n\n15\t10", false),  // resume moves down
            ("30\n\n20\t10", false, ["20", "19"], true, [true, true], "30\n\n19\t10", false),  // the resume post again
            ("30\n\n20\t10", false, ["12", "10", "8"], true, [true, false, false], "30", true),  // reached the end
            ("30\n\n20\t10\n5\t2", false, ["12", "10"], true, [true, false], "30\n\n5\t2", true),  // next hole remains
            ("30\n\n20\t", false, ["19"], false, [true], "30", true),  // down to the window: no more pages
            ("30", false, ["19"], true, [true], "30", true),  // no hole to fill
        ] as [(String?, Bool, [String?], Bool, [Bool], String?, Bool)])
    func pageWalksTheTopThenTheNewestHole(
        _ stored: String?, _ runStart: Bool, _ values: [String?], _ hasNext: Bool, _ keep: [Bool], _ cursor: String?,
        _ finished: Bool
    ) {
        let step = NewestFirstCursor.resumableStep(
            stored, runStart: runStart, values: values, hasNext: hasNext, newer: Self.newer)
        #expect(step == NewestFirstCursor.Step(keep: keep, cursor: cursor, finished: finished))
    }

    @Test func holesOlderThanTheWindowAreDropped() {
        let cursor = NewestFirstCursor(stored: "30\n\n20\t10\n5\t2\n4\t", runStart: true)

        let (kept, dropped) = cursor.droppingHoles(olderThan: Date(timeIntervalSince1970: 8)) {
            Int($0).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        }

        #expect(kept.stored == "30\n\n20\t10")
        #expect(dropped == [.init(resume: "5", end: "2"), .init(resume: "4", end: nil)])
    }

    @Test func tooManyHolesMergeTheOldestTwo() {
        var cursor = NewestFirstCursor(floor: "100")
        for top in stride(from: 10, through: 90, by: 10) {
            cursor.insert(.init(resume: String(top + 5), end: String(top)))
        }

        #expect(cursor.holes.count == NewestFirstCursor.maxHoles)
        #expect(cursor.holes.first == .init(resume: "95", end: "90"))
        // 25..20 and 15..10 became one: the posts between them are read again, none is lost.
        #expect(cursor.holes.last == .init(resume: "25", end: "10"))
    }

    @Test(arguments: ["10", "10\n30", "30\n\n20\t10\n5\t"])
    func storedTextReadsBackTheSame(_ text: String) {
        #expect(NewestFirstCursor(stored: text, runStart: false).stored == text)
    }
}
