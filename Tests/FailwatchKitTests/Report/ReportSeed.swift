// SPDX-License-Identifier: Apache-2.0
import Foundation

@testable import FailwatchKit
@testable import FailwatchCore
@testable import FailwatchStore

/// A fixed store for report tests: two weeks of posts about two providers (a third has none),
/// hostile posts, incidents and official statements, all from a seeded generator, so golden
/// files change only when the report does.
enum ReportSeed {
    static let zone = TimeZone(identifier: "Europe/Berlin") ?? .current
    /// 2026-W47 in Berlin: Mon 16 Nov 2026 00:00 CET.
    static let weekStart = Date(timeIntervalSince1970: 1_794_783_600)
    /// Monday 23 Nov 2026 07:00 CET, when cron makes the report.
    static let generatedAt = Date(timeIntervalSince1970: 1_795_413_600)
    static let providers = [
        ProviderTerms(id: "vodafone", name: "Vodafone", aliases: ["Vodafone Kabel"], handles: ["@vodafone_de"]),
        ProviderTerms(id: "telekom", name: "Deutsche Telekom", aliases: ["Telekom"]),
        ProviderTerms(id: "quiet", name: "Quiet Net"),
    ]
    static let hostileScript = "<script>alert('pwned')</script> Vodafone thanks, works again"
    static let hostileRTL = "Vodafone \u{202E}kein netz\u{202C} <img src=x onerror=alert(1)> seit heute"
    static let longPost = "Vodafone störung " + String(repeating: "kein internet ", count: 800)

    /// A small linear congruential generator: the same numbers on every platform.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// When the seeded alert of Tuesday's incident reached its first sink: 42 min after the
    /// first complaint, although detection raised it after 12.
    static let tuesdayAlertDelay: TimeInterval = 2520

