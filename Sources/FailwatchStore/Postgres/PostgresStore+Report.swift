// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import PostgresNIO

/// The weekly report's SQL for PostgreSQL. The SQLite store's (``AppDatabase/reportAggregates(week:providers:termSample:examples:)``)
/// steers SQLite's planner with `CROSS JOIN` and `+column`, which PostgreSQL does not take (its
/// planner picks the order itself); `TOTAL` and summed comparisons are SQLite's, written here
/// as `COALESCE(SUM …)` and `CASE`. Everything else is the same query.
extension PostgresStore: ReportStore {
    public func reportAggregates(
        week: ReportWeek, providers: [ProviderTerms], termSample: Int, examples: Int
    ) async throws(StoreError) -> ReportAggregates {
        guard !providers.isEmpty else { return ReportAggregates() }
        let report = ReportQueries(
            store: self, week: week, providers: providers, termSample: termSample, examples: examples)
        return try await run("read report") { connection in try await report.aggregates(connection) }
    }

    public func labelCounts(since: Date, until: Date) async throws(StoreError) -> [String: [Label: Int]] {
        let rows = try await select(
            "count labels",
            """
            SELECT postProvider.providerId, postProvider.label, COUNT(*) AS n
            FROM postProvider JOIN post ON post.id = postProvider.postId
            WHERE COALESCE(post.published, post.fetched) >= ? AND COALESCE(post.published, post.fetched) < ?
            GROUP BY postProvider.providerId, postProvider.label
            """, [since.unixSeconds, until.unixSeconds]
        ) { row in
            (
                try row.value("providerId", as: String.self), try row.value("label", as: String.self),
                Int(try row.value("n", as: Int64.self))
            )
        }
        var counts: [String: [Label: Int]] = [:]
        for (provider, label, count) in rows {
            guard let label = Label(rawValue: label) else { continue }
            counts[provider, default: [:]][label] = count
        }
        return counts
    }
}

/// One report's queries on one connection.
private struct ReportQueries: Sendable {
    let store: PostgresStore
    let week: ReportWeek
    let providers: [ProviderTerms]
    let termSample: Int
    let examples: Int

    var arguments: [String: any PostgresBindable] {
        [
            "ids": PostgresList(providers.map(\.id)), "from": week.previous.start.unixSeconds,
            "start": week.start.unixSeconds,
            "end": week.end.unixSeconds,
        ]
    }

    func rows(
        _ connection: PostgresConnection, _ sql: String, _ extra: [String: any PostgresBindable] = [:]
    ) async throws -> [PostgresRandomAccessRow] {
        let query = try PostgresQuery.named(sql, arguments.merging(extra) { _, new in new })
        return try await connection.query(query, logger: store.logger).collect().map { $0.makeRandomAccess() }
    }

    /// Posts of a span by their time: dated posts by `published`, undated ones by when fetched.
    func span(_ from: String) -> String {
        """
        WITH span AS (
            SELECT id, published AS t FROM post WHERE published >= :\(from) AND published < :end
            UNION ALL
            SELECT id, fetched AS t FROM post WHERE published IS NULL AND fetched >= :\(from) AND fetched < :end)
        """
    }

