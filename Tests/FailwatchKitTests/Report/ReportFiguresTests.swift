// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import Testing

@testable import FailwatchCore
@testable import FailwatchKit
@testable import FailwatchStore

/// Every number the JSON report of the seeded week prints, checked against a count of its own
/// from the store: small SQL queries written for this test, not the report's code. The HTML and
/// Markdown overviews are checked against the same counts. A figure the test does not know
/// fails it, so a new figure needs its independent count here.
@Suite struct ReportFiguresTests {
    typealias Figures = [String: Double]

    /// Numeric leaves of a JSON value by path (`providers.0.current.mentions`).
    static func leaves(_ value: Any, path: String = "") -> Figures {
        switch value {
        case let object as [String: Any]:
            return object.reduce(into: [:]) { result, entry in
                result.merge(leaves(entry.value, path: path.isEmpty ? entry.key : path + "." + entry.key)) { $1 }
            }
        case let array as [Any]:
            return array.enumerated().reduce(into: [:]) { result, entry in
                result.merge(leaves(entry.element, path: path + ".\(entry.offset)")) { $1 }
            }
        case is Bool where path.hasSuffix(".silent"):
            return [:]
        case let number as NSNumber where !path.hasSuffix(".silent"):
            return [path: number.doubleValue]
        default:
            return [:]
        }
    }

