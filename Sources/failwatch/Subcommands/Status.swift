// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchCore
import FailwatchFetch
import FailwatchKit
import FailwatchStore
import Foundation

extension FailwatchCommand {
    /// Sources' health and the last runs, from the store alone (no network).
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each source's health, its HTTP validators and stored posts, incidents, and the last runs."
        )

        @OptionGroup var options: StoreOptions

        @Option(help: "Judge staleness as if the clock read this ISO-8601 instant (replays, tests).")
        var now: String?

        @Option(help: "How many recent runs to list (0: none).")
        var runs = 5

        func validate() throws {
            guard runs >= 0 else { throw ValidationError("--runs must be 0 or more, found \(runs)") }
        }

        @Flag(help: "Print the status as JSON on stdout (stable snake_case keys).")
        var json = false

        func run() async throws {
            let now = try CommandClock.instant(now)
            let context = try await options.open(readOnly: true)
            let states: [SourceState]
            let recent: [RunRecord]
            let incidents: [IncidentRecord]
            let pending: [OutboxEntry]
            let held: [OutboxEntry]
            let silences: [FailwatchStore.Silence]
            let sinks: [String: SinkHealth]
            do {
                states = try await context.store.sourceStatuses()
                recent = try await context.store.recentRuns(limit: runs)
                incidents = try await context.store.incidents(provider: nil).suffix(10)
                pending = try await context.store.pendingAlerts()
                held = try await context.store.heldAlerts()
                silences = try await context.store.silences(endingAfter: now)
                sinks = try await context.store.sinkHealth()
                if json {
                    var status = StatusJSON(
                        config: context.config, states: states, incidents: incidents, pending: pending,
                        runs: recent, lastPrune: try await context.store.lastPrune())
                    status.addHolds(config: context.config, silences: silences, held: held, sinks: sinks, now: now)
                    print(status.encoded())
                    return
                }
            } catch {
                throw Terminal.failure(error.description)
            }
            let known = Dictionary(uniqueKeysWithValues: states.map { ($0.name, $0) })
            print("Sources")
            var rows = [["SOURCE", "LAST SUCCESS", "FAILS", "POSTS", "VALIDATORS", "LAST ERROR"]]
            for source in context.config.sources {
                guard let state = known[source.name] else {
                    rows.append([source.name, "never polled", "0", "0", "-", "-"])
                    continue
                }
                rows.append(Self.row(state))
            }
            for state in states where !context.config.sources.contains(where: { $0.name == state.name }) {
                var row = Self.row(state)
                row[0] += " (no longer configured)"
                rows.append(row)
            }
            print(Self.table(rows))
            let check = OfficialCheck(config: context.config, store: context.store, fetcher: Fetcher())
            var pages: [[String]] = []
            for provider in context.config.providers {
                if let phrase = await check.statusPage(for: provider.id, at: now) { pages.append([provider.id, phrase]) }
            }
            if !pages.isEmpty {
                print("\nStatus pages")
                print(Self.table([["PROVIDER", "STATUS PAGE"]] + pages))
            }
            print("\nIncidents (latest 10)")
            var incidentRows = [["PROVIDER", "RAISED", "STATE", "PEAK", "PEOPLE", "UPDATES", "SOURCES"]]
            for incident in incidents {
                let state =
                    (incident.resolvedAt.map { "resolved \(Self.time($0))" } ?? "open")
                    + (incident.inAlertOf.map { " (in the alert of \($0))" }
                        ?? (incident.announced ? "" : " (found in old data, not posted)"))
                let peak = incident.peakCount.map { "\(Int($0)) (usual \(String(format: "%.1f", incident.peakExpected ?? 0)))" }
                incidentRows.append([
                    incident.providerID, Self.time(incident.openedAt), state, peak ?? "-", "\(incident.authors)",
                    "\(incident.updates)", incident.sources.joined(separator: ", "),
                ])
            }
            print(incidents.isEmpty ? "none yet" : Self.table(incidentRows))
            if !pending.isEmpty {
                let sinks = Set(pending.map(\.sinkName)).sorted().joined(separator: ", ")
                print("\(pending.count) alert\(pending.count == 1 ? "" : "s") waiting in the outbox for \(sinks)")
            }
            Self.printHolds(config: context.config, silences: silences, held: held, sinks: sinks, now: now)
            guard runs > 0 else { return }
            print("\nLast runs")
            var runRows = [["RUN", "STARTED", "DURATION", "OK", "304", "FAILED", "POSTPONED", "NOT DUE", "NEW", "KNOWN"]]
            for run in recent {
                runRows.append([
                    "\(run.id)", Self.time(run.startedAt),
                    run.duration.map { String(format: "%.2f s", $0) } ?? "did not finish",
                    "\(run.sourcesOK)", "\(run.sourcesNotModified)", "\(run.sourcesFailed)",
                    "\(run.sourcesPostponed)", "\(run.sourcesNotDue)", "\(run.postsNew)", "\(run.postsDuplicate)",
                ])
            }
            print(recent.isEmpty ? "no runs yet" : Self.table(runRows))
        }

        /// Silences and maintenance windows in force or to come, held alerts, and sinks that fail.
        static func printHolds(
            config: FeedsConfig, silences: [FailwatchStore.Silence], held: [OutboxEntry], sinks: [String: SinkHealth],
            now: Date
        ) {
            var rows = [["PROVIDER", "STATE", "UNTIL", "BY", "REASON"]]
            for silence in silences {
                rows.append([
                    silence.providerID, silence.isActive(at: now) ? "silenced" : "from \(time(silence.createdAt))",
                    time(silence.endsAt), silence.createdBy, silence.reason,
                ])
            }
            for provider in config.providers {
                for window in provider.maintenance where window.contains(now) {
                    rows.append([provider.id, "in maintenance", "-", "feeds.yml", window.summary])
                }
            }
            print("\nSilences")
            print(rows.count == 1 ? "none" : table(rows))
            if !held.isEmpty {
                let names = Set(held.map(\.sinkName)).sorted().joined(separator: ", ")
                print("\(held.count) alert\(held.count == 1 ? "" : "s") held in the outbox for \(names) until the silence ends")
            }
            let failing = config.sinks.compactMap { sink in sinks[sink.name].flatMap { $0.consecutiveFailures > 0 ? $0 : nil } }
            if !failing.isEmpty {
                print("\nSinks failing")
                var sinkRows = [["SINK", "FAILS", "SINCE", "LAST ERROR"]]
                for health in failing {
                    sinkRows.append([
                        health.name, "\(health.consecutiveFailures)", time(health.failingSince), health.lastError ?? "-",
                    ])
                }
                print(table(sinkRows))
            }
        }

        static func row(_ state: SourceState) -> [String] {
            var validators = [String]()
            if let etag = state.etag { validators.append("etag \(etag)") }
            if let lastModified = state.lastModified { validators.append("last-modified \(lastModified)") }
            var error = state.lastError.map { "\($0) (\(time(state.lastErrorAt)))" } ?? "-"
            if let retryAfter = state.retryAfter { error += "; retry after \(time(retryAfter))" }
            var fails = "\(state.consecutiveFailures)"
            if let since = state.failingSince {
                fails += " since \(time(since))" + (state.failureNoticeAt.map { ", told \(time($0))" } ?? "")
            }
            return [
                state.name, time(state.lastSuccessAt), fails, "\(state.postCount)",
                validators.isEmpty ? "-" : validators.joined(separator: ", "), error,
            ]
        }

        static func time(_ date: Date?) -> String {
            date.map { $0.formatted(.iso8601) } ?? "never"
        }

        /// Left-aligned columns, two spaces apart; the last column is not padded.
        static func table(_ rows: [[String]]) -> String {
            let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
            return rows.map { row in
                row.enumerated().map { column, cell in
                    column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                }.joined(separator: "  ")
            }.joined(separator: "\n")
        }
    }
}
