// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The sentences every platform shows, written once so Slack and Teams say the same thing.
/// They contain provider names (from feeds.yml) and numbers, never post text; renderers
/// still escape them.
extension AlertMessage {
    /// One line: "Vodafone: 34 outage complaints from 29 people in 10 min — usually 2".
    public var headline: String {
        let name = provider.name
        let counts =
            "\(complaints) outage complaint\(complaints == 1 ? "" : "s") from \(authors) "
            + "\(authors == 1 ? "person" : "people") in \(Self.minutes(interval))"
        switch kind {
        case .opened:
            return "\(name): \(counts) — usually \(Self.number(usual))"
        case .updated:
            return "\(name), update \(updateNumber): \(joinedPhrase)\(counts) — usually \(Self.number(usual))"
        case .resolved:
            return
                "\(name): resolved, complaints back to usual (\(complaints) in \(Self.minutes(interval)), usually \(Self.number(usual)))"
        case .test:
            return "Test alert from failwatch for \(name): \(counts) — usually \(Self.number(usual))"
        }
    }

    /// "Kabelfix joins this event — " in an update that names providers joining; else empty.
    var joinedPhrase: String {
        let names = (joined ?? []).map(\.provider.name)
        guard !names.isEmpty else { return "" }
        return CommonCause.list(names) + (names.count == 1 ? " joins" : " join") + " this event — "
    }

    /// "Kabelfix is part of this event: 14 outage complaints from 12 people in 15 min (usually 0.3);
    /// no alert of its own.", one per provider that joined.
    public var joinedLines: [String] {
        (joined ?? []).map { other in
            "\(other.provider.name) is part of this event: \(other.complaints) outage complaint"
                + "\(other.complaints == 1 ? "" : "s") from \(other.authors) \(other.authors == 1 ? "person" : "people") in "
                + "\(Self.minutes(other.interval)) (usually \(Self.number(other.usual))); no alert of its own."
        }
    }

    /// A word for the kind, for titles and the generic schema.
    public var kindLabel: String {
        switch kind {
        case .opened: "Outage suspected"
        case .updated: "Update \(updateNumber)"
        case .resolved: "Resolved"
        case .test: "Test alert"
        }
    }

    /// "complaints 34 (usually 2) · 29 people · first 14:05 Europe/Berlin"
    public var countsLine: String {
        "complaints \(complaints) in \(Self.minutes(interval)) (usually \(Self.number(usual))) · "
            + "\(authors) \(authors == 1 ? "person" : "people") · first \(time(firstComplaint))"
    }

    /// "status page: all operational · last official post 09:12 · monitoring: all probes green"
    public var officialLine: String {
        var parts: [String] = []
        parts.append("status page: \(official.statusPage ?? "not watched")")
        parts.append(lastWordPhrase)
        if let monitoring = official.monitoring { parts.append("monitoring: \(monitoring)") }
        return parts.joined(separator: " · ")
    }

    /// "last official post 09:12", or with its channel: "last official post on X 3 days ago
    /// (18 Nov 10:00): Frohe Weihnachten… · no official word yet, 23 min after the first complaint".
    public var lastWordPhrase: String {
        let silence = " · no official word yet, \(Self.age(createdAt.timeIntervalSince(firstComplaint))) after the first complaint"
        guard let post = official.lastOfficialPost else {
            return "last official post none seen" + (kind == .resolved || kind == .test ? "" : silence)
        }
        guard let channel = official.lastOfficialChannel else { return "last official post \(time(post))" }
        var phrase = "last official post on \(channel) \(Self.age(createdAt.timeIntervalSince(post))) ago (\(time(post)))"
        if let text = official.lastOfficialText?.nonEmpty { phrase += ": " + text }
        let lead = firstComplaint.timeIntervalSince(post)
        if lead > Self.officialLead, kind != .resolved {
            phrase += silence
        } else if lead > 0 {
            phrase += " · the provider spoke on \(channel) \(Self.age(lead)) before the first complaint"
        } else {
            phrase += " · the provider spoke on \(channel) \(Self.age(-lead)) after the first complaint"
        }
        return phrase
    }

    /// How long before the first complaint a post still speaks about the incident (an announcement
    /// that came first), as the weekly report counts it.
    public static let officialLead: TimeInterval = 3_600

    /// "23 min", "5 h", "3 days": how long ago, as a reader skims it.
    static func age(_ seconds: TimeInterval) -> String {
        let minutes = Int(min(max(0, seconds) / 60, 1e9).rounded(.down))
        if minutes < 120 { return "\(minutes) min" }
        if minutes < 48 * 60 { return "\(minutes / 60) h" }
        return "\(minutes / 1440) days"
    }

    /// "Suggested first statement (de): Wir wissen von …", one per language, when an incident
    /// opens (or in a test); empty otherwise.
    public var holdingLines: [(label: String, text: String)] {
        guard kind == .opened || kind == .test else { return [] }
        return (holdingStatements ?? []).map { ("Suggested first statement (\($0.language))", $0.text) }
    }

    /// Notes that change how to read the alert; empty when none applies.
    public var notes: [String] {
        var notes: [String] = []
        if silentOutage { notes.append("Silent outage: every official signal is green.") }
        if let commonCause {
            notes.append("Likely one cause: \(commonCause).")
        } else if providersAtOnce >= 2 {
            notes.append("Likely upstream: \(providersAtOnce) providers at once.")
        }
        notes += joinedLines
        if let symptoms, kind != .resolved { notes.append(Self.sentence(symptoms)) }
        if let places, kind != .resolved { notes.append(Self.sentence(places)) }
        if openingLost {
            notes.append(
                "The opening alert of this incident could not be delivered; this is the first message about incident \(incidentID).")
        } else if kind == .updated || kind == .resolved {
            notes.append("Follows the alert of incident \(incidentID).")
        }
        if kind == .test { notes.append("This is a test message; no incident exists.") }
        return notes
    }

    /// "most reported: SMS 70%" → "Most reported: SMS 70%."
    static func sentence(_ text: String) -> String {
        (text.prefix(1).uppercased() + text.dropFirst()) + (text.hasSuffix(".") ? "" : ".")
    }

    /// "sources: mastodon-stoerung, reddit-de-stoerung"
    public var sourcesLine: String { "sources: " + (sources.isEmpty ? "none" : sources.joined(separator: ", ")) }

    /// "14:05" in the message's zone, with the date when it is not the day of `createdAt`.
    public func time(_ date: Date) -> String {
        let zone = TimeZone(identifier: timeZoneID) ?? TimeZone(secondsFromGMT: 0) ?? .current
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let today = calendar.dateComponents([.year, .month, .day], from: createdAt)
        let clock = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        let sameDay = parts.year == today.year && parts.month == today.month && parts.day == today.day
        let day = String(format: "%04d-%02d-%02d ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return (sameDay ? "" : day) + clock + " " + zone.identifier
    }

    /// "10 min", "1 h", "90 s".
    public static func minutes(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded())
        if whole % 3600 == 0 && whole >= 3600 { return "\(whole / 3600) h" }
        if whole % 60 == 0 { return "\(whole / 60) min" }
        return "\(whole) s"
    }

    /// Whole numbers as such, others with one decimal: "2", "0.4".
    public static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