    /// The seeded store.
    /// - Parameters:
    ///   - firstRun: where failwatch's first run is.
    ///   - weeks: the weeks with posts (0: the report week, -1: the week before).
    static func store(firstRun: Date? = weekStart.addingTimeInterval(-21 * 86_400), weeks: [Int] = [-1, 0]) throws -> AppDatabase {
        let store = try AppDatabase.inMemory()
        try store.write("seed") { db in
            for (name, kind) in [("mastodon-de", "mastodon"), ("reddit-de", "reddit"), ("vodafone-status", "statuspage"), ("telekom-on-x", "x")] {
                try db.execute(
                    sql: "INSERT INTO source (name, kind, url) VALUES (?, ?, ?)",
                    arguments: [name, kind, "https://example.org/\(name)"])
            }
            if let firstRun {
                try db.execute(sql: "INSERT INTO run (startedAt) VALUES (?)", arguments: [firstRun.unixSeconds])
            }
            var generator = Generator(state: 47)
            let complaints = [
                "kein internet seit heute morgen", "internet down again", "störung im kabelnetz kein internet",
                "hotline nicht erreichbar", "rechnung falsch und support antwortet nicht", "wlan router blinkt rot",
            ]
            let others = ["neuer tarif angekündigt", "glasfaser ausbau in der stadt", "danke für die schnelle hilfe, super service"]
            var id: Int64 = 0
            func insert(_ text: String, provider: String, label: Label, sentiment: Double, at time: Date, author: String, source: String, link: String?) throws {
                id += 1
                try db.execute(
                    sql: """
                        INSERT INTO post (id, sourceName, guid, link, author, text, language, published, fetched, contentHash, label, sentiment)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        id, source, "g\(id)", link, author, text, id % 3 == 0 ? "en" : "de", time.unixSeconds,
                        time.unixSeconds, "h\(id)", label.rawValue, sentiment,
                    ])
                try db.execute(
                    sql: "INSERT INTO postProvider (postId, providerId, label, sentiment) VALUES (?, ?, ?, ?)",
                    arguments: [id, provider, label.rawValue, sentiment])
            }
            for week in weeks {
                for index in 0..<(week == 0 ? 90 : 70) {
                    let provider = index % 3 == 0 ? "telekom" : "vodafone"
                    let name = provider == "vodafone" ? "Vodafone" : "Telekom"
                    let time = weekStart.addingTimeInterval(Double(week * 7 * 86_400 + generator.next(7 * 86_400)))
                    let roll = generator.next(10)
                    let label: Label = roll < 3 ? .outage : roll < 5 ? .complaint : roll < 6 ? .negative : roll < 8 ? .neutral : .positive
                    let text =
                        label.isComplaint || label == .negative
                        ? "\(name) " + complaints[generator.next(complaints.count)]
                        : "\(name) " + others[label == .positive ? 2 : generator.next(2)]
                    let sentiment = label == .positive ? 0.5 + Double(generator.next(50)) / 100 : label.isComplaint ? -0.6 : 0
                    try insert(
                        text, provider: provider, label: label, sentiment: sentiment, at: time, author: "user\(generator.next(40))",
                        source: generator.next(2) == 0 ? "mastodon-de" : "reddit-de", link: "https://example.org/p/\(id + 1)")
                }
            }
            let tuesday = weekStart.addingTimeInterval(86_400 + 8 * 3600)
            try insert(hostileScript, provider: "vodafone", label: .positive, sentiment: 1.0, at: tuesday, author: "<b>mallory</b>", source: "mastodon-de", link: "javascript:alert(1)")
            try insert(hostileRTL, provider: "vodafone", label: .positive, sentiment: 0.99, at: tuesday.addingTimeInterval(300), author: "eve\u{202E}", source: "reddit-de", link: "https://example.org/p/\"onmouseover=alert(1)")
            try insert(longPost, provider: "vodafone", label: .outage, sentiment: -0.7, at: tuesday.addingTimeInterval(600), author: "@everyone", source: "reddit-de", link: nil)
            try db.execute(
                sql: """
                    INSERT INTO incident (id, providerId, firstComplaintAt, openedAt, peakAt, peakCount, peakExpected, authors, silent, resolvedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    "vodafone-1", "vodafone", tuesday.unixSeconds, tuesday.unixSeconds + 720, tuesday.unixSeconds + 3600, 34.0, 2.0, 29,
                    false, tuesday.unixSeconds + 3 * 3600 + 1800,
                ])
            // Its alert: refused by one sink first, then taken 42 min after the first complaint;
            // a second sink took it later. Saturday's incident waits in the outbox.
            for (sink, status, delivered) in [
                ("noc", "delivered", tuesday.unixSeconds + Int64(tuesdayAlertDelay)),
                ("partner", "delivered", tuesday.unixSeconds + 3600), ("telekom-noc", "pending", nil),
            ] as [(String, String, Int64?)] {
                try db.execute(
                    sql: """
                        INSERT INTO outbox (sinkName, idempotencyKey, incidentId, updateNumber, message, createdAt, nextAttemptAt, status, deliveredAt)
                        VALUES (?, ?, ?, 0, '{}', ?, ?, ?, ?)
                        """,
                    arguments: [
                        sink, sink == "telekom-noc" ? "telekom-1-0" : "vodafone-1-0", sink == "telekom-noc" ? "telekom-1" : "vodafone-1",
                        tuesday.unixSeconds + 720, tuesday.unixSeconds + 720, status, delivered,
                    ])
            }
            // Thursday: one run read mastodon-de and failed on reddit-de.
            let thursday = weekStart.addingTimeInterval(3 * 86_400 + 10 * 3600)
            try db.execute(sql: "INSERT INTO run (startedAt, finishedAt) VALUES (?, ?)", arguments: [thursday.unixSeconds, thursday.unixSeconds + 2])
            let runID = db.lastInsertedRowID
            for (source, outcome, message) in [("mastodon-de", "ok", nil), ("reddit-de", "failed", "http 503 (temporary)")] as [(String, String, String?)] {
                try db.execute(
                    sql: "INSERT INTO sourceRun (runId, sourceName, outcome, message, durationMs) VALUES (?, ?, ?, ?, 100)",
                    arguments: [runID, source, outcome, message])
            }
            let saturday = weekStart.addingTimeInterval(5 * 86_400 + 19 * 3600)
            try db.execute(
                sql: """
                    INSERT INTO incident (id, providerId, firstComplaintAt, openedAt, peakAt, peakCount, peakExpected, authors, silent, commonCause)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    "telekom-1", "telekom", saturday.unixSeconds, saturday.unixSeconds + 900, saturday.unixSeconds + 1800, 12.0, 1.5, 11,
                    true, "likely upstream: <2> providers at once",
                ])
            try db.execute(
                sql: """
                    INSERT INTO statement (sourceName, providerId, externalId, kind, title, url, createdAt, fetched)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    "vodafone-status", nil, "st-1", "incident", "Störung im Kabelnetz <Region West>",
                    "https://status.example.org/incidents/1", tuesday.unixSeconds + 2700, tuesday.unixSeconds + 2700,
                ])
            try db.execute(
                sql: """
                    INSERT INTO statement (sourceName, providerId, externalId, kind, title, url, createdAt, fetched)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    "vodafone-status", nil, "st-2", "maintenance", "Wartung", nil, saturday.unixSeconds + 600, saturday.unixSeconds,
                ])
            // Telekom last spoke on X three days before its silent Saturday: the report says when and where.
            try db.execute(
                sql: "INSERT INTO statement (sourceName, providerId, externalId, kind, title, url, createdAt, fetched) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    "telekom-on-x", "telekom", "https://x.com/i/web/status/1", "post", "Frohe Adventszeit <wünscht> euer Team",
                    "https://x.com/telekom/status/1", saturday.unixSeconds - 3 * 86_400, saturday.unixSeconds - 3 * 86_400,
                ])
        }
        return store
    }

    /// Source scopes as a configuration would give them: the status page speaks for Vodafone only.
    static let scopes: [String: ProviderScope] = ["vodafone-status": .only(["vodafone"])]

    /// The report of 2026-W47 from a store.
    static func report(_ store: AppDatabase, providers: [ProviderTerms] = providers) throws -> WeeklyReport {
        let week = try ReportWeek(year: 2026, week: 47, timeZone: zone)
        return WeeklyReport.build(
            week: week, providers: providers, aggregates: try store.reportAggregates(week: week, providers: providers),
            officialScopes: scopes, channels: channels, generatedAt: generatedAt)
    }

    /// The channel each official source speaks on, as the report names it.
    static let channels = ["vodafone-status": "the status page", "telekom-on-x": "X"]
}