    func aggregates(_ connection: PostgresConnection) async throws -> ReportAggregates {
        var result = ReportAggregates()
        for row in try await rows(
            connection,
            span("from") + """
                SELECT pp.providerId, pp.label, span.t / 900 AS slot, COUNT(*) AS n,
                COALESCE(SUM(pp.sentiment), 0) AS s
                FROM span JOIN postProvider pp ON pp.postId = span.id
                WHERE pp.providerId = ANY(:ids)
                GROUP BY pp.providerId, pp.label, span.t / 900
                """)
        {
            guard let label = Label(rawValue: try row.value("label")) else { continue }
            result.slots.append(
                .init(
                    providerID: try row.value("providerId"), label: label, slot: try row.value("slot"),
                    count: Int(try row.value("n", as: Int64.self)), sentimentSum: try row.value("s")))
        }
        var kinds: [String: String] = [:]
        for row in try await rows(connection, "SELECT name, kind FROM source") {
            let name: String = try row.value("name")
            if kinds[name] == nil { kinds[name] = try row.value("kind") }
        }
        var networks: [String: [String: Int]] = [:]
        var languages: [String: [String: Int]] = [:]
        for row in try await rows(
            connection,
            span("start") + """
                SELECT pp.providerId, post.sourceName, COALESCE(post.language, '') AS lang, COUNT(*) AS n
                FROM span JOIN postProvider pp ON pp.postId = span.id JOIN post ON post.id = span.id
                WHERE pp.providerId = ANY(:ids)
                GROUP BY pp.providerId, post.sourceName, COALESCE(post.language, '')
                """)
        {
            let source: String = try row.value("sourceName")
            result.addSourceCount(
                provider: try row.value("providerId"), source: source, language: try row.value("lang"),
                count: Int(try row.value("n", as: Int64.self)), kind: kinds[source], networks: &networks,
                languages: &languages)
        }
        result.setTallies(networks: networks, languages: languages)
        result.terms = try await complaintTerms(connection, slots: result.slots)
        result.positive = try await mostPositive(connection)
        result.incidents = try await rows(
            connection,
            """
            SELECT * FROM incident WHERE providerId = ANY(:ids)
            AND firstComplaintAt < :end AND (resolvedAt IS NULL OR resolvedAt >= :start)
            """
        ).map(PostgresStore.incident)
        if let earliest = result.incidents.map(\.firstComplaintAt).min() {
            result.statements = try await rows(
                connection,
                """
                SELECT providerId, sourceName, kind, title, url, createdAt FROM statement
                WHERE kind IN (\(AppDatabase.wordKinds)) AND createdAt >= :since
                AND (providerId IS NULL OR providerId = ANY(:ids))
                ORDER BY createdAt LIMIT 10000
                """, ["since": earliest.addingTimeInterval(-WeeklyReport.officialLead).unixSeconds]
            ).map { row in
                ReportAggregates.StatementRow(
                    providerID: try row.value("providerId"), sourceName: try row.value("sourceName"),
                    kind: try row.value("kind"), title: try row.value("title"), url: try row.value("url"),
                    createdAt: try Date(unixSeconds: row, "createdAt") ?? Date(timeIntervalSince1970: 0))
            }
        }
        let incidentIDs = result.incidents.map(\.id)
        if !incidentIDs.isEmpty {
            for row in try await rows(
                connection,
                """
                SELECT incidentId, MIN(deliveredAt) AS at FROM outbox
                WHERE status = 'delivered' AND deliveredAt IS NOT NULL AND incidentId = ANY(:incidents)
                GROUP BY incidentId
                """, ["incidents": PostgresList(incidentIDs)])
            {
                result.deliveries[try row.value("incidentId")] = try Date(unixSeconds: row, "at")
            }
        }
        try await coverage(connection, into: &result)
        return result
    }

    /// Where the data begins and ends per source, the week's failed reads, and the hours with data.
    private func coverage(_ connection: PostgresConnection, into result: inout ReportAggregates) async throws {
        let first = try await rows(
            connection,
            """
            SELECT (SELECT MIN(startedAt) FROM run) AS firstRun,
            (SELECT MIN(COALESCE(published, fetched)) FROM post) AS firstPost
            """
        ).first
        let firstRun = try first?.value("firstRun", as: Int64?.self)
        let firstPost = try first?.value("firstPost", as: Int64?.self)
        result.dataSince = [firstRun, firstPost].compactMap { $0 }.min().map {
            Date(timeIntervalSince1970: TimeInterval($0))
        }
        var sourceRows: [String: ReportAggregates.SourceRow] = [:]
        for row in try await rows(
            connection,
            """
            SELECT sourceName, MIN(t) AS first, MAX(t) AS last, SUM(CASE WHEN t >= :start THEN 1 ELSE 0 END) AS week
            FROM (SELECT sourceName, COALESCE(published, fetched) AS t FROM post) p WHERE t < :end GROUP BY sourceName
            """)
        {
            let name: String = try row.value("sourceName")
            sourceRows[name] = .init(
                name: name, firstPost: try Date(unixSeconds: row, "first"),
                lastPost: try Date(unixSeconds: row, "last"),
                postsInWeek: Int(try row.value("week", as: Int64?.self) ?? 0))
        }
        for row in try await rows(
            connection,
            """
            SELECT sr.sourceName, COUNT(*) AS n, SUM(CASE WHEN sr.outcome = 'failed' THEN 1 ELSE 0 END) AS failed,
            (SELECT s2.message FROM sourceRun s2 JOIN run r2 ON r2.id = s2.runId
             WHERE s2.sourceName = sr.sourceName AND s2.outcome = 'failed' AND r2.startedAt >= :start AND r2.startedAt < :end
             ORDER BY r2.startedAt DESC LIMIT 1) AS lastFailure
            FROM sourceRun sr JOIN run r ON r.id = sr.runId
            WHERE r.startedAt >= :start AND r.startedAt < :end GROUP BY sr.sourceName
            """)
        {
            let name: String = try row.value("sourceName")
            var entry = sourceRows[name] ?? .init(name: name)
            entry.reads = Int(try row.value("n", as: Int64.self))
            entry.failedReads = Int(try row.value("failed", as: Int64?.self) ?? 0)
            entry.lastFailure = try row.value("lastFailure")
            sourceRows[name] = entry
        }
        result.sourceRows = sourceRows.values.sorted { $0.name < $1.name }
        result.hoursWithData = Set(
            try await rows(
                connection,
                """
                SELECT published / 3600 AS h FROM post WHERE published >= :start AND published < :end
                UNION SELECT fetched / 3600 FROM post WHERE published IS NULL AND fetched >= :start AND fetched < :end
                UNION SELECT r.startedAt / 3600 FROM run r JOIN sourceRun sr ON sr.runId = r.id
                WHERE r.startedAt >= :start AND r.startedAt < :end AND sr.outcome IN ('ok', 'not-modified')
                """
            ).map { try $0.value("h", as: Int64.self) })
    }

