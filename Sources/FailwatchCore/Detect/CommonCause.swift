// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Several watched providers spiking within the same quarter hour, with posts that blame one app or
/// service, or that name no failure of a provider's own (no line, no signal): one event, not several
/// outages. When a messenger app is down, people blame their ISPs; every alert should say so.
public struct CommonCause: Codable, Hashable, Sendable {
    /// The other providers spiking too (display names, in the order given).
    public var others: [String]
    /// The app or service most posts name, if one is named in at least ``namedShare`` of them.
    public var service: String?
    /// The share of posts naming it.
    public var share: Double

    /// Providers' alarms this close together are one event.
    public static let window: TimeInterval = 900
    /// A service counts as named when at least this share of the posts name it.
    public static let namedShare = 0.2
    /// Symptoms that are a provider's own failure; posts with others (an app, unknown) may blame anyone.
    static let providerSymptoms: Set<Symptom> = [.internet, .mobileData, .signal, .calls, .sms, .tv, .phone, .email, .hosting]

    /// Apps and services people blame when "everything" is down, as they write them.
    public static let services = [
        "WhatsApp", "Instagram", "Facebook", "Messenger", "Signal", "Telegram", "TikTok", "Snapchat", "YouTube",
        "Netflix", "Spotify", "Disney+", "Twitch", "Discord", "Steam", "PlayStation", "Xbox", "Google", "Gmail",
        "Outlook", "Microsoft", "Teams", "Zoom", "iCloud", "Apple", "AWS", "Cloudflare", "Azure",
    ]

    /// One line for the alert: "WhatsApp named in 60% of posts; Kabelfix and Talnetz spike too".
    public var summary: String {
        let spiking = Self.list(others) + (others.count == 1 ? " spikes too" : " spike too")
        guard let service else { return "no failure of the provider's own named; \(spiking)" }
        return "\(service) named in \(Int((share * 100).rounded()))% of posts; \(spiking)"
    }

    /// Judges whether a provider's spike shares its cause with other providers'.
    ///
    /// - Parameters:
    ///   - others: display names of the other providers alarming within ``window`` of this one.
    ///   - complaints: the posts of every provider spiking together (this one's and the others').
    /// - Returns: the common cause, or `nil` when nobody else spikes or the posts name the providers'
    ///   own failures (two ISPs down at once for their own reasons stay two incidents).
    public static func assess(others: [String], complaints: [Complaint]) -> CommonCause? {
        guard !others.isEmpty, !complaints.isEmpty else { return nil }
        var named: [String: Int] = [:]
        for complaint in complaints {
            let text = " " + complaint.text.lowercased() + " "
            for service in services where mentions(text, service.lowercased()) { named[service, default: 0] += 1 }
        }
        let total = Double(complaints.count)
        if let top = named.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), Double(top.value) / total >= namedShare {
            return CommonCause(others: others, service: top.key, share: Double(top.value) / total)
        }
        let known = complaints.compactMap(\.symptom).filter { $0 != .unknown }
        let own = known.filter { providerSymptoms.contains($0) }.count
        guard !known.isEmpty, Double(own) / Double(known.count) < 0.5 else { return nil }
        return CommonCause(others: others, service: nil, share: 0)
    }

    /// Whether `word` stands in `text` as a word of its own ("teams" but not "steams").
    private static func mentions(_ text: String, _ word: String) -> Bool {
        var search = text.startIndex..<text.endIndex
        while let found = text.range(of: word, range: search) {
            let before = text[text.index(before: found.lowerBound)]
            let after = found.upperBound < text.endIndex ? text[found.upperBound] : " "
            if !before.isLetter && !before.isNumber && !after.isLetter && !after.isNumber { return true }
            search = found.upperBound..<text.endIndex
        }
        return false
    }

    /// "Kabelfix", "Kabelfix and Talnetz", "A, B and C".
    static func list(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
    }
}
