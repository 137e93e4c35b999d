// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import FailwatchKit
@testable import FailwatchCore

@Suite struct ReportWeekTests {
    let berlin = ReportSeed.zone

    @Test(arguments: [
        ("2026-W47", 1_794_783_600.0, 168.0),  // an ordinary week
        ("2026-w13", 1_774_220_400.0, 167.0),  // clocks go forward on Sunday 29 March
        ("2026W43", 1_792_360_800.0, 169.0),  // clocks go back on Sunday 25 October
        ("2026-W53", 1_798_412_400.0, 168.0),  // 2026 has 53 ISO weeks; this one ends in 2027
    ])
    func weekStartsOnLocalMondayMidnightAndSpansItsRealHours(text: String, start: Double, hours: Double) throws {
        let week = try ReportWeek.parse(text, now: ReportSeed.generatedAt, timeZone: berlin)
        #expect(week.start == Date(timeIntervalSince1970: start))
        #expect(week.end.timeIntervalSince(week.start) == hours * 3600)
        #expect(week.boundaries.count == 8)
    }

    @Test func lastMeansTheWeekBeforeTheOneHoldingNow() throws {
        // Monday 23 Nov 2026 07:00 in Berlin is in W48; a Monday cron job wants W47.
        let week = try ReportWeek.parse("last", now: ReportSeed.generatedAt, timeZone: berlin)
        #expect(week.label == "2026-W47")
        #expect(try ReportWeek.parse("this", now: ReportSeed.generatedAt, timeZone: berlin).label == "2026-W48")
        // In UTC it is still Monday, so the answer does not depend on the machine's zone.
        #expect(week.previous.label == "2026-W46")
    }

    @Test func firstWeekOfTheYearMayStartInDecember() throws {
        let week = try ReportWeek(year: 2027, week: 1, timeZone: berlin)
        #expect(week.dayDates.first == "2027-01-04")
        #expect(week.previous.label == "2026-W53")
    }

    @Test(arguments: ["2025-W53", "2026-W00", "2026-47", "W47", "next", "2026-W4x", ""])
    func rejectsWhatIsNotAWeek(text: String) {
        #expect(throws: ReportError.self) { try ReportWeek.parse(text, now: ReportSeed.generatedAt, timeZone: berlin) }
    }

    @Test func positionFollowsTheWallClockAcrossTheDSTChange() throws {
        let week = try ReportWeek(year: 2026, week: 43, timeZone: berlin)
        let sunday = week.boundaries[6]
        // 02:30 CEST and, an hour later, 02:30 CET: both are hour 2 of Sunday.
        let first = sunday.addingTimeInterval(2.5 * 3600)
        let second = first.addingTimeInterval(3600)
        #expect(week.position(of: first)?.day == 6 && week.position(of: first)?.hour == 2)
        #expect(week.position(of: second)?.day == 6 && week.position(of: second)?.hour == 2)
        #expect(week.position(of: week.end) == nil)
    }
}
