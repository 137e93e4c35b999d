// SPDX-License-Identifier: Apache-2.0
import FailwatchKit
import FailwatchStore
import Foundation

/// The `poll --json` object: stable keys for scripts and monitoring.
struct JSONSummary: Encodable {
    struct Sources: Encodable {
        var ok, notModified, failed, postponed, notDue: Int
    }
    struct Posts: Encodable {
        var new, duplicate, skippedOld: Int
    }
    struct Alerts: Encodable {
        var sent, pending, failed: Int
        /// Held by a silence or maintenance window; never sent when no longer news as it ended; open
        /// incidents posted again to Alertmanager.
        var held, suppressed, refreshed: Int
        var problems: [String]
        /// Sinks that deliver again after failed runs.
        var recovered: [String]
    }
    struct Incidents: Encodable {
        var opened, updated, resolved: Int
    }
    struct Pruned: Encodable {
        var posts, runs, alerts: Int
    }
    struct Result: Encodable {
        var source, url, outcome: String
        var new, duplicate: Int
        var durationSeconds: Double
        var message: String?
        /// `started_failing`, `still_failing` (the daily reminder) or `recovered`; absent when no news.
        var notice: String?
    }

    var run: Int64?
    var started: Date
    var durationSeconds: Double
    var sources: Sources
    var posts: Posts
    var results: [Result]
    var notDue: [String]
    var incidents: Incidents
    var alerts: Alerts
    /// What this run's daily prune deleted; absent when it did not prune.
    var pruned: Pruned?

    init(_ summary: RunSummary) {
        run = summary.runID
        started = summary.startedAt
        durationSeconds = (summary.duration * 1000).rounded() / 1000
        sources = Sources(
            ok: summary.sourcesOK, notModified: summary.sourcesNotModified, failed: summary.sourcesFailed,
            postponed: summary.sourcesPostponed, notDue: summary.notDue.count)
        posts = Posts(new: summary.postsNew, duplicate: summary.postsDuplicate, skippedOld: summary.postsSkippedOld)
        results = summary.sources.map {
            Result(
                source: $0.name, url: $0.url, outcome: $0.outcomeName, new: $0.postsNew,
                duplicate: $0.postsDuplicate, durationSeconds: ($0.duration * 1000).rounded() / 1000,
                message: $0.problem, notice: $0.notice.map(Self.name))
        }
        pruned = summary.pruned.map { Pruned(posts: $0.posts, runs: $0.runs, alerts: $0.alerts) }
        notDue = summary.notDue
        incidents = Incidents(
            opened: summary.incidents.opened, updated: summary.incidents.updated,
            resolved: summary.incidents.resolved)
        alerts = Alerts(
            sent: summary.alerts.sent, pending: summary.alerts.pending, failed: summary.alerts.failed,
            held: summary.alerts.held, suppressed: summary.alerts.suppressed, refreshed: summary.alerts.refreshed,
            problems: summary.alerts.problems, recovered: summary.alerts.recovered)
    }

    static func name(_ notice: SourceNotice) -> String {
        switch notice {
        case .startedFailing: "started_failing"
        case .stillFailing: "still_failing"
        case .recovered: "recovered"
        }
    }

    func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
