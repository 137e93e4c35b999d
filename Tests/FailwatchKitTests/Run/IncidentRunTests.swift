// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import FailwatchStore
import Foundation
import Testing

/// Detection in the store: resumable across runs, warm-up on old data, silent outages,
/// voices rather than posts.
@Suite struct IncidentRunTests {
    static let day = Date(timeIntervalSince1970: 1_795_219_200)  // 2026-11-21T00:00:00Z
    static let burst = day.addingTimeInterval(14 * 3_600)

    static func config(sinks: Bool = true) throws -> FeedsConfig {
        var yaml = """
            version: 1
            providers:
              - name: Vodafone
              - name: Telekom
            sources:
              - name: forum
                url: https://example.org/feed.xml
            detection: {interval: 5m, quiet: 30m}

            """
        if sinks { yaml += "sinks:\n  - {name: noc, kind: slack, url: 'https://hooks.example.org/x'}\n" }
        return try FeedsConfig.parse(
            yaml: yaml, fileName: "feeds.yml", baseDirectory: FileManager.default.temporaryDirectory, environment: [:])
    }

    /// Stores outage posts about `provider`: (seconds after `day`, author), fetched `delay` later.
    static func store(
        _ posts: [(TimeInterval, String)], provider: String = "vodafone", delay: TimeInterval = 0,
        text: (Int) -> String = { "down, no internet since an hour (\($0))" }, into store: AppDatabase
    ) throws {
        let stored = posts.enumerated().map { index, entry in
            Post(
                sourceName: "forum", guid: "\(provider)-\(index)-\(entry.0)", link: nil, author: entry.1,
                title: nil, text: "\(provider) " + text(index), language: "en",
                published: day.addingTimeInterval(entry.0), fetched: day.addingTimeInterval(entry.0 + delay),
                contentHash: "\(provider)-\(index)-\(entry.0)",
                verdict: Classification(
                    label: .outage, sentiment: -0.5, language: "en",
                    providers: [ProviderVerdict(id: provider, label: .outage, sentiment: -0.5)]))
        }
        let report = SourceReport(
            name: "forum", kind: "feed", url: "https://example.org/feed.xml", outcome: .fetched(.init(posts: stored)),
            duration: 0)
        try store.record(report, runID: try store.startRun(at: day), at: day)
    }

    /// Two quiet days (one complaint an hour), then 40 people in ten minutes from 14:00.
    /// With `wave`, that many more people post between 14:10 and 14:15; every post reaches the
    /// store `delay` after it was published.
    static func seeded(
        burstAuthors: (Int) -> String = { "person\($0)" }, wave: Int = 0, delay: TimeInterval = 0
    ) throws -> AppDatabase {
        let store = try AppDatabase.inMemory()
        let quiet = stride(from: -2 * 86_400.0, to: 86_400, by: 3_600).enumerated().map { ($1 + 1_234, "regular\($0)") }
        let burst = (0..<40).map { (14 * 3_600 + Double($0) * 15, burstAuthors($0)) }
        let more = (0..<wave).map { (14 * 3_600 + 600 + Double($0) * 300 / Double(wave), "wave\($0)") }
        try Self.store(quiet + burst + more, delay: delay, into: store)
        return store
    }

    static func run(_ store: AppDatabase, at now: Date, config: FeedsConfig? = nil,
        official: @escaping IncidentRun.OfficialLookup = { _, _ in AlertMessage.OfficialState() }
    ) async throws -> IncidentRun.Summary {
        try await IncidentRun(config: config ?? Self.config(), store: store, now: now, official: official).run()
    }

    @Test func runsEveryFiveMinutesFindWhatOneLateRunFinds() async throws {
        let stepped = try Self.seeded()
        let single = try Self.seeded()
        for minutes in stride(from: 0, through: 180, by: 5) {
            _ = try await Self.run(stepped, at: Self.burst.addingTimeInterval(Double(minutes) * 60 - 3_600))
        }
        _ = try await Self.run(single, at: Self.burst.addingTimeInterval(120 * 60))

        let steppedIncidents = try stepped.incidents()
        #expect(steppedIncidents.count == 1)
        #expect(steppedIncidents.map(\.id) == (try single.incidents()).map(\.id))
        #expect(steppedIncidents.first?.resolvedAt == (try single.incidents()).first?.resolvedAt)
    }

