// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import GRDB

extension AppDatabase {
    /// Everything a weekly report needs, grouped by SQL so a store of millions of posts answers
    /// with a few thousand rows; only the example posts and a bounded sample of complaint texts
    /// (for the terms) are read as text.
    ///
    /// - Parameters:
    ///   - week: the report week; the week before is counted too, for the changes.
    ///   - providers: whose posts to count, and whose names are not "terms".
    ///   - termSample: at most this many complaints per provider are read for terms (every k-th by id).
    ///   - examples: typical complaints and most positive posts per provider.
    public func reportAggregates(
        week: ReportWeek, providers: [ProviderTerms], termSample: Int = 3000, examples: Int = 3
    ) throws(StoreError) -> ReportAggregates {
        try read("read report") { db in
            var result = ReportAggregates()
            guard !providers.isEmpty else { return result }
            let previous = week.previous
            let ids = providers.map(\.id)
            var arguments: [String: (any DatabaseValueConvertible)?] = [:]
            for (index, id) in ids.enumerated() { arguments["p\(index)"] = id }
            let idList = ids.indices.map { ":p\($0)" }.joined(separator: ", ")
            arguments["from"] = previous.start.unixSeconds
            arguments["start"] = week.start.unixSeconds
            arguments["end"] = week.end.unixSeconds
            let named = StatementArguments(arguments)

            // Posts of a span by their time: dated posts through the `published` index
            // (covering: id and time only), undated ones by when they were fetched. Every query
            // walks the span first (CROSS JOIN fixes the order) and finds each post's verdicts
            // by post id; `+providerId` keeps SQLite from starting at all of a provider's posts.
            func span(_ from: String) -> String {
                """
                WITH span AS (
                    SELECT id, published AS t FROM post WHERE published >= :\(from) AND published < :end
                    UNION ALL
                    SELECT id, fetched AS t FROM post WHERE published IS NULL AND fetched >= :\(from) AND fetched < :end)
                """
            }
            let slotRows = try Row.fetchCursor(
                db,
                sql: span("from") + """
                    SELECT pp.providerId, pp.label, span.t / 900 AS slot, COUNT(*) AS n, TOTAL(pp.sentiment) AS s
                    FROM span CROSS JOIN postProvider pp ON pp.postId = span.id
                    WHERE +pp.providerId IN (\(idList))
                    GROUP BY pp.providerId, pp.label, slot
                    """, arguments: named)
            while let row = try slotRows.next() {
                guard let label = Label(rawValue: row["label"]) else { continue }
                result.slots.append(
                    .init(providerID: row["providerId"], label: label, slot: row["slot"], count: row["n"], sentimentSum: row["s"]))
            }

            let kinds = try Dictionary(
                Row.fetchAll(db, sql: "SELECT name, kind FROM source").map { ($0["name"] as String, $0["kind"] as String) }
            ) { first, _ in first }
            var networks: [String: [String: Int]] = [:]
            var languages: [String: [String: Int]] = [:]
            let sourceRows = try Row.fetchCursor(
                db,
                sql: span("start") + """
                    SELECT pp.providerId, post.sourceName, COALESCE(post.language, '') AS language, COUNT(*) AS n
                    FROM span CROSS JOIN postProvider pp ON pp.postId = span.id CROSS JOIN post ON post.id = span.id
                    WHERE +pp.providerId IN (\(idList))
                    GROUP BY pp.providerId, post.sourceName, language
                    """, arguments: named)
            while let row = try sourceRows.next() {
                let provider: String = row["providerId"]
                let source: String = row["sourceName"]
                let count: Int = row["n"]
                if let index = result.sources.firstIndex(where: { $0.providerID == provider && $0.key == source }) {
                    result.sources[index].count += count
                } else {
                    result.sources.append(.init(providerID: provider, key: source, count: count))
                }
                networks[provider, default: [:]][kinds[source] ?? "unknown", default: 0] += count
                languages[provider, default: [:]][row["language"], default: 0] += count
            }
            result.networks = networks.flatMap { provider, counts in
                counts.map { ReportAggregates.Tally(providerID: provider, key: $0.key, count: $0.value) }
            }
            result.languages = languages.flatMap { provider, counts in
                counts.map { ReportAggregates.Tally(providerID: provider, key: $0.key, count: $0.value) }
            }

            result.terms = try complaintTerms(
                db, providers: providers, slots: result.slots, week: week, span: span("start"), arguments: arguments, termSample: termSample, examples: examples)
            result.positive = try mostPositive(
                db, span: span("start"), idList: idList, named: named, examples: examples)

            result.incidents = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM incident WHERE providerId IN (\(idList))
                    AND firstComplaintAt < :end AND (resolvedAt IS NULL OR resolvedAt >= :start)
                    """, arguments: named
            ).map(Self.incident(from:))
            if let earliest = result.incidents.map(\.firstComplaintAt).min() {
                let from = earliest.addingTimeInterval(-WeeklyReport.officialLead).unixSeconds
                let providers = "(providerId IS NULL OR providerId IN (\(ids.map { _ in "?" }.joined(separator: ", "))))"
                let idArguments = ids.map { $0 as any DatabaseValueConvertible }
                // The words of the incidents' time, and the last 200 before it: when each provider last spoke.
                let before = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT providerId, sourceName, kind, title, url, createdAt FROM statement
                        WHERE kind IN (\(Self.wordKinds)) AND createdAt < ? AND \(providers)
                        ORDER BY createdAt DESC LIMIT 200
                        """,
                    arguments: StatementArguments([from] + idArguments))
                let during = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT providerId, sourceName, kind, title, url, createdAt FROM statement
                        WHERE kind IN (\(Self.wordKinds)) AND createdAt >= ? AND \(providers)
                        ORDER BY createdAt LIMIT 10000
                        """,
                    arguments: StatementArguments([from] + idArguments))
                result.statements = (before.reversed() + during).map { row in
                    ReportAggregates.StatementRow(
                        providerID: row["providerId"], sourceName: row["sourceName"], kind: row["kind"],
                        title: row["title"], url: row["url"], createdAt: Date(timeIntervalSince1970: row["createdAt"]))
                }
            }
            let incidentIDs = result.incidents.map(\.id)
            if !incidentIDs.isEmpty {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT incidentId, MIN(deliveredAt) AS at FROM outbox
                        WHERE status = 'delivered' AND deliveredAt IS NOT NULL
                        AND incidentId IN (\(incidentIDs.map { _ in "?" }.joined(separator: ", "))) GROUP BY incidentId
                        """, arguments: StatementArguments(incidentIDs))
                for row in rows { result.deliveries[row["incidentId"]] = Date(timeIntervalSince1970: row["at"]) }
            }
            try coverage(db, into: &result, named: named)
            return result
        }
    }

    /// Where the store's data begins and ends per source, the reads that failed in the week, and
    /// the hours of the week with data (a stored post or a successful read).
    private func coverage(_ db: Database, into result: inout ReportAggregates, named: StatementArguments) throws {
        let firstRun = try Int64.fetchOne(db, sql: "SELECT MIN(startedAt) FROM run")
        let firstPost = try Int64.fetchOne(db, sql: "SELECT MIN(COALESCE(published, fetched)) FROM post")
        result.dataSince = Date(unixSeconds: [firstRun, firstPost].compactMap { $0 }.min())
        var rows: [String: ReportAggregates.SourceRow] = [:]
        let posts = try Row.fetchAll(
            db,
            sql: """
                SELECT sourceName, MIN(t) AS first, MAX(t) AS last, SUM(t >= :start) AS week
                FROM (SELECT sourceName, COALESCE(published, fetched) AS t FROM post) WHERE t < :end GROUP BY sourceName
                """, arguments: named)
        for row in posts {
            let name: String = row["sourceName"]
            rows[name] = .init(
                name: name, firstPost: Date(unixSeconds: row["first"]), lastPost: Date(unixSeconds: row["last"]),
                postsInWeek: row["week"] ?? 0)
        }
        let reads = try Row.fetchAll(
            db,
            sql: """
                SELECT sr.sourceName, COUNT(*) AS n, SUM(sr.outcome = 'failed') AS failed,
                (SELECT s2.message FROM sourceRun s2 JOIN run r2 ON r2.id = s2.runId
                 WHERE s2.sourceName = sr.sourceName AND s2.outcome = 'failed' AND r2.startedAt >= :start AND r2.startedAt < :end
                 ORDER BY r2.startedAt DESC LIMIT 1) AS lastFailure
                FROM sourceRun sr JOIN run r ON r.id = sr.runId
                WHERE r.startedAt >= :start AND r.startedAt < :end GROUP BY sr.sourceName
                """, arguments: named)
        for row in reads {
            let name: String = row["sourceName"]
            var entry = rows[name] ?? .init(name: name)
            entry.reads = row["n"]
            entry.failedReads = row["failed"] ?? 0
            entry.lastFailure = row["lastFailure"]
            rows[name] = entry
        }
        result.sourceRows = rows.values.sorted { $0.name < $1.name }
        let hours = try Int64.fetchAll(
            db,
            sql: """
                SELECT published / 3600 FROM post WHERE published >= :start AND published < :end
                UNION SELECT fetched / 3600 FROM post WHERE published IS NULL AND fetched >= :start AND fetched < :end
                UNION SELECT r.startedAt / 3600 FROM run r JOIN sourceRun sr ON sr.runId = r.id
                WHERE r.startedAt >= :start AND r.startedAt < :end AND sr.outcome IN ('ok', 'not-modified')
                """, arguments: named)
        result.hoursWithData = Set(hours)
    }

    /// Reads every k-th complaint of the week per provider (k so that at most `termSample` are
    /// read), counts their terms, and fetches the most typical ones in full.
    private func complaintTerms(
        _ db: Database, providers: [ProviderTerms], slots: [ReportAggregates.SlotCount], week: ReportWeek,
        span: String, arguments: [String: (any DatabaseValueConvertible)?],
        termSample: Int, examples: Int
    ) throws -> [String: TermSummary] {
        let start = week.start.unixSeconds / 900
        let end = week.end.unixSeconds / 900
        var totals: [String: Int] = [:]
        for row in slots where row.label.isComplaint && row.slot >= start && row.slot < end {
            totals[row.providerID, default: 0] += row.count
        }
        var counters: [String: TermCounter] = [:]
        var every = ""
        var arguments = arguments
        for (index, provider) in providers.enumerated() {
            counters[provider.id] = TermCounter(ignoring: [provider.name, provider.id] + provider.aliases + provider.handles)
            let total = totals[provider.id] ?? 0
            arguments["k\(index)"] = max(1, (total + termSample - 1) / max(1, termSample))
            every += " WHEN :p\(index) THEN :k\(index)"
        }
        let textRows = try Row.fetchCursor(
            db,
            sql: span + """
                SELECT pp.providerId, post.id, COALESCE(post.title, '') || ' ' || substr(post.text, 1, 1000) AS body
                FROM span CROSS JOIN postProvider pp ON pp.postId = span.id CROSS JOIN post ON post.id = span.id
                WHERE pp.label IN ('outage', 'complaint') AND +pp.providerId IN (\(providers.indices.map { ":p\($0)" }.joined(separator: ", ")))
                AND span.id % (CASE pp.providerId\(every) ELSE 1 END) = 0
                """, arguments: StatementArguments(arguments))
        while let row = try textRows.next() {
            counters[row["providerId"]]?.add(id: row["id"], text: row["body"])
        }
        var summaries: [String: TermSummary] = [:]
        for provider in providers {
            guard let counter = counters[provider.id] else { continue }
            let (terms, phrases, typicalIDs) = counter.summary(limit: 15, typical: examples)
            let typical = try posts(db, ids: typicalIDs, provider: provider.id)
            summaries[provider.id] = TermSummary(
                terms: terms, phrases: phrases, typical: typical, sampled: counter.postCount,
                total: totals[provider.id] ?? 0)
        }
        return summaries
    }

    /// The `examples` posts with the highest sentiment of the week, per provider.
    private func mostPositive(
        _ db: Database, span: String, idList: String, named: StatementArguments, examples: Int
    ) throws -> [String: [ReportPost]] {
        var result: [String: [ReportPost]] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: span + """
                , ranked AS (
                    SELECT pp.providerId, span.id, span.t, pp.label, pp.sentiment,
                    ROW_NUMBER() OVER (PARTITION BY pp.providerId ORDER BY pp.sentiment DESC, span.id) AS r
                    FROM span CROSS JOIN postProvider pp ON pp.postId = span.id
                    WHERE pp.label = 'positive' AND +pp.providerId IN (\(idList)))
                SELECT ranked.*, substr(post.text, 1, 2000) AS text, post.title, post.author, post.link, post.sourceName
                FROM ranked JOIN post ON post.id = ranked.id WHERE ranked.r <= \(max(0, examples))
                ORDER BY ranked.providerId, ranked.r
                """, arguments: named)
        for row in rows { result[row["providerId"], default: []].append(Self.reportPost(row)) }
        return result
    }

    /// Full rows of the given posts as one provider saw them, in the order of `ids`.
    private func posts(_ db: Database, ids: [Int64], provider: String) throws -> [ReportPost] {
        guard !ids.isEmpty else { return [] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT post.id, COALESCE(post.published, post.fetched) AS t, pp.label, pp.sentiment,
                substr(post.text, 1, 2000) AS text, post.title, post.author, post.link, post.sourceName
                FROM post JOIN postProvider pp ON pp.postId = post.id AND pp.providerId = ?
                WHERE post.id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))
                """,
            arguments: StatementArguments([provider] + ids))
        let byID = Dictionary(rows.map { ($0["id"] as Int64, Self.reportPost($0)) }) { first, _ in first }
        return ids.compactMap { byID[$0] }
    }

    private static func reportPost(_ row: Row) -> ReportPost {
        let text: String = row["text"]
        let title: String? = row["title"]
        let body = title.map { !$0.isEmpty && !text.hasPrefix($0) ? $0 + " — " + text : text } ?? text
        return ReportPost(
            id: row["id"], text: body, author: row["author"], link: row["link"],
            time: Date(timeIntervalSince1970: row["t"]), sourceName: row["sourceName"],
            label: Label(rawValue: row["label"]) ?? .neutral, sentiment: row["sentiment"])
    }
}
