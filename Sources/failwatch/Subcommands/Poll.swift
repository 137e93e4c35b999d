// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchFetch
import FailwatchKit
import FailwatchStore
import Foundation

extension FailwatchCommand {
    /// The cron job: one run over every due source.
    struct Poll: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch every due source once, store new posts, and report (the cron job).",
            discussion: """
                Exit status: 0 when the run completed (even if some sources failed; each failure is \
                one line on stderr and is kept in the store), 1 when the run could not run (bad \
                configuration, unusable store), 3 with --strict when a source failed or an alert is still \
                waiting in the outbox (not delivered yet, or refused: it is retried next run either way), 75 when another \
                run still held the lock after --wait seconds.
                """
        )

        @OptionGroup var options: StoreOptions

        @Option(help: "Act as if the clock read this ISO-8601 instant (replays, tests); never changes what is fetched.")
        var now: String?

        @Flag(
            help: """
                Allow --now more than a day away from the store's last run (a replay on a copy of the store); \
                without it such a --now is refused, so one mistyped date cannot hold a production store's sources back.
                """)
        var replay = false

        @Flag(
            help: """
                Fetch, classify and detect against an in-memory copy of the store; store nothing, send \
                nothing, and print the alerts that would be sent.
                """)
        var dryRun = false

        @Flag(help: "Print the run summary as JSON on stdout.")
        var json = false

        @Flag(
            help: """
                Print nothing but news for cron: a source's or a sink's failure when it starts, a reminder a \
                day while it stays down, and its recovery; postponements, warnings and alerts dropped.
                """)
        var quiet = false

        @Flag(help: "Exit 3 when any source failed or any alert is still waiting in the outbox.")
        var strict = false

        @Option(help: "Seconds to wait for another run to finish before giving up.")
        var wait: Double = 10

        func run() async throws {
            let now = try CommandClock.instant(now)
            let context = dryRun ? try await dryRunContext() : try await options.open(lockWait: wait, secrets: .required)
            if self.now != nil, !replay, !dryRun { try await Self.refuseFarReplay(now, store: context.store) }
            let run = PollRun(
                config: context.config, store: context.store,
                fetcher: Fetcher(policy: FetchPolicy(context.config.fetch)),
                classifier: try StoreOptions.classifier(context.config), now: now,
                sender: dryRun ? DryRunSender() : WebhookSender())
            let summary: RunSummary
            do {
                summary = try await run.run()
            } catch {
                throw Terminal.failure(error.description)
            }
            for report in summary.sources {
                guard let line = Self.sourceLine(report, quiet: quiet) else { continue }
                Terminal.error("source '\(report.name)' (\(report.url)): \(line)")
            }
            // --quiet: a sink's problem when it starts, once a day while it lasts, and when it ends.
            let alertLines = quiet ? summary.alerts.news : summary.alerts.problems + summary.alerts.recovered
            for line in alertLines { Terminal.error("alert: \(line)") }
            for note in summary.incidents.notes { Terminal.note("poll: \(note)") }
            if json {
                print(JSONSummary(summary).encoded())
            } else if !quiet {
                Terminal.note((dryRun ? "dry run (nothing stored, nothing sent): " : "") + Self.line(summary))
            }
            if dryRun { try await Self.printWouldSend(context.store, now: now, json: json) }
            if strict, Self.strictFailure(summary) { throw ExitCode(3) }
            withExtendedLifetime(context.lock) {}
        }

        /// What `--strict` fails on: a failed source, or an alert not delivered by the end of the
        /// run, whether its attempt failed now or it waits for its next retry (no attempt, no
        /// problem line, but nobody has been told yet).
        static func strictFailure(_ summary: RunSummary) -> Bool {
            summary.sourcesFailed > 0 || !summary.alerts.problems.isEmpty || summary.alerts.pending > 0
                || summary.alerts.failed > 0
        }

        /// The configuration and an in-memory copy of the store (empty when there is none yet); no lock.
        private func dryRunContext() async throws -> StoreOptions.Context {
            let config = try options.loadConfig(secrets: .optional)
            for unset in config.unsetSecrets { Terminal.note("dry run: \(unset); left out") }
            let location = try options.location(config)
            do {
                let store = try await location.copyInMemory()
                return StoreOptions.Context(config: config, store: store, lock: nil, location: location)
            } catch {
                throw Terminal.failure(error.description)
            }
        }

        /// One line per alert this run would have sent, from the (in-memory) outbox: where it would go and what it says.
        /// With `--json` the lines go to stderr, so stdout stays one JSON object.
        static func printWouldSend(_ store: any OutboxStore, now: Date, json: Bool) async throws {
            let queued: [OutboxEntry]
            do {
                // What DryRunSender took this run: new alerts and those left from earlier runs that were due.
                queued = try await store.outbox().filter { entry in
                    entry.deliveredAt.map { abs($0.timeIntervalSince(now)) < 1 } ?? false
                }
            } catch {
                throw Terminal.failure(error.description)
            }
            var lines = queued.map { "would send to '\($0.sinkName)': \($0.message.headline) (\($0.message.countsLine))" }
            let held = (try? await store.heldAlerts())?.filter { abs($0.createdAt.timeIntervalSince(now)) < 1 } ?? []
            lines += held.map { "would hold for '\($0.sinkName)': \($0.message.headline) (\($0.heldReason ?? "held"))" }
            if lines.isEmpty { lines = ["would send nothing"] }
            for line in lines {
                if json { Terminal.note(line) } else { print(line) }
            }
        }

        /// Refuses a `--now` more than a day before or after the store's last run: on the store cron
        /// uses, it would stamp sources and detection with another time.
        static func refuseFarReplay(_ now: Date, store: any RunStore) async throws {
            guard let last = try? await store.recentRuns(limit: 1).first?.startedAt else { return }
            let gap = now.timeIntervalSince(last)
            guard abs(gap) > 86_400 else { return }
            let days = Int((abs(gap) / 86_400).rounded())
            throw Terminal.failure(
                "poll: --now \(now.formatted(.iso8601)) is \(days) day\(days == 1 ? "" : "s") \(gap > 0 ? "after" : "before") "
                    + "the store's last run (\(last.formatted(.iso8601))); hint: add --replay to replay on purpose, "
                    + "best on a copy of the store (failwatch backup COPY, then --db COPY)")
        }

        /// A source's line on stderr, `nil` when there is nothing to say. `--quiet` keeps a failure
        /// that was told less than a day ago to itself (``SourceNotice``).
        static func sourceLine(_ report: SourceReport, quiet: Bool) -> String? {
            switch (report.notice, report.problem) {
            case let (.recovered(since, failures)?, _):
                let since = since.map { " (failing since \($0.formatted(.iso8601)))" } ?? ""
                return "recovered after \(failures) failed run\(failures == 1 ? "" : "s")\(since)"
            case let (.stillFailing(since, failures)?, problem?):
                return "still failing since \(since.formatted(.iso8601)) (\(failures) runs in a row): \(problem)"
            case (nil, let problem?) where report.outcomeName == "failed":
                return quiet ? nil : problem
            default:
                return report.problem
            }
        }

        /// "; incidents: 1 opened; alerts: 1 sent, 2 pending", empty when nothing happened.
        static func alertsPart(_ summary: RunSummary) -> String {
            var incidents: [String] = []
            if summary.incidents.opened > 0 { incidents.append("\(summary.incidents.opened) opened") }
            if summary.incidents.updated > 0 { incidents.append("\(summary.incidents.updated) updated") }
            if summary.incidents.resolved > 0 { incidents.append("\(summary.incidents.resolved) resolved") }
            var alerts: [String] = []
            if summary.alerts.sent > 0 { alerts.append("\(summary.alerts.sent) sent") }
            if summary.alerts.pending > 0 { alerts.append("\(summary.alerts.pending) pending") }
            if summary.alerts.failed > 0 { alerts.append("\(summary.alerts.failed) failed") }
            if summary.alerts.held > 0 { alerts.append("\(summary.alerts.held) held (silence or maintenance)") }
            if summary.alerts.suppressed > 0 { alerts.append("\(summary.alerts.suppressed) suppressed after a silence") }
            if summary.alerts.refreshed > 0 { alerts.append("\(summary.alerts.refreshed) posted again to Alertmanager") }
            return (incidents.isEmpty ? "" : "; incidents: " + incidents.joined(separator: ", "))
                + (alerts.isEmpty ? "" : "; alerts: " + alerts.joined(separator: ", "))
        }

        static func line(_ summary: RunSummary) -> String {
            var parts = ["\(summary.sourcesOK) ok"]
            if summary.sourcesNotModified > 0 { parts.append("\(summary.sourcesNotModified) not modified") }
            if summary.sourcesFailed > 0 { parts.append("\(summary.sourcesFailed) failed") }
            if summary.sourcesPostponed > 0 { parts.append("\(summary.sourcesPostponed) postponed") }
            if !summary.notDue.isEmpty { parts.append("\(summary.notDue.count) not due") }
            return "poll: \(summary.sources.count + summary.notDue.count) sources: " + parts.joined(separator: ", ")
                + "; \(summary.postsNew) new posts, \(summary.postsDuplicate) already known"
                + (summary.postsSkippedOld > 0
                    ? ", \(summary.postsSkippedOld) older than the first-run window (backfill:) skipped" : "")
                + Self.alertsPart(summary)
                + (summary.pruned.map { "; pruned \($0.posts) posts, \($0.runs) runs, \($0.alerts) alerts" } ?? "")
                + String(format: " (%.2f s)", summary.duration)
        }
    }
}
