// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchStore
import Foundation

/// One cron run, end to end: the only place that wires Fetch → Ingest → Classify → Store,
/// then Detect (``IncidentRun``) and Alert (``AlertDelivery``).
///
/// Every source is isolated: its fetch, parse and write succeed or fail on their own, and a
/// failure is a line in the summary, not an exit. A webhook that is down is a line too; its
/// alerts stay in the outbox for the next run. Only a store that cannot be written stops the run.
public struct PollRun: Sendable {
    public var config: FeedsConfig
    public var store: any PollStore
    public var fetcher: any HTTPFetching
    public var classifier: Classifier
    /// The instant the run acts as if it were; drives due checks, backfill and `fetched` times,
    /// never what is fetched.
    public var now: Date
    /// What each provider says officially, for silent-outage marks; by default its status
    /// pages as stored and its internal monitoring (``OfficialCheck``).
    public var official: IncidentRun.OfficialLookup
    /// Posts alerts to the sinks.
    public var sender: any AlertSending

    public init(
        config: FeedsConfig, store: any PollStore, fetcher: any HTTPFetching, classifier: Classifier, now: Date,
        official: IncidentRun.OfficialLookup? = nil, sender: any AlertSending = WebhookSender()
    ) {
        self.config = config
        self.store = store
        self.fetcher = fetcher
        self.classifier = classifier
        self.now = now
        self.official = official ?? OfficialCheck(config: config, store: store, fetcher: fetcher).state
        self.sender = sender
    }

    /// Polls every due source with bounded concurrency, claimed from the store in batches
    /// (``SourceClaims``), and stores what it finds.
    ///
    /// - Returns: the run's summary, also written to the store.
    /// - Throws: `StoreError` when the store cannot be written.
    public func run() async throws(StoreError) -> RunSummary {
        let started = ContinuousClock.now
        let runID = try await store.startRun(at: now)
        var claims = SourceClaims(
            store: store, sources: config.sources, now: now, concurrency: config.fetch.concurrency)
        var reports: [String: SourceReport] = [:]
        var storeFailure: StoreError?
        await withTaskGroup(of: SourceReport.self) { group in
            func startNext() async {
                do throws(StoreError) {
                    guard let (source, state) = try await claims.next() else { return }
                    group.addTask { await self.poll(source, state: state) }
                } catch {
                    storeFailure = error
                    group.cancelAll()
                }
            }
            for _ in 0..<max(1, config.fetch.concurrency) { await startNext() }
            for await var report in group {
                guard storeFailure == nil else { continue }
                await startNext()
                report.notice = SourceNotice.after(report.outcome, previous: claims.states[report.name], now: now)
                do throws(StoreError) {
                    reports[report.name] = try await store.record(report, runID: runID, at: now)
                } catch {
                    storeFailure = error
                    group.cancelAll()
                }
            }
        }
        if let storeFailure { throw storeFailure }

        // Silences of the detector's memory back, so a catch-up knows which incidents fell into one.
        let hold = AlertHold(
            silences: try await store.silences(endingAfter: now.addingTimeInterval(-IncidentRun.longestWarmUp)),
            providers: config.providers)
        var detection = IncidentRun(config: config, store: store, now: now, official: official)
        detection.hold = hold
        let incidents = try await detection.run()
        var delivery = AlertDelivery(config: config, store: store, sender: sender, now: now)
        delivery.hold = hold
        let alerts = try await delivery.run()

        let pruned = try await pruneIfDue()

        var summary = RunSummary(
            runID: runID, startedAt: now, duration: started.duration(to: .now).seconds,
            sources: config.sources.compactMap { reports[$0.name] },
            notDue: config.sources.map(\.name).filter { !claims.claimed.contains($0) })
        summary.incidents = incidents
        summary.alerts = alerts
        summary.pruned = pruned
        if let record = summary.record { try await store.finish(record) }
        return summary
    }

    /// Deletes what `retention:` no longer keeps, once a day (``PruneSchedule``).
    ///
    /// - Returns: what was deleted, `nil` when no prune was due.
    func pruneIfDue() async throws(StoreError) -> PruneResult? {
        guard PruneSchedule.isDue(config.retention, last: try await store.lastPrune(), now: now) else { return nil }
        return try await store.prune(config.retention, now: now)
    }

