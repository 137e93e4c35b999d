// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import FailwatchKit
@testable import FailwatchCore

/// Each format of the seeded week, pinned in Fixtures/report/week.<ext> (regenerate with
/// RECORD_SNAPSHOTS=1 and review the diff), and the safety of what hostile posts become.
@Suite struct ReportGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/report")

    static func seeded() throws -> WeeklyReport { try ReportSeed.report(try ReportSeed.store()) }

    @Test(arguments: ReportFormat.allCases)
    func formatMatchesGolden(format: ReportFormat) throws {
        let rendered = format.render(try Self.seeded())
        let file = Self.fixtures.appendingPathComponent("week.\(format.rawValue)")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
            || !FileManager.default.fileExists(atPath: file.path)
        {
            try Data(rendered.utf8).write(to: file)
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(rendered == golden, "\(format.rawValue) differs from \(file.lastPathComponent)")
    }

    @Test func htmlEscapesEveryPostAndNeverLinksToScript() throws {
        let html = ReportFormat.html.render(try Self.seeded())
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>mallory"))
        #expect(html.contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("\"onmouseover"))
        #expect(!html.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
        #expect(html.contains("Content-Security-Policy"))
        #expect(!html.contains("http-equiv=\"refresh\""))
        // No external resource: the only URLs are links people click and the SVG namespace.
        #expect(!html.contains("<link") && !html.contains("@import") && !html.contains("url(") && !html.contains("<iframe"))
    }

    @Test func aTenThousandCharacterPostIsCutEverywhere() throws {
        let report = try Self.seeded()
        let posts = report.providers.flatMap { $0.terms.typical + $0.mostPositive }
        #expect(posts.allSatisfy { $0.text.count <= ReportPost.textLimit })
        for format in ReportFormat.allCases {
            #expect(!format.render(report).contains(String(repeating: "kein internet ", count: 60)))
        }
    }

    @Test func markdownCannotBeHijackedByPostText() throws {
        let markdown = ReportFormat.md.render(try Self.seeded())
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("<img"))
        #expect(!markdown.contains("@everyone"))
    }

    @Test func csvIsRFC4180WithOneRowPerProviderAndDay() throws {
        let report = try Self.seeded()
        let days = ReportCSV.days(report)
        let lines = days.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count == 1 + 7 * report.providers.count)
        #expect(!days.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 13 })
        let incidents = ReportCSV.incidents(report)
        #expect(incidents.contains(",true,likely upstream: <2> providers at once,,,2026-11-18T19:00:00+01:00,X\r\n"))
        #expect(ReportCSV.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(ReportCSV.field("-12") == "-12")
        #expect(ReportCSV.field("a,b") == "\"a,b\"")
    }

    @Test func jsonFollowsTheDocumentedSchema() throws {
        let json = ReportFormat.json.render(try Self.seeded())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "failwatch.report/1")
        let providers = try #require(object["providers"] as? [[String: Any]])
        #expect(providers.map { $0["id"] as? String } == ["vodafone", "telekom", "quiet"])
        let days = try #require(providers.first?["days"] as? [[String: Any]])
        #expect(days.count == 7 && days.first?["date"] as? String == "2026-11-16")
        let incidents = try #require(object["incidents"] as? [[String: Any]])
        #expect(incidents.first?["seconds_to_official_word"] as? Int == 2700)
        #expect(incidents.last?["official_word"] is NSNull)
    }
}
