// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchKit
import Testing

/// The cursor of newest-first APIs: a walk that stops half way keeps its floor, so the next
/// run still fetches what lies between.
@Suite struct NewestFirstCursorTests {
    static func newer(_ a: String, _ b: String) -> Bool { (Int(a) ?? 0) > (Int(b) ?? 0) }

    @Test(
        arguments: [
            // stored, run start, page values, hasNext, kept, cursor, finished
            (nil, true, ["30", "20"], true, [true, true], "\n30", false),  // first walk: no floor yet
            ("\n30", false, ["10", "5"], true, [true, true], "\n30", false),  // its later pages keep all
            ("\n30", true, ["40", "30"], true, [true, false], "40", true),  // next run: 30 became the floor
            ("10", true, ["30", "20"], true, [true, true], "10\n30", false),  // unfinished: floor stays
            ("10", true, ["30", "20"], false, [true, true], "30", true),  // no more pages: done
            ("10\n30", true, ["25", "10", "5"], true, [true, false, false], "30", true),  // reached the floor
            ("10", true, [], false, [], "10", true),  // empty page
            ("10", true, [nil, "12"], true, [true, true], "10\n12", false),  // items without a value are kept
        ] as [(String?, Bool, [String?], Bool, [Bool], String?, Bool)])
    func stepsThroughAPage(
        _ stored: String?, _ runStart: Bool, _ values: [String?], _ hasNext: Bool, _ keep: [Bool], _ cursor: String?,
        _ finished: Bool
    ) {
        let step = NewestFirstCursor(stored: stored, runStart: runStart)
            .step(values: values, hasNext: hasNext, newer: Self.newer)
        #expect(step == NewestFirstCursor.Step(keep: keep, cursor: cursor, finished: finished))
    }
}
