// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// What every store does, run against each one (``TestStore``: SQLite always, PostgreSQL when
/// `FAILWATCH_TEST_POSTGRES_URL` names a server), through the async store protocols alone.
@Suite struct StoreConformanceTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func post(
        _ guid: String, source: String = "news", label: Label = .outage, at time: Date? = nil, text: String? = nil
    )
        -> Post
    {
        let body = text ?? "post \(guid)"
        return Post(
            sourceName: source, guid: guid, link: "https://example.org/\(source)/\(guid)", author: "anna-\(guid)",
            title: nil, text: body, language: "de", published: time ?? now, fetched: now,
            contentHash: ContentHash.of(author: "anna-\(guid)", text: body),
            verdict: Classification(
                label: label, sentiment: -0.5, language: "de",
                providers: [ProviderVerdict(id: "vodafone", label: label, sentiment: -0.5, symptom: .sms)]))
    }

    func fetched(
        _ source: String, _ posts: [Post], etag: String? = "\"v1\"", cursor: String? = nil,
        statements: [OfficialStatement] = []
    ) -> SourceReport {
        SourceReport(
            name: source, kind: "feed", url: "https://example.org/\(source)",
            outcome: .fetched(.init(posts: posts, etag: etag, cursor: cursor, statements: statements)), duration: 0.1)
    }

    func alert(_ incident: String, update: Int, sink: String = "chat") -> OutboxEntry {
        var message = AlertMessage.sample(
            provider: .init(id: "vodafone", name: "Vodafone"), now: now, timeZoneID: "UTC")
        message.incidentID = incident
        message.updateNumber = update
        return OutboxEntry(sinkName: sink, message: message, createdAt: now, nextAttemptAt: now)
    }

    @Test(arguments: TestStore.available)
    func postsAreStoredOnceByGuidAndIdentity(_ kind: TestStore) async throws {
        let store = try await kind.make()
        let run = try await store.startRun(at: now)
        let first = try await store.record(fetched("news", [post("1"), post("2")]), runID: run, at: now)
        let again = try await store.record(
            fetched("news", [post("1"), post("2"), post("3")]), runID: try await store.startRun(at: now), at: now)
        let mirror = try await store.record(fetched("mirror", [post("3", source: "mirror")]), runID: run, at: now)

        #expect(first.postsNew == 2)
        #expect(again.postsNew == 1 && again.postsDuplicate == 2)
        #expect(mirror.postsNew == 1, "another source's own guid is another post")
        #expect(try await store.postCount() == 4)
    }

    @Test(arguments: TestStore.available)
    func sourceHealthValidatorsAndCursorSurvive(_ kind: TestStore) async throws {
        let store = try await kind.make()
        let run = try await store.startRun(at: now)
        try await store.record(fetched("news", [post("1")], etag: "\"abc\"", cursor: "page-7"), runID: run, at: now)
        let failed = SourceReport(
            name: "news", kind: "feed", url: "https://example.org/news", outcome: .failed(reason: "http 500"),
            duration: 0.1)
        try await store.record(failed, runID: try await store.startRun(at: now), at: now.addingTimeInterval(300))
        try await store.record(failed, runID: try await store.startRun(at: now), at: now.addingTimeInterval(600))

        let state = try #require(try await store.sourceStates()["news"])
        #expect(state.etag == "\"abc\"")
        #expect(state.cursor == "page-7")
        #expect(state.lastSuccessAt == now)
        #expect(state.lastError == "http 500")
        #expect(state.consecutiveFailures == 2)
        #expect(state.failingSince == now.addingTimeInterval(300))
        #expect(try await store.sourceStatuses().map(\.postCount) == [1])
    }

    @Test(arguments: TestStore.available)
    func onlyDueSourcesAreClaimed(_ kind: TestStore) async throws {
        let store = try await kind.make()
        let schedules = ["a", "b", "limited"].map {
            SourceSchedule(name: $0, kind: "feed", url: "https://example.org/\($0)", interval: 600)
        }
        let first = try await store.claimDueSources(schedules, now: now, limit: 10)
        let run = try await store.startRun(at: now)
        try await store.record(fetched("a", []), runID: run, at: now)
        try await store.record(fetched("b", []), runID: run, at: now)
        try await store.record(
            SourceReport(
                name: "limited", kind: "feed", url: "https://example.org/limited",
                outcome: .postponed(until: now.addingTimeInterval(3600), reason: "http 429"), duration: 0),
            runID: run, at: now)

        let soon = try await store.claimDueSources(schedules, now: now.addingTimeInterval(300), limit: 10)
        let later = try await store.claimDueSources(schedules, now: now.addingTimeInterval(600), limit: 10)

        #expect(first.due == ["a", "b", "limited"])
        #expect(first.states.isEmpty)
        #expect(soon.due.isEmpty)
        #expect(later.due == ["a", "b"], "Retry-After holds 'limited' back")
        #expect(later.states["limited"]?.retryAfter == now.addingTimeInterval(3600))
    }

    /// A poll run claims a batch at a time, asking again for what it has not claimed yet.
    @Test(arguments: TestStore.available)
    func claimsTakeAtMostTheLimitInTheOrderAsked(_ kind: TestStore) async throws {
        let store = try await kind.make()
        let schedules = ["e", "d", "c", "b", "a"].map {
            SourceSchedule(name: $0, kind: "feed", url: "https://example.org/\($0)", interval: 600)
        }
        let first = try await store.claimDueSources(schedules, now: now, limit: 2)
        let run = try await store.startRun(at: now)
        try await store.record(fetched("e", []), runID: run, at: now)
        try await store.record(fetched("d", []), runID: run, at: now)
        let second = try await store.claimDueSources(schedules, now: now, limit: 2)
        let last = try await store.claimDueSources(Array(schedules.suffix(1)), now: now, limit: 2)
        let none = try await store.claimDueSources([], now: now, limit: 2)

        #expect(first.due == ["e", "d"])
        #expect(second.due == ["c", "b"], "recorded sources are no longer due")
        #expect(last.due == ["a"])
        #expect(none.due.isEmpty)
    }

    @Test(arguments: TestStore.available)
    func complaintsLateComplaintsAndPostTimes(_ kind: TestStore) async throws {
        let store = try await kind.make()
        let run = try await store.startRun(at: now)
        let early = now.addingTimeInterval(-3600)
        try await store.record(
            fetched(
                "news", [post("1", at: early), post("2", label: .neutral), post("3", at: now.addingTimeInterval(-60))]),
            runID: run, at: now)

        let all = try await store.complaints(provider: "vodafone", from: early, to: now, knownAt: nil)
        let late = try await store.lateComplaints(
            provider: "vodafone", before: now, arrivedAfter: now.addingTimeInterval(-1), countedThrough: nil,
            knownAt: now)
        // Another poller's pass in the same second had read only the first complaint.
        let sameSecond = try await store.lateComplaints(
            provider: "vodafone", before: now, arrivedAfter: now, countedThrough: all.first?.postID, knownAt: now)
        let allRead = try await store.lateComplaints(
            provider: "vodafone", before: now, arrivedAfter: now, countedThrough: all.last?.postID, knownAt: now)

        #expect(all.map(\.event.author) == ["anna-1", "anna-3"])
        #expect(sameSecond.map(\.event.author) == ["anna-3"], "stored in the pass's second, after it read")
        #expect(allRead.isEmpty)
        #expect(all.map(\.symptom) == [.sms, .sms])
        #expect(late.map(\.event.time) == [now, now], "late complaints count at the first interval not yet counted")
        #expect(try await store.earliestPost(provider: "vodafone") == early)
        #expect(try await store.latestPost() == now)
        #expect(try await store.providersWithPosts() == ["vodafone"])
        #expect(
            try await store.labelCounts(since: early, until: now.addingTimeInterval(1))["vodafone"] == [
                .outage: 2, .neutral: 1,
            ])
    }

    @Test(arguments: TestStore.available)
    func detectionSavesIncidentsAlertsAndCheckpointOnce(_ kind: TestStore) async throws {
        let store = try await kind.make()
        let checkpoint = DetectionCheckpoint(
            provider: "vodafone", settings: DetectorSettings(), incidentSettings: IncidentSettings(), start: now)
        let incident = IncidentRecord(
            id: "vodafone-1", providerID: "vodafone", firstComplaintAt: now, openedAt: now.addingTimeInterval(300),
            peakCount: 12, peakExpected: 1.5, authors: 9, sources: ["news", "mirror"], silent: true)
        let claim = try await store.claimDetection(providers: ["vodafone", "telekom"])
        try await store.saveDetection(
            provider: "vodafone", checkpoint: checkpoint, incidents: [incident],
            alerts: [alert("vodafone-1", update: 0)],
            at: now)
        // A replayed run writes the same alert again: the outbox keeps one.
        try await store.saveDetection(
            provider: "vodafone", checkpoint: checkpoint, incidents: [incident],
            alerts: [alert("vodafone-1", update: 0)],
            at: now)
        await claim.release()

        #expect(claim.providers == ["vodafone", "telekom"])
        #expect(try await store.detectionCheckpoint(provider: "vodafone")?.next == checkpoint.next)
        #expect(try await store.detectionCheckpoint(provider: "telekom") == nil)
        #expect(try await store.incidents(provider: nil) == [incident])
        #expect(try await store.incident(id: "vodafone-1")?.sources == ["news", "mirror"])
        #expect(try await store.outbox().count == 1)
    }

    @Test(arguments: TestStore.available)
    func outboxAttemptsAndDeliveries(_ kind: TestStore) async throws {
        let store = try await kind.make()
        let checkpoint = DetectionCheckpoint(
            provider: "vodafone", settings: DetectorSettings(), incidentSettings: IncidentSettings(), start: now)
        try await store.saveDetection(
            provider: "vodafone", checkpoint: checkpoint, incidents: [],
            alerts: [alert("i1", update: 0), alert("i1", update: 1), alert("i2", update: 0, sink: "other")], at: now)

        let claimed = try await store.claimPendingAlerts(now: now)
        let opening = try #require(claimed.first?.id)
        try await store.recordAttempt(
            opening, status: .delivered, error: nil, retryAt: nil, platformMessageID: "m-1", at: now)
        try await store.recordAttempt(
            try #require(claimed.last?.id), status: .pending, error: "http 503", retryAt: now.addingTimeInterval(60),
            platformMessageID: nil, at: now)
        try await store.releaseAlerts(claimed.compactMap(\.id).filter { $0 != opening })

        #expect(claimed.map(\.idempotencyKey) == ["i1-0", "i1-1", "i2-0"])
        #expect(try await store.pendingAlerts().map(\.idempotencyKey) == ["i1-1", "i2-0"])
        #expect(try await store.hasDelivered(incident: "i1", sink: "chat"))
        #expect(try await !store.hasDelivered(incident: "i2", sink: "other"))
        #expect(try await store.platformMessageID(incident: "i1", sink: "chat") == "m-1")
        let retried = try #require(try await store.outbox().last)
        #expect(retried.attempts == 1 && retried.lastError == "http 503")
        #expect(retried.nextAttemptAt == now.addingTimeInterval(60))
        #expect(try await store.claimPendingAlerts(now: now).map(\.idempotencyKey) == ["i1-1", "i2-0"])
    }

    @Test(arguments: TestStore.available)
    func officialStatementsAreCurrentAndDated(_ kind: TestStore) async throws {
        let store = try await kind.make()
        let opened = now.addingTimeInterval(-1800)
        let incident = OfficialStatement(
            sourceName: "status", providerID: "vodafone", externalID: "inc-1", kind: .incident, title: "Kabel gestört",
            status: "investigating", impact: "major", components: ["Kabel"], createdAt: opened, fetched: now)
        let page = OfficialStatement(
            sourceName: "status", providerID: "vodafone", externalID: "page", kind: .status, title: "Partial outage",
            status: "degraded", fetched: now)
        try await store.record(
            fetched("status", [], statements: [incident, page]), runID: try await store.startRun(at: now), at: now)
        var resolved = incident
        resolved.status = "resolved"
        resolved.resolvedAt = now.addingTimeInterval(600)
        resolved.createdAt = nil
        resolved.fetched = now.addingTimeInterval(600)
        try await store.record(
            fetched("status", [], statements: [resolved]), runID: try await store.startRun(at: now),
            at: now.addingTimeInterval(600))

        let current = try await store.currentStatements(sourceNames: ["status"])["status"]
        #expect(current?.map(\.externalID) == ["inc-1"], "the latest read listed only the incident")
        #expect(current?.first?.createdAt == opened, "an update keeps the incident's creation time")
        #expect(current?.first?.status == "resolved")
        #expect(try await store.latestOfficialWord(sourceNames: ["status"], notAfter: now)?.externalID == "inc-1")
        #expect(
            try await store.firstOfficialWord(providerID: "vodafone", after: opened.addingTimeInterval(-60)) == opened)
        #expect(
            try await store.statements(providerID: "vodafone", from: opened, to: now.addingTimeInterval(1)).map(
                \.externalID) == ["inc-1", "page"])
    }

    @Test(arguments: TestStore.available)
    func runsPruneAndReclassify(_ kind: TestStore) async throws {
        let store = try await kind.make()
        let old = now.addingTimeInterval(-40 * 86_400)
        let oldRun = try await store.startRun(at: old)
        try await store.record(fetched("news", [post("old", at: old)]), runID: oldRun, at: old)
        let runID = try await store.startRun(at: now)
        let report = try await store.record(
            fetched("news", [post("new"), post("calm", label: .neutral)]), runID: runID, at: now)
        try await store.finish(
            try #require(
                RunSummary(runID: runID, startedAt: now, duration: 1.5, sources: [report], notDue: ["slow"]).record))

        let runs = try await store.recentRuns(limit: 5)
        let pruned = try await store.prune(RetentionConfig(posts: 30 * 86_400, runs: 30 * 86_400), now: now)
        try await store.compact(full: true)
        let result = try await store.reclassify(pageSize: 1) { post in
            Classification(
                label: post.text.contains("calm") ? .positive : .outage, sentiment: 0.5, language: "de",
                providers: [ProviderVerdict(id: "telekom", label: .positive, sentiment: 0.5)])
        }

        #expect(runs.map(\.postsNew) == [2, 0], "an unfinished run keeps no totals")
        #expect(runs.first?.sourcesNotDue == 1 && runs.first?.finishedAt == now.addingTimeInterval(1))
        #expect(pruned == PruneResult(posts: 1, runs: 1, alerts: 0))
        #expect(try await store.lastPrune() == now)
        #expect(result.posts == 2 && result.changed == 1)
        #expect(try await store.providersWithPosts() == ["telekom"])
    }
}
