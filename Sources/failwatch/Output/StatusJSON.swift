// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import FailwatchStore
import Foundation

/// The `status --json` object: the same facts as the tables, with stable snake_case keys for
/// scripts and monitoring. Times are ISO-8601 UTC; absent values are left out.
struct StatusJSON: Encodable {
    struct Source: Encodable {
        var name: String
        var configured: Bool
        var kind: String?
        var lastFetch, lastSuccess, lastErrorAt, failingSince, failureToldAt, retryAfter: Date?
        var consecutiveFailures: Int
        var lastError: String?
        var posts: Int
    }
    struct Incident: Encodable {
        var id, provider: String
        var raised: Date
        var resolved: Date?
        var announced: Bool
        /// With `common_cause: combined`: the incident whose alert announced this one's event.
        var inAlertOf: String?
        var peak, usual: Double?
        var people, updates: Int
        var sources: [String]
    }
    struct Run: Encodable {
        var id: Int64
        var started: Date
        var durationSeconds: Double?
        var ok, notModified, failed, postponed, notDue, newPosts, knownPosts: Int
    }

    var sources: [Source]
    var incidents: [Incident]
    /// Alerts waiting in the outbox, per sink.
    var pendingAlerts: [String: Int]
    var runs: [Run]
    var lastPrune: Date?
    struct Hold: Encodable {
        var provider: String
        /// `silence` or `maintenance`.
        var kind: String
        var active: Bool
        var from, until: Date?
        var by: String?
        var reason: String
    }
    struct Sink: Encodable {
        var name: String
        var consecutiveFailures: Int
        var failingSince, failureToldAt: Date?
        var lastError: String?
    }
    /// Silences active or to come, and maintenance windows in force now.
    var silences: [Hold] = []
    /// Alerts held by them, per sink.
    var heldAlerts: [String: Int] = [:]
    /// Every configured sink's delivery health.
    var sinks: [Sink] = []

    mutating func addHolds(
        config: FeedsConfig, silences: [FailwatchStore.Silence], held: [OutboxEntry], sinks: [String: SinkHealth],
        now: Date
    ) {
        self.silences = silences.map {
            Hold(
                provider: $0.providerID, kind: "silence", active: $0.isActive(at: now), from: $0.createdAt,
                until: $0.endsAt, by: $0.createdBy, reason: $0.reason)
        }
        for provider in config.providers {
            for window in provider.maintenance where window.contains(now) {
                self.silences.append(
                    Hold(provider: provider.id, kind: "maintenance", active: true, reason: window.summary))
            }
        }
        heldAlerts = Dictionary(held.map { ($0.sinkName, 1) }, uniquingKeysWith: +)
        self.sinks = config.sinks.map { sink in
            let health = sinks[sink.name]
            return Sink(
                name: sink.name, consecutiveFailures: health?.consecutiveFailures ?? 0,
                failingSince: health?.failingSince, failureToldAt: health?.failureNoticeAt, lastError: health?.lastError)
        }
    }

    init(
        config: FeedsConfig, states: [SourceState], incidents: [IncidentRecord], pending: [OutboxEntry],
        runs: [RunRecord], lastPrune: Date?
    ) {
        let known = Dictionary(uniqueKeysWithValues: states.map { ($0.name, $0) })
        let configured = Set(config.sources.map(\.name))
        let names = config.sources.map(\.name) + states.map(\.name).filter { !configured.contains($0) }
        sources = names.map { name in
            let state = known[name]
            return Source(
                name: name, configured: configured.contains(name), kind: state?.kind, lastFetch: state?.lastFetchAt,
                lastSuccess: state?.lastSuccessAt, lastErrorAt: state?.lastErrorAt, failingSince: state?.failingSince,
                failureToldAt: state?.failureNoticeAt, retryAfter: state?.retryAfter,
                consecutiveFailures: state?.consecutiveFailures ?? 0, lastError: state?.lastError,
                posts: state?.postCount ?? 0)
        }
        self.incidents = incidents.map {
            Incident(
                id: $0.id, provider: $0.providerID, raised: $0.openedAt, resolved: $0.resolvedAt,
                announced: $0.announced, inAlertOf: $0.inAlertOf, peak: $0.peakCount, usual: $0.peakExpected, people: $0.authors,
                updates: $0.updates, sources: $0.sources)
        }
        pendingAlerts = Dictionary(pending.map { ($0.sinkName, 1) }, uniquingKeysWith: +)
        self.runs = runs.map {
            Run(
                id: $0.id, started: $0.startedAt, durationSeconds: $0.duration, ok: $0.sourcesOK,
                notModified: $0.sourcesNotModified, failed: $0.sourcesFailed, postponed: $0.sourcesPostponed,
                notDue: $0.sourcesNotDue, newPosts: $0.postsNew, knownPosts: $0.postsDuplicate)
        }
        self.lastPrune = lastPrune
    }

    func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
