// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import FailwatchKit
@testable import FailwatchCore

/// What the report says about itself: where its data comes from, what each figure means, and
/// that it can be read on a phone.
@Suite struct ReportCoverageTests {
    @Test func coverageNamesEachSourceItsFailedReadsAndTheHoursWithoutData() throws {
        let report = try ReportGoldenTests.seeded()
        let reddit = try #require(report.coverage.sources.first { $0.name == "reddit-de" })
        #expect(reddit.failedReads == 1 && reddit.reads == 1 && reddit.lastFailure == "http 503 (temporary)")
        #expect(report.coverage.failedSources.map(\.name) == ["reddit-de"])
        #expect(ReportWording.notes(report).contains("Sources that failed during the week: reddit-de (1 of 1 reads)."))
        let mastodon = try #require(report.coverage.sources.first { $0.name == "mastodon-de" })
        #expect(mastodon.firstPost.map { $0 < ReportSeed.weekStart } == true)
        #expect(mastodon.lastPost.map { $0 < ReportSeed.weekStart.addingTimeInterval(7 * 86_400) } == true)
        #expect(report.coverage.hoursWithoutData > 0)
        #expect(report.coverage.gaps.allSatisfy { $0.start >= ReportSeed.weekStart })
        let markdown = ReportFormat.md.render(report)
        #expect(markdown.contains("## What the figures rest on"))
        #expect(markdown.contains("hours without data: "))
        #expect(markdown.contains("| reddit-de | "))
    }

    @Test func hoursWithoutDataAreMergedIntoSpansUpToTheReportTime() throws {
        let week = try ReportWeek(year: 2026, week: 47, timeZone: ReportSeed.zone)
        var aggregates = ReportAggregates()
        aggregates.dataSince = week.start.addingTimeInterval(-86_400)
        let firstHour = Int64(week.start.timeIntervalSince1970) / 3600
        // Data in every hour but 02:00–05:00 on Monday; the report is made on Monday 10:30.
        aggregates.hoursWithData = Set((firstHour..<firstHour + 11).filter { !(2..<5).contains($0 - firstHour) })
        let coverage = ReportCoverage.build(week: week, aggregates: aggregates, now: week.start.addingTimeInterval(10.5 * 3600))
        #expect(coverage.hoursWithoutData == 3)
        #expect(coverage.gaps == [DateInterval(start: week.start.addingTimeInterval(7200), duration: 3 * 3600)])
        #expect(ReportWording.gaps(coverage, ReportSeed.zone) == "3 hours without data: Mon 16 Nov 02:00 – 05:00.")
        #expect(coverage.previousCovered && coverage.start == nil)
        #expect(coverage.previousStart == aggregates.dataSince, "the data begins on the Sunday before")
    }

    @Test func glossaryExplainsEveryFigureInEveryFormatAndInTheSchema() throws {
        let report = try ReportGoldenTests.seeded()
        let html = ReportFormat.html.render(report)
        let markdown = ReportFormat.md.render(report)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(ReportFormat.json.render(report).utf8)) as? [String: Any])
        let schema = try String(
            contentsOf: ReportGoldenTests.fixtures.deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/report-schema.md"),
            encoding: .utf8)
        let glossary = json["glossary"] as? [[String: String]] ?? []
        #expect(glossary.count == ReportGlossary.entries.count)
        for entry in ReportGlossary.entries {
            #expect(html.contains("<dt>\(ReportHTML.escape(entry.figure))</dt><dd>\(ReportHTML.escape(entry.meaning))</dd>"))
            #expect(markdown.contains("- **\(entry.figure)**: "), "\(entry.figure)")
            #expect(glossary.contains { $0["figure"] == entry.figure && $0["meaning"] == entry.meaning })
            #expect(schema.contains("| \(entry.figure) | \(entry.meaning) |"), "docs/report-schema.md lacks \(entry.figure)")
            #expect(entry.meaning.split(separator: ". ").count == 1, "one sentence: \(entry.figure)")
        }
        // Every column of the tables has its entry.
        for column in ["Mentions", "Outage posts", "Complaints", "Net score", "Share of voice", "Share of complaints",
                       "Incidents", "Peak complaints", "People", "Our alert after", "Provider's first word"] {
            #expect(ReportGlossary.entries.contains { $0.figure == column }, "\(column)")
        }
    }

    /// On a phone each table row becomes a card: every data cell names its column.
    @Test func everyDataCellOfAStackedTableNamesItsColumn() throws {
        let html = ReportFormat.html.render(try ReportGoldenTests.seeded())
        var tables = 0
        var rest = Substring(html)
        while let start = rest.range(of: "<table class=\"") {
            let end = try #require(rest[start.upperBound...].range(of: "</table>"))
            let table = rest[start.lowerBound..<end.upperBound]
            #expect(table.contains("stack"), "a table without the phone layout: \(table.prefix(120))")
            #expect(table.components(separatedBy: "<td>").count == 1, "a cell without its column name: \(table.prefix(120))")
            tables += 1
            rest = rest[end.upperBound...]
        }
        #expect(tables >= 4)
        #expect(!html.contains("<table>"))
        #expect(html.contains(".stack td::before{content:attr(data-label)"))
    }
}
