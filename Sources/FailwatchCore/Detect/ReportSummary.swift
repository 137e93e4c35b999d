// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What an incident's posts say beyond their number: the symptoms most reported and, among the places
/// a provider lists in feeds.yml, where reports come from.
public enum ReportSummary {
    /// "most reported: SMS 70%, calls 20%": the top three known symptoms with a share of at least 10%.
    ///
    /// - Parameter complaints: the incident's complaints (reposts are left out).
    /// - Returns: the line, or `nil` when no post has a known symptom.
    public static func symptoms(_ complaints: [Complaint]) -> String? {
        let top = topSymptoms(complaints)
        guard !top.isEmpty else { return nil }
        return "most reported: "
            + top.map { "\(label($0.symptom)) \(Int(($0.share * 100).rounded()))%" }.joined(separator: ", ")
    }

    /// The top three known symptoms with a share of at least 10%, most first.
    public static func topSymptoms(_ complaints: [Complaint]) -> [(symptom: Symptom, share: Double)] {
        var counts: [Symptom: Int] = [:]
        for complaint in complaints where !complaint.repost {
            if let symptom = complaint.symptom, symptom != .unknown { counts[symptom, default: 0] += 1 }
        }
        let total = Double(counts.values.reduce(0, +))
        guard total > 0 else { return [] }
        return counts.sorted { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }
            .map { (symptom: $0.key, share: Double($0.value) / total) }.filter { $0.share >= 0.1 }.prefix(3).map { $0 }
    }

    /// "reports from: Graz 4, Linz 2": the provider's places named in the posts, most first (up to five).
    ///
    /// - Parameters:
    ///   - complaints: the incident's complaints.
    ///   - places: the provider's `places:` (towns, regions, postcodes).
    /// - Returns: the line, or `nil` when no post names a place.
    public static func places(_ complaints: [Complaint], places: [String]) -> String? {
        let top = topPlaces(complaints, places: places)
        guard !top.isEmpty else { return nil }
        return "reports from: " + top.map { "\($0.place) \($0.count)" }.joined(separator: ", ")
    }

    /// The provider's places named in the posts with how many posts name each, most first (up to five).
    public static func topPlaces(_ complaints: [Complaint], places: [String]) -> [(place: String, count: Int)] {
        guard !places.isEmpty else { return [] }
        var counts: [String: Int] = [:]
        for complaint in complaints where !complaint.repost {
            let words = Set(complaint.text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "-" }.map(String.init))
            let text = complaint.text.lowercased()
            for place in places {
                let key = place.lowercased()
                let named = key.contains(" ") ? text.contains(key) : words.contains(key)
                if named { counts[place, default: 0] += 1 }
            }
        }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5).map { (place: $0.key, count: $0.value) }
    }

    /// The word an alert reader knows for a symptom.
    static func label(_ symptom: Symptom) -> String {
        switch symptom {
        case .internet: "internet"
        case .mobileData: "mobile data"
        case .signal: "signal"
        case .calls: "calls"
        case .sms: "SMS"
        case .tv: "TV"
        case .phone: "landline"
        case .email: "e-mail"
        case .hosting: "hosting"
        case .app: "apps"
        case .unknown: "unknown"
        }
    }
}