    @Test func postsOfASlowSourceCountInTheNextIntervalNotNever() async throws {
        let store = try Self.seeded(delay: 12 * 60)
        for minutes in stride(from: -60, through: 30, by: 5) {
            _ = try await Self.run(store, at: Self.burst.addingTimeInterval(Double(minutes) * 60))
        }
        let incident = try #require(try store.incidents().first)
        #expect(incident.openedAt <= Self.burst.addingTimeInterval(30 * 60))
        #expect(incident.firstComplaintAt >= Self.burst)
    }

    /// Pollers sharing a store: one detects while another is still storing, and the other's posts
    /// reach the store in the very second of that pass (one-second timestamps). They count in the
    /// next interval; before, they were neither counted nor late, and the burst raised nothing.
    @Test func postsAnotherPollerStoresInTheSecondOfADetectionPassStillCount() async throws {
        let store = try AppDatabase.inMemory()
        let quiet = stride(from: -2 * 86_400.0, to: 14 * 3_600, by: 3_600).enumerated().map { ($1 + 1_234, "regular\($0)") }
        try Self.store(quiet, into: store)
        for minutes in stride(from: -60, through: 0, by: 5) {
            _ = try await Self.run(store, at: Self.burst.addingTimeInterval(Double(minutes) * 60))
        }
        let pass = Self.burst.addingTimeInterval(5 * 60)
        let published = 14 * 3_600.0 + 120
        // The first poller stores two complaints and detects; the second stores thirty more after it.
        try Self.store((0..<2).map { (published, "first\($0)") }, delay: 180, into: store)
        _ = try await Self.run(store, at: pass)
        try Self.store((0..<30).map { (published + 1, "second\($0)") }, delay: 179, into: store)
        for minutes in stride(from: 10, through: 30, by: 5) {
            _ = try await Self.run(store, at: Self.burst.addingTimeInterval(Double(minutes) * 60))
        }

        let incident = try #require(try store.incidents().first)
        #expect(incident.openedAt <= Self.burst.addingTimeInterval(10 * 60))
    }

    @Test func postsFetchedAfterNowAreNotYetKnown() async throws {
        let store = try Self.seeded(delay: 3 * 3_600)
        let summary = try await Self.run(store, at: Self.burst.addingTimeInterval(60 * 60))
        #expect(summary.opened == 0)
    }

    @Test func oldIncidentsFoundWhileWarmingUpAreRecordedButNotPosted() async throws {
        let store = try Self.seeded()
        let summary = try await Self.run(store, at: Self.day.addingTimeInterval(86_400))

        #expect(summary.opened == 1 && summary.queued == 0)
        let incident = try #require(try store.incidents().first)
        #expect(!incident.announced)
        #expect(incident.resolvedAt != nil)
        #expect(try store.outbox().isEmpty)
    }

    @Test func anIncidentStillOpenAfterTheCatchUpIsPosted() async throws {
        let store = try Self.seeded()
        let summary = try await Self.run(store, at: Self.burst.addingTimeInterval(15 * 60))
        #expect(summary.opened == 1 && summary.queued == 1)
        let alert = try #require(try store.outbox().first)
        #expect(alert.message.kind == .opened)
        #expect(alert.message.provider.name == "Vodafone")
        #expect(alert.message.samples.count == AlertMessage.maximumSamples)
        #expect(alert.message.firstComplaint == Self.burst)
        #expect(alert.message.sources == ["forum"])
        #expect(alert.message.usual < 1)
    }

    @Test func newSettingsWarmUpAgainWithoutPostingOldIncidentsTwice() async throws {
        let store = try Self.seeded(wave: 45)
        var before = try Self.config()
        before.detection["escalation"] = 5
        _ = try await Self.run(store, at: Self.burst.addingTimeInterval(15 * 60), config: before)
        _ = try await Self.run(store, at: Self.burst.addingTimeInterval(3 * 3_600), config: before)
        let posted = try store.outbox().map(\.idempotencyKey)

        // With updates on every doubling the same incident has one more message, so new keys.
        let rerun = try await Self.run(store, at: Self.burst.addingTimeInterval(3 * 3_600 + 300))

        #expect(posted.count == 2, "opening and resolution: \(posted)")
        #expect(rerun.opened == 1 && rerun.updated == 1, "the history is detected again with the new settings")
        #expect(try store.outbox().map(\.idempotencyKey) == posted)
        #expect(try store.incidents().count == 1)
    }