    /// Fetches, parses and classifies one source; never throws, a failure is the report.
    func poll(_ source: SourceConfig, state: SourceState?) async -> SourceReport {
        let started = ContinuousClock.now
        let firstRun = state?.lastSuccessAt == nil
        let outcome: SourceReport.Outcome
        if source.kind == .statuspage {
            outcome = await pollStatusPage(source, state: state)
        } else if let adapter = source.apiAdapter(now: now) {
            let api = APIPoll(source: source, adapter: adapter, fetcher: fetcher, now: now)
            outcome = await api.run(state: state) { items in
                adapt(items, language: nil, source: source, backfillOnly: firstRun)
            }
        } else {
            outcome = await pollFeed(source, state: state, firstRun: firstRun)
        }
        return SourceReport(
            name: source.name, kind: source.kind.rawValue, url: source.displayURL,
            outcome: outcome,
            duration: started.duration(to: .now).seconds)
    }

    /// One conditional GET of an RSS, Atom, RDF or JSON Feed document.
    func pollFeed(_ source: SourceConfig, state: SourceState?, firstRun: Bool) async -> SourceReport.Outcome {
        let request = FetchRequest(
            url: source.url, etag: state?.etag, lastModified: state?.lastModified, headers: source.headers)
        let result = await fetcher.fetch(request)
        if let unread = SourceReport.Outcome(unread: result, source: source, state: state, now: now) { return unread }
        guard case let .fetched(body) = result else { return .failed(reason: "no body") }
        do {
            let feed = try FeedParser.parse(body.data, contentType: body.contentType, baseURL: body.finalURL)
            let adapted = adapt(feed.items, language: feed.language, source: source, backfillOnly: firstRun)
            var harvest = SourceReport.Harvest(
                posts: adapted.posts, etag: body.etag, lastModified: body.lastModified, warnings: feed.warnings,
                statements: adapted.statements)
            harvest.skippedOld = adapted.skippedOld
            return .fetched(harvest)
        } catch {
            return .failed(reason: "parse: \(error)")
        }
    }

    /// What a page of items gives: classified posts, or for an `official: true` source the
    /// provider's statements, which never reach the classifier.
    struct Adapted {
        var posts: [Post] = []
        var statements: [OfficialStatement] = []
        /// Items left out as older than the backfill window.
        var skippedOld = 0
    }

    /// Adapts items to posts, classifies them with the providers they mention (within the
    /// source's scope), and on a source's first run keeps only the backfill window. Items
    /// without visible text are no posts and are left out. An official source's posts are
    /// its provider's statements.
    ///
    /// - Parameter language: the feed's language, for items that do not name their own.
    func adapt(_ items: [FeedItem], language: String?, source: SourceConfig, backfillOnly: Bool) -> Adapted {
        let oldest = source.oldestBackfilled(now: now)
        let scope = PostIdentity.scope(kind: source.kind.rawValue, url: source.displayURL)
        // Items older than `retention: posts` would be pruned the next day and stored again
        // the day after (as late complaints): they are not stored at all.
        let kept = config.retention.posts.map { now.addingTimeInterval(-$0) }
        var adapted = Adapted()
        for item in items {
            var post = Post(item: item, language: language, sourceName: source.name, fetched: now, scope: scope)
            guard post.hasVisibleText else { continue }
            if let kept, let published = post.published, published < kept { continue }
            if backfillOnly, let published = post.published, published < oldest {
                adapted.skippedOld += 1
                continue
            }
            // The provider's own words are statements, never complaints against it.
            if source.isOfficial {
                adapted.statements.append(OfficialStatement(post: post, providerID: source.officialProviderID))
                continue
            }
            post.verdict = classifier.verdict(post.text, language: post.language, scope: source.providers)
            adapted.posts.append(post)
        }
        return adapted
    }
}

extension SourceConfig {
    /// What the store's due check needs of this source.
    var schedule: SourceSchedule {
        SourceSchedule(name: name, kind: kind.rawValue, url: displayURL, interval: interval)
    }
}

extension SourceReport.Outcome {
    /// A 429/503 answer: the source is asked again after the server's Retry-After, else
    /// after its interval (at least 15 minutes).
    static func postponed(_ source: SourceConfig, status: Int, retryAfter: RetryAfter?, now: Date) -> Self {
        let until = retryAfter?.until(now: now) ?? now.addingTimeInterval(max(source.interval, 900))
        return .postponed(until: until, reason: "http \(status): postponed until \(until.formatted(.iso8601))")
    }
}

extension Duration {
    /// The duration as fractional seconds, for summaries.
    var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
