// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One ISO week (Monday to Monday) in the configured zone, so "last week" means the same days
/// to the reader as on their wall calendar, DST changes included (a week may have 167 or 169 hours).
public struct ReportWeek: Sendable, Equatable {
    /// The ISO week-numbering year (2027-W01 may start in December 2026).
    public var year: Int
    /// 1…52 or 53.
    public var week: Int
    public var timeZone: TimeZone
    /// Local midnight starting each day, plus the next Monday: eight instants.
    public var boundaries: [Date]

    /// Monday 00:00 local.
    public var start: Date { boundaries[0] }
    /// The next Monday 00:00 local (exclusive).
    public var end: Date { boundaries[7] }
    /// "2026-W47".
    public var label: String { String(format: "%04d-W%02d", year, week) }

    /// The week `week` of ISO year `year`.
    /// - Throws: ``ReportError/invalidWeek(_:)`` when the year has no such week.
    public init(year: Int, week: Int, timeZone: TimeZone) throws(ReportError) {
        let calendar = Self.calendar(timeZone)
        let components = DateComponents(hour: 0, weekday: 2, weekOfYear: week, yearForWeekOfYear: year)
        guard (1...53).contains(week), (1970...9999).contains(year), let monday = calendar.date(from: components),
            calendar.component(.weekOfYear, from: monday) == week,
            calendar.component(.yearForWeekOfYear, from: monday) == year
        else {
            throw .invalidWeek(String(format: "%04d-W%02d", year, week))
        }
        var boundaries = [calendar.startOfDay(for: monday)]
        for day in 1...7 {
            let noon = calendar.date(byAdding: .day, value: day, to: monday.addingTimeInterval(12 * 3600))
            boundaries.append(calendar.startOfDay(for: noon ?? monday.addingTimeInterval(Double(day) * 86_400)))
        }
        self.year = year
        self.week = week
        self.timeZone = timeZone
        self.boundaries = boundaries
    }

    /// The week that contains `date`.
    public static func containing(_ date: Date, timeZone: TimeZone) -> ReportWeek {
        let calendar = calendar(timeZone)
        let year = calendar.component(.yearForWeekOfYear, from: date)
        let week = calendar.component(.weekOfYear, from: date)
        // A date's own week always exists; the fallback only satisfies the type checker.
        return (try? ReportWeek(year: year, week: week, timeZone: timeZone))
            ?? ReportWeek(unchecked: date, timeZone: timeZone)
    }

    /// Reads `--week`: "2026-W47" (also "2026W47", lower case), "last" (the week before the one
    /// holding `now`, what a Monday cron job wants) or "this".
    public static func parse(_ text: String, now: Date, timeZone: TimeZone) throws(ReportError) -> ReportWeek {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch trimmed {
        case "last", "previous": return containing(now, timeZone: timeZone).previous
        case "this", "current": return containing(now, timeZone: timeZone)
        default: break
        }
        let parts = trimmed.replacingOccurrences(of: "-w", with: "w").split(separator: "w", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
            let year = Int(parts[0]), let week = Int(parts[1])
        else {
            throw .invalidWeek(text)
        }
        do {
            return try ReportWeek(year: year, week: week, timeZone: timeZone)
        } catch {
            throw .invalidWeek(text)
        }
    }

    /// The week before.
    public var previous: ReportWeek { Self.containing(start.addingTimeInterval(-3600), timeZone: timeZone) }

    /// Day 0…6 (Monday first) and local hour 0…23 of an instant; `nil` outside the week.
    public func position(of date: Date) -> (day: Int, hour: Int)? {
        guard date >= start, date < end else { return nil }
        var day = 0
        while day < 6 && date >= boundaries[day + 1] { day += 1 }
        return (day, Self.calendar(timeZone).component(.hour, from: date))
    }

    /// "Mon 16 Nov" for each day.
    public var dayNames: [String] {
        let calendar = Self.calendar(timeZone)
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return (0..<7).map { index in
            let parts = calendar.dateComponents([.day, .month], from: boundaries[index])
            return "\(weekdays[index]) \(parts.day ?? 0) \(months[((parts.month ?? 1) - 1) % 12])"
        }
    }

    /// "2026-11-16" of each day, for CSV and JSON.
    public var dayDates: [String] {
        let calendar = Self.calendar(timeZone)
        return (0..<7).map { index in
            let parts = calendar.dateComponents([.year, .month, .day], from: boundaries[index])
            return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        }
    }

    /// A Gregorian ISO-8601 calendar (weeks start on Monday, week 1 holds the first Thursday) in `timeZone`.
    public static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        return calendar
    }

    /// Seven 24-hour days from the start of `date`'s day; used only if the calendar refuses a real week.
    private init(unchecked date: Date, timeZone: TimeZone) {
        let start = Self.calendar(timeZone).startOfDay(for: date)
        year = 1970
        week = 1
        self.timeZone = timeZone
        boundaries = (0...7).map { start.addingTimeInterval(Double($0) * 86_400) }
    }
}
