// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import FailwatchStore
import Foundation
import Testing

@Suite struct AppDatabaseTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func post(_ guid: String, source: String = "news", link: String? = nil, text: String? = nil) -> Post {
        let body = text ?? "post \(guid)"
        return Post(
            sourceName: source, guid: guid, link: link, author: "anna", title: nil, text: body, language: "de",
            published: now, fetched: now, contentHash: ContentHash.of(author: "anna", text: body),
            verdict: Classification(
                label: .outage, sentiment: -0.5, language: "de",
                providers: [ProviderVerdict(id: "vodafone", label: .outage, sentiment: -0.5)]))
    }

    func fetched(_ source: String, _ posts: [Post], etag: String? = "\"v1\"") -> SourceReport {
        SourceReport(
            name: source, kind: "feed", url: "https://example.org/\(source)",
            outcome: .fetched(.init(posts: posts, etag: etag)), duration: 0.1)
    }

    @Test func storesNewPostsAndCountsDuplicatesByGuid() throws {
        // Given a store that already holds two posts of a source
        let store = try AppDatabase.inMemory()
        let run = try store.startRun(at: now)
        try store.record(fetched("news", [post("1"), post("2")]), runID: run, at: now)

        // When the same feed comes again with one new item
        let report = try store.record(fetched("news", [post("1"), post("2"), post("3")]), runID: try store.startRun(at: now), at: now)

        // Then only the new item is stored
        #expect(report.postsNew == 1)
        #expect(report.postsDuplicate == 2)
        #expect(try store.postCount() == 3)
    }

    @Test func repostAndSymptomReachDetection() throws {
        let store = try AppDatabase.inMemory()
        var sms = post("1", text: "texts not sending since noon")
        sms.verdict?.providers = [ProviderVerdict(id: "vodafone", label: .outage, sentiment: -0.5, symptom: .sms)]
        var retweet = post("2", text: "RT @anna: texts not sending since noon")
        retweet.repost = true
        try store.record(fetched("news", [sms, retweet]), runID: try store.startRun(at: now), at: now)

        let complaints = try store.complaints(
            provider: "vodafone", from: now.addingTimeInterval(-60), to: now.addingTimeInterval(60))

        #expect(complaints.map(\.symptom) == [.sms, nil])
        #expect(complaints.map(\.repost) == [false, true])
    }

    @Test func samePostThroughTwoFeedsIsOnePost() throws {
        let store = try AppDatabase.inMemory()
        let run = try store.startRun(at: now)
        try store.record(
            fetched("news", [post("https://example.org/a", link: "https://example.org/a")]), runID: run, at: now)

        // The same guid through a second feed is the same post; another guid is another post,
        // even with the same link or the same words (identity is the post's own id).
        let again = try store.record(
            fetched("search", [post("https://example.org/a", source: "search", text: "x")]), runID: run, at: now)
        let otherID = try store.record(
            fetched("mirror", [post("z", source: "mirror", link: "https://example.org/a", text: "post a")]),
            runID: run, at: now)

        #expect(again.postsNew == 0)
        #expect(otherID.postsNew == 1)
        #expect(try store.postCount() == 2)
    }

    @Test func keepsValidatorsAndHealthPerSource() throws {
        let store = try AppDatabase.inMemory()
        let run = try store.startRun(at: now)
        try store.record(fetched("news", [post("1")], etag: "\"abc\""), runID: run, at: now)
        let failed = SourceReport(
            name: "news", kind: "feed", url: "https://example.org/news", outcome: .failed(reason: "http 500"),
            duration: 0.1)
        try store.record(failed, runID: try store.startRun(at: now), at: now.addingTimeInterval(300))
        try store.record(failed, runID: try store.startRun(at: now), at: now.addingTimeInterval(600))

        let state = try #require(try store.sourceStates()["news"])
        #expect(state.etag == "\"abc\"")
        #expect(state.lastSuccessAt == now)
        #expect(state.lastError == "http 500")
        #expect(state.consecutiveFailures == 2)
        #expect(try store.sourceStatuses().first?.postCount == 1)
    }

    @Test func postponedSourceRemembersRetryAfter() throws {
        let store = try AppDatabase.inMemory()
        let until = now.addingTimeInterval(3600)
        let report = SourceReport(
            name: "reddit", kind: "feed", url: "https://example.org/r",
            outcome: .postponed(until: until, reason: "http 429"), duration: 0)
        try store.record(report, runID: try store.startRun(at: now), at: now)

        let state = try #require(try store.sourceStates()["reddit"])
        #expect(state.retryAfter == until)
        #expect(state.consecutiveFailures == 0)
    }

    @Test func runHistoryKeepsTotals() throws {
        let store = try AppDatabase.inMemory()
        let runID = try store.startRun(at: now)
        let report = try store.record(fetched("news", [post("1"), post("2")]), runID: runID, at: now)
        let summary = RunSummary(runID: runID, startedAt: now, duration: 1.5, sources: [report], notDue: ["slow"])
        try store.finish(try #require(summary.record))

        let run = try #require(try store.recentRuns(limit: 5).first)
        #expect(run.postsNew == 2)
        #expect(run.sourcesOK == 1)
        #expect(run.sourcesNotDue == 1)
        #expect(run.finishedAt == now.addingTimeInterval(1))
    }

    @Test func readOnlyFolderIsAClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fw-ro-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer { try? FileManager.default.removeItem(at: folder) }
        guard getuid() != 0 else { return }  // root writes anywhere; the CLI test covers a read-only file
        #expect(throws: StoreError.self) { try AppDatabase.open(path: folder.appendingPathComponent("x.db").path) }
    }

    @Test func missingFolderIsAClearError() {
        #expect(throws: StoreError.cannotOpen(path: "/nonexistent/x/db.sqlite", reason: "folder /nonexistent/x does not exist")) {
            try AppDatabase.open(path: "/nonexistent/x/db.sqlite")
        }
    }

    @Test func notADatabaseIsAClearError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fw-notdb-\(UUID()).sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            _ = try AppDatabase.open(path: file.path)
            Issue.record("opened a file that is not a database")
        } catch {
            #expect(error.description.contains("not a failwatch database"))
        }
    }
}