    /// The store's own answer for each figure of the report JSON, by path.
    static func expected(_ db: Database, json: [String: Any]) throws -> Figures {
        var expected: Figures = [:]
        let start = ReportSeed.weekStart.unixSeconds
        let end = start + 7 * 86_400
        // W47 has no DST change: Berlin is UTC+1 all week.
        let offset: Int64 = 3600
        expected["week.hours"] = 168
        let providers = json["providers"] as? [[String: Any]] ?? []
        let labels = ["outage", "complaint", "negative", "neutral", "positive"]
        func figures(_ prefix: String, provider: String, from: Int64, to: Int64) throws {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT pp.label, COUNT(*) AS n, TOTAL(pp.sentiment) AS s FROM post JOIN postProvider pp ON pp.postId = post.id
                    WHERE pp.providerId = ? AND COALESCE(post.published, post.fetched) >= ? AND COALESCE(post.published, post.fetched) < ?
                    GROUP BY pp.label
                    """, arguments: [provider, from, to])
            var count: [String: Double] = [:]
            var sentiment = 0.0
            for row in rows {
                count[row["label"]] = Double(row["n"] as Int)
                sentiment += row["s"] as Double
            }
            let mentions = labels.reduce(0) { $0 + (count[$1] ?? 0) }
            for label in labels { expected["\(prefix).\(label)"] = count[label] ?? 0 }
            expected["\(prefix).mentions"] = mentions
            let complaints = (count["outage"] ?? 0) + (count["complaint"] ?? 0)
            let negative = complaints + (count["negative"] ?? 0)
            expected["\(prefix).complaints"] = complaints
            if mentions > 0 {
                expected["\(prefix).net_score"] = ((count["positive"] ?? 0) - negative) * 100 / mentions
                expected["\(prefix).positive_share"] = (count["positive"] ?? 0) / mentions
                expected["\(prefix).neutral_share"] = (count["neutral"] ?? 0) / mentions
                expected["\(prefix).negative_share"] = negative / mentions
                expected["\(prefix).mean_sentiment"] = sentiment / mentions
            }
        }
        func total(_ labelsIn: String, from: Int64, to: Int64) throws -> Double {
            let ids = providers.compactMap { $0["id"] as? String }
            return Double(
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM post JOIN postProvider pp ON pp.postId = post.id
                        WHERE pp.providerId IN (\(ids.map { _ in "?" }.joined(separator: ","))) AND pp.label IN (\(labelsIn))
                        AND COALESCE(post.published, post.fetched) >= ? AND COALESCE(post.published, post.fetched) < ?
                        """, arguments: StatementArguments(ids + [from, to] as [any DatabaseValueConvertible])) ?? 0)
        }
        let all = labels.map { "'\($0)'" }.joined(separator: ",")
        let complaintLabels = "'outage','complaint'"
        for (index, provider) in providers.enumerated() {
            let id = provider["id"] as? String ?? ""
            let prefix = "providers.\(index)"
            try figures("\(prefix).current", provider: id, from: start, to: end)
            try figures("\(prefix).previous", provider: id, from: start - 7 * 86_400, to: start)
            for day in 0..<7 {
                let dayStart = start + Int64(day) * 86_400
                try figures("\(prefix).days.\(day)", provider: id, from: dayStart, to: dayStart + 86_400)
                for hour in 0..<24 { expected["\(prefix).hours.\(day).\(hour)"] = 0 }
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT (COALESCE(post.published, post.fetched) + ? - ?) / 3600 AS h, COUNT(*) AS n FROM post
                    JOIN postProvider pp ON pp.postId = post.id WHERE pp.providerId = ?
                    AND COALESCE(post.published, post.fetched) >= ? AND COALESCE(post.published, post.fetched) < ? GROUP BY h
                    """, arguments: [offset, start + offset, id, start, end])
            {
                let hour: Int = row["h"]
                expected["\(prefix).hours.\(hour / 24).\(hour % 24)"] = Double(row["n"] as Int)
            }
            for (key, weekStart, weekEnd) in [("", start, end), ("previous_", start - 7 * 86_400, start)] {
                let mine = expected["\(prefix).\(key.isEmpty ? "current" : "previous").mentions"] ?? 0
                let mineComplaints = expected["\(prefix).\(key.isEmpty ? "current" : "previous").complaints"] ?? 0
                let everyone = try total(all, from: weekStart, to: weekEnd)
                let everyComplaint = try total(complaintLabels, from: weekStart, to: weekEnd)
                if everyone > 0 { expected["\(prefix).\(key)share_of_voice"] = mine / everyone }
                if everyComplaint > 0 { expected["\(prefix).\(key)share_of_complaints"] = mineComplaints / everyComplaint }
            }
            let weekComplaints = expected["\(prefix).current.complaints"] ?? 0
            expected["\(prefix).complaints_total"] = weekComplaints
            expected["\(prefix).terms_sampled"] = weekComplaints
            // Terms and phrases: complaints of the week whose words hold the term.
            for key in ["terms", "phrases"] {
                for (rank, item) in (provider[key] as? [[String: Any]] ?? []).enumerated() {
                    let term = item[key == "terms" ? "term" : "phrase"] as? String ?? ""
                    expected["\(prefix).\(key).\(rank).count"] = Double(
                        try Int.fetchOne(
                            db,
                            sql: """
                                SELECT COUNT(*) FROM post JOIN postProvider pp ON pp.postId = post.id
                                WHERE pp.providerId = ? AND pp.label IN ('outage','complaint') AND post.published >= ? AND post.published < ?
                                AND ' ' || lower(substr(post.text, 1, 1000)) || ' ' LIKE '% ' || ? || ' %'
                                """, arguments: [id, start, end, term]) ?? 0)
                }
            }
            for (key, column) in [("sources", "post.sourceName"), ("networks", "source.kind"), ("languages", "COALESCE(post.language, 'unknown')")] {
                for (rank, item) in (provider[key] as? [[String: Any]] ?? []).enumerated() {
                    let name = item[key == "languages" ? "code" : "name"] as? String ?? ""
                    expected["\(prefix).\(key).\(rank).count"] = Double(
                        try Int.fetchOne(
                            db,
                            sql: """
                                SELECT COUNT(*) FROM post JOIN postProvider pp ON pp.postId = post.id JOIN source ON source.name = post.sourceName
                                WHERE pp.providerId = ? AND post.published >= ? AND post.published < ? AND \(column) = ?
                                """, arguments: [id, start, end, name]) ?? 0)
                }
            }
            // Example posts: their id and sentiment as stored; the most positive are the top by sentiment.
            let top = try Row.fetchAll(
                db,
                sql: """
                    SELECT post.id, pp.sentiment FROM post JOIN postProvider pp ON pp.postId = post.id
                    WHERE pp.providerId = ? AND pp.label = 'positive' AND post.published >= ? AND post.published < ?
                    ORDER BY pp.sentiment DESC, post.id LIMIT 3
                    """, arguments: [id, start, end])
            for (rank, row) in top.enumerated() {
                expected["\(prefix).most_positive.\(rank).id"] = Double(row["id"] as Int64)
                expected["\(prefix).most_positive.\(rank).sentiment"] = row["sentiment"]
            }
            for (rank, post) in (provider["typical_complaints"] as? [[String: Any]] ?? []).enumerated() {
                let postID = post["id"] as? Int ?? -1
                let row = try Row.fetchOne(
                    db, sql: "SELECT sentiment FROM postProvider WHERE postId = ? AND providerId = ? AND label IN ('outage','complaint')",
                    arguments: [postID, id])
                if let row {
                    expected["\(prefix).typical_complaints.\(rank).id"] = Double(postID)
                    expected["\(prefix).typical_complaints.\(rank).sentiment"] = row["sentiment"]
                }
            }
        }
        for (index, incident) in (json["incidents"] as? [[String: Any]] ?? []).enumerated() {
            let prefix = "incidents.\(index)"
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM incident WHERE id = ?", arguments: [incident["id"] as? String])
            else { continue }
            let first: Int64 = row["firstComplaintAt"]
            if let resolved = row["resolvedAt"] as Int64? { expected["\(prefix).duration_seconds"] = Double(resolved - first) }
            expected["\(prefix).peak_complaints"] = row["peakCount"]
            expected["\(prefix).baseline"] = row["peakExpected"]
            expected["\(prefix).authors"] = Double(row["authors"] as Int)
            if let delivered = try Int64.fetchOne(
                db, sql: "SELECT MIN(deliveredAt) FROM outbox WHERE incidentId = ? AND status = 'delivered'", arguments: [row["id"] as String])
            {
                expected["\(prefix).seconds_to_alert"] = Double(delivered - first)
            }
            let scope = (row["providerId"] as String) == "vodafone" ? "OR sourceName = 'vodafone-status'" : ""
            if let word = try Int64.fetchOne(
                db,
                sql: """
                    SELECT MIN(createdAt) FROM statement WHERE kind IN ('incident', 'post') AND createdAt >= ? - 3600
                    AND createdAt <= COALESCE(?, ?) AND (providerId = ? \(scope))
                    """, arguments: [first, row["resolvedAt"] as Int64?, ReportSeed.generatedAt.unixSeconds, row["providerId"] as String])
            {
                expected["\(prefix).seconds_to_official_word"] = Double(word - first)
            }
        }
        let now = ReportSeed.generatedAt.unixSeconds
        let covered = Set(
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT COALESCE(published, fetched) / 3600 FROM post
                    UNION SELECT r.startedAt / 3600 FROM run r JOIN sourceRun s ON s.runId = r.id WHERE s.outcome IN ('ok', 'not-modified')
                    """))
        expected["coverage.hours_without_data"] = Double((start / 3600..<min(end, now) / 3600).filter { !covered.contains($0) }.count)
        for (index, source) in ((json["coverage"] as? [String: Any])?["sources"] as? [[String: Any]] ?? []).enumerated() {
            let name = source["name"] as? String ?? ""
            expected["coverage.sources.\(index).posts_in_week"] = Double(
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM post WHERE sourceName = ? AND COALESCE(published, fetched) >= ? AND COALESCE(published, fetched) < ?",
                    arguments: [name, start, end]) ?? 0)
            let reads = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS n, TOTAL(outcome = 'failed') AS failed FROM sourceRun s JOIN run r ON r.id = s.runId
                    WHERE s.sourceName = ? AND r.startedAt >= ? AND r.startedAt < ?
                    """, arguments: [name, start, end])
            expected["coverage.sources.\(index).reads"] = Double(reads?["n"] as Int? ?? 0)
            expected["coverage.sources.\(index).failed_reads"] = reads?["failed"] as Double? ?? 0
        }
        return expected
    }

    @Test func everyFigureOfTheJSONReportMatchesTheStore() throws {
        let store = try ReportSeed.store()
        let report = try ReportSeed.report(store)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ReportFormat.json.render(report).utf8)) as? [String: Any])
        let shown = Self.leaves(json)
        let expected = try store.read("figures") { db in try Self.expected(db, json: json) }

        let unchecked = shown.keys.filter { expected[$0] == nil }.sorted()
        #expect(unchecked.isEmpty, "figures without an independent count: \(unchecked)")
        // Shown rounded to 4 decimals.
        let wrong = shown.filter { path, value in expected[path].map { abs($0 - value) > 0.000_051 } ?? false }.keys.sorted()
        #expect(wrong.isEmpty, "figures that differ from the store: \(wrong.map { "\($0): \(shown[$0] ?? .nan) vs \(expected[$0] ?? .nan)" })")
        let missing = expected.keys.filter { shown[$0] == nil }.sorted()
        #expect(missing.isEmpty, "counts the report does not show: \(missing)")
        // The seeded week holds 889 figures; every one is checked.
        #expect(shown.count > 800)
        print("report figures checked against the store: \(shown.count - unchecked.count) of \(shown.count)")
    }

    /// The overview rows of the Markdown and HTML reports show the same counts as the store.
    @Test func overviewRowsOfMarkdownAndHTMLMatchTheStore() throws {
        let store = try ReportSeed.store()
        let report = try ReportSeed.report(store)
        let markdown = ReportFormat.md.render(report)
        let html = ReportFormat.html.render(report)
        let start = ReportSeed.weekStart.unixSeconds
        for provider in ReportSeed.providers {
            let counts = try store.read("counts") { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) AS mentions, TOTAL(pp.label = 'outage') AS outages, TOTAL(pp.label IN ('outage','complaint')) AS complaints
                        FROM post JOIN postProvider pp ON pp.postId = post.id WHERE pp.providerId = ? AND post.published >= ? AND post.published < ?
                        """, arguments: [provider.id, start, start + 7 * 86_400])
            }
            let mentions: Int = counts?["mentions"] ?? -1
            let outages = Int(counts?["outages"] as Double? ?? -1)
            let complaints = Int(counts?["complaints"] as Double? ?? -1)
            let row = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| \(provider.name) |") })
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(cells[1].hasPrefix("\(mentions) ") && cells[2].hasPrefix("\(outages) ") && cells[3].hasPrefix("\(complaints) "), "\(row)")
            let incidents = report.incidents.filter { $0.providerID == provider.id }.count
            #expect(cells[8] == "\(incidents)")
            for (label, value) in [("Mentions", mentions), ("Outage posts", outages), ("Complaints", complaints)] {
                #expect(html.contains("<td data-label=\"\(label)\">\(value)<br>"), "\(provider.name) \(label) \(value)")
            }
        }
    }
}
