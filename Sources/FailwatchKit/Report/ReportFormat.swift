// SPDX-License-Identifier: Apache-2.0
import FailwatchCore

/// The formats `failwatch report` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// One self-contained page: inline CSS and SVG, no script, printable.
    case html
    /// For chat and wikis.
    case md
    /// RFC 4180: one row per provider and day, then the incidents.
    case csv
    /// `failwatch.report/1`, see docs/report-schema.md.
    case json

    /// Renders `report` in this format.
    public func render(_ report: WeeklyReport) -> String {
        switch self {
        case .html: ReportHTML.render(report)
        case .md: ReportMarkdown.render(report)
        case .csv: ReportCSV.render(report)
        case .json: ReportJSON.render(report)
        }
    }
}