    @Test func aResolutionMissedWhileCronWasDownIsStillPosted() async throws {
        let store = try Self.seeded()
        _ = try await Self.run(store, at: Self.burst.addingTimeInterval(15 * 60))
        _ = try await Self.run(store, at: Self.burst.addingTimeInterval(6 * 3_600))
        #expect(try store.outbox().map(\.message.kind) == [.opened, .resolved])
    }

    @Test func oneAuthorPostingFortyTimesIsOneVoice() async throws {
        let store = try Self.seeded(burstAuthors: { _ in "angry-one" })
        let summary = try await Self.run(store, at: Self.burst.addingTimeInterval(60 * 60))
        #expect(summary.opened == 0)
        #expect(try store.incidents().isEmpty)
    }

    @Test func greenStatusPageMarksASilentOutage() async throws {
        let store = try Self.seeded()
        _ = try await Self.run(store, at: Self.burst.addingTimeInterval(15 * 60)) { provider, _ in
            AlertMessage.OfficialState(statusPage: provider == "vodafone" ? AlertMessage.OfficialState.allOperational : nil)
        }
        let incident = try #require(try store.incidents().first)
        #expect(incident.silent)
        let alert = try #require(try store.outbox().first)
        #expect(alert.message.silentOutage)
        #expect(alert.message.official.statusPage == AlertMessage.OfficialState.allOperational)
    }

    @Test func statusPageReportingTheIncidentIsNoSilentOutage() async throws {
        let store = try Self.seeded()
        _ = try await Self.run(store, at: Self.burst.addingTimeInterval(15 * 60)) { _, _ in
            AlertMessage.OfficialState(statusPage: "Major outage: investigating")
        }
        #expect(try store.incidents().first?.silent == false)
    }

    @Test(arguments: [true, false])
    func twoProvidersSpikingOverOneAppAreOneEventEachAlertSaysSo(blameTheApp: Bool) async throws {
        let yaml = """
            version: 1
            providers: [{name: Kabelfix}, {name: Talnetz}, {name: Quietnet}]
            sources: [{name: forum, url: 'https://example.org/feed.xml'}]
            sinks: [{name: noc, kind: slack, url: 'https://hooks.example.org/x'}]

            """
        let config = try FeedsConfig.parse(
            yaml: yaml, fileName: "feeds.yml", baseDirectory: FileManager.default.temporaryDirectory, environment: [:])
        let store = try AppDatabase.inMemory()
        // Half the burst's posts blame the messenger, or none do.
        let words: (Int) -> String = { index in
            blameTheApp && index % 2 == 0 ? "and WhatsApp both dead? messages stuck (\(index))" : "down, no internet (\(index))"
        }
        for (index, provider) in ["kabelfix", "talnetz", "quietnet"].enumerated() {
            let quiet = stride(from: -2 * 86_400.0, to: 86_400, by: 3_600).map { ($0 + 1_234, "regular\($0)") }
            let burst = (0..<40).map { (14 * 3_600 + Double($0) * 15, "\(provider)-person\($0)") }
            try Self.store(quiet + (index < 2 ? burst : []), provider: provider, text: words, into: store)
        }
        _ = try await Self.run(store, at: Self.burst.addingTimeInterval(15 * 60), config: config)

        let incidents = try store.incidents()
        #expect(incidents.map(\.providerID).sorted() == ["kabelfix", "talnetz"])
        let opening = try store.outbox().filter { $0.message.kind == .opened }
        #expect(opening.count == 2)
        for alert in opening {
            let other = alert.message.provider.id == "kabelfix" ? "Talnetz" : "Kabelfix"
            let cause = alert.message.commonCause
            #expect(cause.map { $0.hasPrefix("WhatsApp named in 4") || $0.hasPrefix("WhatsApp named in 5") } ?? !blameTheApp)
            #expect(cause.map { $0.hasSuffix("; \(other) spikes too") } ?? !blameTheApp, "\(cause ?? "none")")
            #expect(alert.message.providersAtOnce == (blameTheApp ? 2 : 1))
            #expect(alert.message.notes.contains { $0.hasPrefix("Likely one cause: WhatsApp") } == blameTheApp)
        }
    }

    @Test(arguments: [
        ("Re: Vodafone down?", "vodafone down?"), ("AW: Re: Störung", "störung"), ("Vodafone down?", nil),
        (nil, nil),
    ] as [(String?, String?)])
    func replyTitlesNameTheirThread(title: String?, thread: String?) {
        #expect(Complaint.thread(ofTitle: title) == thread)
    }
}
