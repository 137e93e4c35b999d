// SPDX-License-Identifier: Apache-2.0
import Foundation
import Yams

/// A provider's `maintenance:` list: one-off windows (`from:`/`until:` as local date and time)
/// and weekly ones (`every:` days, `from:`/`until:` as local times), each in `timezone:` or the
/// file's.
extension ConfigReader {
    static let maintenanceKeys = ["from", "until", "every", "timezone", "reason"]

    mutating func readMaintenance(_ fields: Fields, timeZone: TimeZone) -> [MaintenanceWindow] {
        guard let node = fields["maintenance"] else { return [] }
        guard case .sequence(let sequence) = node else {
            report(
                "expected a list for 'maintenance' \(fields.context), found \(Self.shape(of: node))"
                    + "; hint: list windows as '- from: 2026-12-08 22:00' lines", at: node.mark)
            return []
        }
        return sequence.enumerated().compactMap { index, item in
            readWindow(item, context: "in maintenance #\(index + 1) \(fields.context)", timeZone: timeZone)
        }
    }

    private mutating func readWindow(_ node: Node, context: String, timeZone fileZone: TimeZone) -> MaintenanceWindow? {
        guard
            let fields = fields(
                of: node, allowed: Self.maintenanceKeys, context: context,
                expected: "a mapping with from: and until: (and every: for a weekly window)")
        else { return nil }
        var zone = fileZone
        if let given = timeZone(fields, context: context) {
            guard let given else { return nil }
            zone = given
        }
        let reason = text(fields, "reason")?.value
        let from = text(fields, "from")
        let until = text(fields, "until")
        if fields["from"] == nil { reportMissing("from", in: fields) }
        if fields["until"] == nil { reportMissing("until", in: fields) }
        guard let from, let until else { return nil }
        let schedule: MaintenanceWindow.Schedule
        if fields["every"] != nil {
            guard let days = readDays(fields), let start = clock(from, context: context),
                let end = clock(until, context: context)
            else { return nil }
            guard start != end else {
                report("'from' and 'until' \(context) are the same time; hint: a window needs a length", at: until.mark)
                return nil
            }
            schedule = .weekly(days: days, from: start, until: end)
        } else {
            guard let start = instant(from, zone: zone, context: context),
                let end = instant(until, zone: zone, context: context)
            else { return nil }
            guard start < end else {
                report("'until' \(context) is not after 'from'; hint: write both as YYYY-MM-DD HH:MM", at: until.mark)
                return nil
            }
            schedule = .once(from: start, until: end)
        }
        return MaintenanceWindow(schedule: schedule, timeZone: zone, reason: reason)
    }

    /// `every:` as weekdays: English names or their first three letters, one or a list, or `day`.
    private mutating func readDays(_ fields: Fields) -> [Int]? {
        var days: [Int] = []
        for scalar in textList(fields, "every") {
            let word = scalar.value.lowercased()
            if word == "day" || word == "daily" {
                days += 1...7
            } else if let index = MaintenanceWindow.dayNames.firstIndex(where: { $0 == word || $0.prefix(3) == word }) {
                days.append(index + 1)
            } else {
                report(
                    "unknown day '\(scalar.raw)' in 'every' \(fields.context); hint: monday … sunday, mon … sun, or day",
                    at: scalar.mark)
                return nil
            }
        }
        if days.isEmpty { reportMissing("every", in: fields, hint: "a day such as sunday, a list of days, or day") }
        return days.isEmpty ? nil : Array(Set(days)).sorted()
    }

    /// `HH:MM` (00:00 to 24:00) as minutes after midnight.
    private mutating func clock(_ scalar: Scalar, context: String) -> Int? {
        let parts = scalar.value.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...23).contains(hour) && (0...59).contains(minute) || (hour == 24 && minute == 0)
        {
            return hour * 60 + minute
        }
        report(
            "expected a time of day like 02:00 for '\(scalar.raw)' \(context); hint: quote it, e.g. from: \"02:00\"",
            at: scalar.mark)
        return nil
    }

    /// `YYYY-MM-DD HH:MM` (or with `T`, seconds, `Z` or an offset) as an instant; local times are in `zone`.
    private mutating func instant(_ scalar: Scalar, zone: TimeZone, context: String) -> Date? {
        let text = scalar.value
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        for format in ["yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        let hint = text.contains(":") && !text.contains("-") ? "; hint: add 'every:' for a weekly window" : ""
        report(
            "expected a date and time like 2026-12-08 22:00 for '\(scalar.raw)' \(context)\(hint)", at: scalar.mark)
        return nil
    }
}
