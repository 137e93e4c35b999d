// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import FailwatchCore
@testable import FailwatchKit
@testable import FailwatchStore

/// An incident whose spike joined another provider's alert (`alerts: common_cause: combined`) shows its
/// cause as the alert said it and the join in words, in every format; pinned in
/// Fixtures/report/joined-incidents.txt (regenerate with RECORD_SNAPSHOTS=1 and review the diff).
@Suite struct ReportJoinedIncidentTests {
    /// The seeded week with one more event on Thursday evening: Vodafone's alert, and Deutsche
    /// Telekom's spike ten minutes later, which joined it.
    static func report() throws -> WeeklyReport {
        let store = try ReportSeed.store()
        let thursday = ReportSeed.weekStart.addingTimeInterval(3 * 86_400 + 20 * 3_600)
        try store.write("seed joined event") { db in
            for (id, provider, offset, cause, announced) in [
                ("vodafone-2", "vodafone", 0.0, "WhatsApp named in 60% of posts; Deutsche Telekom spikes too", true),
                (
                    "telekom-2", "telekom", 600.0,
                    "WhatsApp named in 55% of posts; Vodafone spikes too"
                        + IncidentRecord.inAlertOfMarker + "vodafone-2", false
                ),
            ] {
                let start = thursday.unixSeconds + Int64(offset)
                try db.execute(
                    sql: """
                        INSERT INTO incident (id, providerId, firstComplaintAt, openedAt, peakAt, peakCount, peakExpected,
                        authors, commonCause, resolvedAt, announced) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        id, provider, start, start + 600, start + 900, 14.0, 0.5, 13, cause, start + 5_400, announced,
                    ])
            }
        }
        return try ReportSeed.report(store)
    }

    /// Each format's incident part, one after the other.
    static func incidentParts(_ report: WeeklyReport) -> String {
        let markdown = ReportFormat.md.render(report)
        let section =
            markdown.components(separatedBy: "## Incidents\n").dropFirst().first?
            .components(separatedBy: "\n## ").first ?? ""
        var json = ""
        if case let .object(document) = ReportJSON.value(report), let incidents = document["incidents"] {
            json = String(decoding: incidents.encoded(pretty: true), as: UTF8.self)
        }
        return "== html ==\n" + ReportHTML.incidents(report) + "== md ==\n" + section + "\n== csv ==\n"
            + ReportCSV.incidents(report) + "== json ==\n" + json + "\n"
    }

    @Test func aJoinedIncidentSaysWhoseAlertItJoinedInEveryFormat() throws {
        let rendered = Self.incidentParts(try Self.report())
        let file = ReportGoldenTests.fixtures.appendingPathComponent("joined-incidents.txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
            || !FileManager.default.fileExists(atPath: file.path)
        {
            try Data(rendered.utf8).write(to: file)
        }
        #expect(rendered == (try String(contentsOf: file, encoding: .utf8)))
        #expect(!rendered.contains(IncidentRecord.inAlertOfMarker), "the store's marker is no reader's text")
        for format in ["html", "md", "csv", "json"] {
            let part =
                rendered.components(separatedBy: "== \(format) ==\n").last?
                .components(separatedBy: "\n== ").first ?? ""
            // HTML escapes the apostrophe.
            let words = format == "html" ? "joined Vodafone&#39;s alert" : "joined Vodafone's alert"
            #expect(part.contains(words), "\(format): \(part)")
        }
    }
}