    /// Every k-th complaint of the week per provider (see the SQLite store's), counted for terms.
    private func complaintTerms(
        _ connection: PostgresConnection, slots: [ReportAggregates.SlotCount]
    ) async throws -> [String: TermSummary] {
        let totals = ReportAggregates.complaintTotals(slots, week: week)
        var counters = ReportAggregates.termCounters(providers)
        let steps = providers.map {
            Int64(ReportAggregates.sampleStep(total: totals[$0.id] ?? 0, termSample: termSample))
        }
        for row in try await rows(
            connection,
            span("start") + """
                , step AS (SELECT * FROM unnest(:ids::text[], :steps::bigint[]) AS s(providerId, k))
                SELECT pp.providerId, post.id, COALESCE(post.title, '') || ' ' || substr(post.text, 1, 1000) AS body
                FROM span JOIN postProvider pp ON pp.postId = span.id JOIN post ON post.id = span.id
                JOIN step ON step.providerId = pp.providerId
                WHERE pp.label IN ('outage', 'complaint') AND span.id % step.k = 0
                """, ["steps": PostgresList(steps)])
        {
            counters[try row.value("providerId")]?.add(id: try row.value("id"), text: try row.value("body"))
        }
        var summaries: [String: TermSummary] = [:]
        for provider in providers {
            guard let counter = counters[provider.id] else { continue }
            let (terms, phrases, typicalIDs) = counter.summary(limit: 15, typical: examples)
            let typical = try await posts(connection, ids: typicalIDs, provider: provider.id)
            summaries[provider.id] = TermSummary(
                terms: terms, phrases: phrases, typical: typical, sampled: counter.postCount,
                total: totals[provider.id] ?? 0)
        }
        return summaries
    }

    /// The `examples` most positive posts of the week per provider.
    private func mostPositive(_ connection: PostgresConnection) async throws -> [String: [ReportPost]] {
        var result: [String: [ReportPost]] = [:]
        for row in try await rows(
            connection,
            span("start") + """
                , ranked AS (
                    SELECT pp.providerId, span.id, span.t, pp.label, pp.sentiment,
                    ROW_NUMBER() OVER (PARTITION BY pp.providerId ORDER BY pp.sentiment DESC, span.id) AS r
                    FROM span JOIN postProvider pp ON pp.postId = span.id
                    WHERE pp.label = 'positive' AND pp.providerId = ANY(:ids))
                SELECT ranked.*, substr(post.text, 1, 2000) AS text, post.title, post.author, post.link, post.sourceName
                FROM ranked JOIN post ON post.id = ranked.id WHERE ranked.r <= \(max(0, examples))
                ORDER BY ranked.providerId, ranked.r
                """)
        {
            result[try row.value("providerId"), default: []].append(try Self.reportPost(row))
        }
        return result
    }

    /// Full rows of the given posts as one provider saw them, in the order of `ids`.
    private func posts(_ connection: PostgresConnection, ids: [Int64], provider: String) async throws -> [ReportPost] {
        guard !ids.isEmpty else { return [] }
        let found = try await rows(
            connection,
            """
            SELECT post.id, COALESCE(post.published, post.fetched) AS t, pp.label, pp.sentiment,
            substr(post.text, 1, 2000) AS text, post.title, post.author, post.link, post.sourceName
            FROM post JOIN postProvider pp ON pp.postId = post.id AND pp.providerId = :provider
            WHERE post.id = ANY(:posts::bigint[])
            """, ["provider": provider, "posts": PostgresList(ids)])
        var byID: [Int64: ReportPost] = [:]
        for row in found {
            let id: Int64 = try row.value("id")
            if byID[id] == nil { byID[id] = try Self.reportPost(row) }
        }
        return ids.compactMap { byID[$0] }
    }

    private static func reportPost(_ row: PostgresRandomAccessRow) throws -> ReportPost {
        ReportAggregates.reportPost(
            id: try row.value("id"), text: try row.value("text"), title: try row.value("title"),
            author: try row.value("author"), link: try row.value("link"),
            time: try Date(unixSeconds: row, "t") ?? Date(timeIntervalSince1970: 0),
            sourceName: try row.value("sourceName"), label: try row.value("label"),
            sentiment: try row.value("sentiment"))
    }
}
