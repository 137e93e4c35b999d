// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// The report as RFC 4180 CSV for spreadsheets: one row per provider and day, and a second
/// table of incidents. Lines end in CRLF; fields with a comma, quote or line break are quoted.
/// Cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) get a leading `'`.
public enum ReportCSV {
    /// Both tables, the incidents after one empty line (for a single file on stdout).
    static func render(_ report: WeeklyReport) -> String {
        days(report) + "\r\n" + incidents(report)
    }

    /// One row per provider and day.
    public static func days(_ report: WeeklyReport) -> String {
        var rows = [
            [
                "week", "date", "provider_id", "provider", "mentions", "outage", "complaint", "negative", "neutral",
                "positive", "complaints", "net_score", "mean_sentiment",
            ]
        ]
        let dates = report.week.dayDates
        for provider in report.providers {
            for (day, figures) in provider.days.enumerated() {
                rows.append(
                    [report.week.label, dates[day], provider.id, provider.name, "\(figures.mentions)"]
                        + Label.allCases.map { "\(figures.counts[$0] ?? 0)" }
                        + ["\(figures.complaints)", decimal(figures.netScore, digits: 1), decimal(figures.meanSentiment, digits: 3)])
            }
        }
        return table(rows)
    }

    /// One row per incident.
    public static func incidents(_ report: WeeklyReport) -> String {
        let zone = report.week.timeZone
        var rows = [
            [
                "week", "incident_id", "provider_id", "provider", "first_complaint", "detected", "alerted", "peak", "end",
                "duration_minutes", "peak_complaints", "baseline", "authors", "minutes_to_alert",
                "minutes_to_official_word", "official_word_kind", "official_word_title", "official_word_url", "silent",
                "common_cause", "held_by", "official_word_channel", "last_word_before", "last_word_before_channel",
            ]
        ]
        for incident in report.incidents {
            rows.append([
                report.week.label, incident.id, incident.providerID, incident.providerName,
                ReportWording.iso(incident.start, zone), ReportWording.iso(incident.detectedAt, zone), incident.alertedAt.map { ReportWording.iso($0, zone) } ?? "",
                incident.peakAt.map { ReportWording.iso($0, zone) } ?? "", incident.end.map { ReportWording.iso($0, zone) } ?? "",
                decimal(incident.duration.map { $0 / 60 }, digits: 0), decimal(incident.peakComplaints, digits: 1),
                decimal(incident.baseline, digits: 1), "\(incident.authors)", decimal(incident.timeToAlert.map { $0 / 60 }, digits: 0),
                decimal(incident.timeToOfficialWord.map { $0 / 60 }, digits: 0), incident.officialWord?.kind ?? "",
                incident.officialWord.map { AlertText.clean($0.title, limit: 300) } ?? "",
                incident.officialWord?.url.flatMap(ReportPost.safeLink) ?? "", incident.silent ? "true" : "false",
                [incident.commonCause, ReportWording.joined(incident)].compactMap { $0 }.map {
                    AlertText.clean($0, limit: 300)
                }.joined(separator: "; "),
                incident.heldBy.map { AlertText.clean($0, limit: 300) } ?? "",
                incident.officialWord?.channel ?? "", incident.lastWordBefore.map { ReportWording.iso($0.createdAt, zone) } ?? "",
                incident.lastWordBefore?.channel ?? "",
            ])
        }
        return table(rows)
    }

    private static func table(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One RFC 4180 field.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(value) == nil {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A plain decimal with a dot, empty when absent.
    static func decimal(_ value: Double?, digits: Int) -> String {
        guard let value, value.isFinite else { return "" }
        let text = String(format: "%.\(digits)f", value)
        return text == "-0" || text.hasPrefix("-0.") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}
