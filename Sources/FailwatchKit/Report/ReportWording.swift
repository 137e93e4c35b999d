// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// Numbers, changes, durations and times written the same way in every format.
enum ReportWording {
    /// "12,345".
    static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (value < 0 ? "−" : "") + grouped
    }

    /// "34.5%", or "–" when there is nothing to share.
    static func percent(_ share: Double?) -> String {
        guard let share else { return "–" }
        return String(format: "%.1f%%", share * 100)
    }

    /// "+12, +8%", "−3, −20%", "±0", "+4, new" (from zero), "n/a" (no data last week).
    static func change(_ current: Int, _ previous: Int?) -> String {
        guard let previous else { return "n/a" }
        let difference = current - previous
        if difference == 0 { return "±0" }
        let sign = difference > 0 ? "+" : "−"
        guard previous > 0 else { return "\(sign)\(count(abs(difference))), new" }
        let relative = Double(difference) / Double(previous) * 100
        return "\(sign)\(count(abs(difference))), \(sign)\(String(format: "%.0f", abs(relative)))%"
    }

    /// A change of a share or score in points: "+4.2 pts", "n/a".
    static func points(_ current: Double?, _ previous: Double?, scale: Double = 1) -> String {
        guard let current, let previous else { return "n/a" }
        let difference = (current - previous) * scale
        if abs(difference) < 0.05 { return "±0 pts" }
        return (difference > 0 ? "+" : "−") + String(format: "%.1f pts", abs(difference))
    }

    /// A net score: "+12", "−40", "–" without posts.
    static func score(_ value: Double?) -> String {
        guard let value else { return "–" }
        let rounded = value.rounded()
        if rounded == 0 { return "0" }
        return (rounded > 0 ? "+" : "−") + String(format: "%.0f", abs(rounded))
    }

    /// "2 d 3 h", "1 h 25 min", "12 min", "45 s".
    static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(abs(seconds).rounded())
        let days = total / 86_400
        let hours = total % 86_400 / 3600
        let minutes = total % 3600 / 60
        if days > 0 { return hours > 0 ? "\(days) d \(hours) h" : "\(days) d" }
        if hours > 0 { return minutes > 0 ? "\(hours) h \(minutes) min" : "\(hours) h" }
        if minutes > 0 { return "\(minutes) min" }
        return "\(total) s"
    }

    /// How long our alert took: "42 min", "in Kabelfix's alert" (it joined that event), "not delivered"
    /// (no sink took one).
    static func alertDelay(_ incident: IncidentSummary) -> String {
        incident.timeToAlert.map(duration)
            ?? incident.joinedAlert.map { "in \($0.provider)'s alert" } ?? "not delivered"
    }

    /// What a joined incident's alert was: "joined Kabelfix's alert"; `nil` for an incident alerted on its own.
    static func joined(_ incident: IncidentSummary) -> String? {
        incident.joinedAlert.map { "joined \($0.provider)'s alert" }
    }

    /// How long the provider took: "25 min", "10 min before the first complaint", "no official word".
    static func officialDelay(_ incident: IncidentSummary) -> String {
        guard let delay = incident.timeToOfficialWord else { return "no official word" }
        return delay < 0 ? duration(delay) + " before the first complaint" : duration(delay)
    }

    /// What kind of word and where: "status page", "official post on X", "official post".
    static func wordKind(_ statement: ReportAggregates.StatementRow) -> String {
        if statement.kind == "incident" { return "status page" }
        return statement.channel.map { "official post on \($0)" } ?? "official post"
    }

    /// For an incident without an official word, when the provider last spoke before it:
    /// "last official post on X 3 d before the first complaint (Wed 18 Nov 10:00)"; `nil`
    /// when it never spoke (or has a word for the incident).
    static func lastWordBefore(_ incident: IncidentSummary, _ zone: TimeZone) -> String? {
        guard incident.officialWord == nil, let last = incident.lastWordBefore else { return nil }
        let kind = last.kind == "incident" ? "last status page incident" : "last " + wordKind(last)
        return kind + " " + duration(incident.start.timeIntervalSince(last.createdAt)) + " before the first complaint ("
            + time(last.createdAt, zone) + ")"
    }

    /// "Tue 17 Nov 14:05" in the report's zone.
    static func time(_ date: Date, _ zone: TimeZone) -> String {
        let calendar = ReportWeek.calendar(zone)
        let parts = calendar.dateComponents([.weekday, .day, .month, .hour, .minute], from: date)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(
            format: "%@ %d %@ %02d:%02d", weekdays[((parts.weekday ?? 1) - 1) % 7], parts.day ?? 0,
            months[((parts.month ?? 1) - 1) % 12], parts.hour ?? 0, parts.minute ?? 0)
    }

    /// ISO 8601 with the zone's offset: "2026-11-17T14:05:00+01:00", for CSV and JSON.
    static func iso(_ date: Date, _ zone: TimeZone) -> String {
        let calendar = ReportWeek.calendar(zone)
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = zone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, sign, abs(offset) / 3600, abs(offset) % 3600 / 60)
    }

    /// "Mon 16 Nov – Sun 22 Nov 2026".
    static func span(_ week: ReportWeek) -> String {
        let names = week.dayNames
        let year = ReportWeek.calendar(week.timeZone).component(.year, from: week.boundaries[6])
        return "\(names[0]) – \(names[6]) \(year)"
    }

    /// The notes every format starts with: a half week, an empty week.
    static func notes(_ report: WeeklyReport) -> [String] {
        var notes: [String] = []
        if let since = report.coverageStart {
            notes.append(
                "failwatch has data only since \(time(since, report.week.timeZone)): this week is covered in part.")
        }
        if report.isEmpty { notes.append("No posts about the watched providers this week.") }
        if report.providers.contains(where: { $0.previous == nil }) && !report.providers.isEmpty {
            notes.append("No data for the week before, so no changes are given.")
        } else if let since = report.coverage.previousStart {
            notes.append(
                "failwatch has data of the week before only since \(time(since, report.week.timeZone)): changes compare with part of a week.")
        }
        let failed = report.coverage.failedSources
        if !failed.isEmpty {
            notes.append(
                "Sources that failed during the week: "
                    + failed.map { "\($0.name) (\($0.failedReads) of \($0.reads) reads)" }.joined(separator: ", ") + ".")
        }
        return notes
    }

    /// "Tue 17 Nov 02:00 – 05:00", one span of hours without data.
    static func span(_ gap: DateInterval, _ zone: TimeZone) -> String {
        let end = time(gap.end, zone)
        let sameDay = time(gap.start, zone).dropLast(6) == end.dropLast(6)
        return time(gap.start, zone) + " – " + (sameDay ? String(end.suffix(5)) : end)
    }

    static let coverageColumns = ["Source", "First stored post", "Last stored post", "Posts this week", "Failed reads this week"]

    /// One row per source under ``coverageColumns``.
    static func coverageRows(_ coverage: ReportCoverage, _ zone: TimeZone) -> [[String]] {
        coverage.sources.map { source in
            var failed = source.reads == 0 ? "no reads" : "\(count(source.failedReads)) of \(count(source.reads))"
            if let last = source.lastFailure, source.failedReads > 0 { failed += " (last: \(AlertText.clean(last, limit: 120)))" }
            return [
                AlertText.clean(source.name, limit: 120), source.firstPost.map { time($0, zone) + yearSuffix($0, zone) } ?? "none",
                source.lastPost.map { time($0, zone) + yearSuffix($0, zone) } ?? "none", count(source.postsInWeek), failed,
            ]
        }
    }

    /// " 2026": a first post can be years old; the year tells.
    private static func yearSuffix(_ date: Date, _ zone: TimeZone) -> String {
        " \(ReportWeek.calendar(zone).component(.year, from: date))"
    }

    /// "12 hours without data: Tue 17 Nov 02:00 – 05:00, …", at most `limit` spans named.
    static func gaps(_ coverage: ReportCoverage, _ zone: TimeZone, limit: Int = 8) -> String {
        let hours = coverage.hoursWithoutData
        guard hours > 0 else { return "No hour of the week without data." }
        var text = "\(count(hours)) hour\(hours == 1 ? "" : "s") without data: "
            + coverage.gaps.prefix(limit).map { span($0, zone) }.joined(separator: ", ")
        if coverage.gaps.count > limit { text += " and \(coverage.gaps.count - limit) more" }
        return text + "."
    }

    /// "Peak 34 complaints vs usual 2 (17×)".
    static func peak(_ incident: IncidentSummary) -> String {
        guard let peak = incident.peakComplaints else { return "–" }
        var text = number(peak)
        if let baseline = incident.baseline { text += " vs usual " + number(baseline) }
        if let ratio = incident.peakRatio { text += " (" + String(format: "%.0f", ratio) + "×)" }
        return text
    }

    /// Whole numbers as such, others with one decimal.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
