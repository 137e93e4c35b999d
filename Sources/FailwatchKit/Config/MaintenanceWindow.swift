// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A time a provider announced works in (`maintenance:` of a provider in feeds.yml): alerts
/// about it are held as under a silence, and reports say that the incident fell into it.
/// Either one-off (`from`/`until` as local date and time) or weekly (`every:` days, `from`/`until`
/// as local times; an `until` at or before `from` ends the next day), in the window's time zone.
public struct MaintenanceWindow: Sendable, Equatable {
    public enum Schedule: Sendable, Equatable {
        case once(from: Date, until: Date)
        /// `days` are `Calendar` weekdays (1 = Sunday … 7 = Saturday); times are minutes after midnight.
        case weekly(days: [Int], from: Int, until: Int)
    }

    public var schedule: Schedule
    public var timeZone: TimeZone
    /// `reason:` ("fibre works in Graz"), shown with held alerts.
    public var reason: String?

    public init(schedule: Schedule, timeZone: TimeZone, reason: String? = nil) {
        self.schedule = schedule
        self.timeZone = timeZone
        self.reason = reason
    }

    /// English weekday names as feeds.yml takes them, in `Calendar` order (Sunday first).
    public static let dayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    /// Whether `date` falls into the window.
    public func contains(_ date: Date) -> Bool {
        switch schedule {
        case let .once(from, until):
            return from <= date && date < until
        case let .weekly(days, from, until):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
            guard let weekday = parts.weekday, let hour = parts.hour, let minute = parts.minute else { return false }
            let now = hour * 60 + minute
            if from < until { return days.contains(weekday) && from <= now && now < until }
            let yesterday = weekday == 1 ? 7 : weekday - 1
            return (days.contains(weekday) && now >= from) || (days.contains(yesterday) && now < until)
        }
    }

    /// "maintenance every sunday 02:00–04:00 Europe/Berlin: weekly works",
    /// "maintenance 2026-12-08 22:00–2026-12-09 02:00 Europe/Berlin".
    public var summary: String {
        let when: String
        switch schedule {
        case let .once(from, until):
            when = "\(local(from))–\(local(until))"
        case let .weekly(days, from, until):
            let names = days.count == 7 ? "day" : days.sorted().map { Self.dayNames[$0 - 1] }.joined(separator: ", ")
            when = "every \(names) \(Self.clock(from))–\(Self.clock(until))"
        }
        // Foundation on Linux names the zone written as UTC "GMT".
        let zone = timeZone.identifier == "GMT" ? "UTC" : timeZone.identifier
        return "maintenance \(when) \(zone)" + (reason.map { ": \($0)" } ?? "")
    }

    private func local(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    static func clock(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
