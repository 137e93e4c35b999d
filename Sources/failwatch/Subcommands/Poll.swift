// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchKit
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

        @Flag(help: "Print the run summary as JSON on stdout.")
        var json = false

        @Flag(help: "Print nothing but failures.")
        var quiet = false

        @Flag(help: "Exit 3 when any source failed or any alert is still waiting in the outbox.")
        var strict = false

        @Option(help: "Seconds to wait for another run to finish before giving up.")
        var wait: Double = 10

        func run() async throws {
            let now = try Self.instant(now)
            let context = try options.open(lockWait: wait)
            let run = PollRun(
                config: context.config, store: context.store,
                fetcher: URLSessionFetcher(policy: FetchPolicy(context.config.fetch)),
                classifier: try StoreOptions.classifier(context.config), now: now)
            let summary: RunSummary
            do {
                summary = try await run.run()
            } catch {
                throw Terminal.failure(error.description)
            }
            for report in summary.sources {
                guard let problem = report.problem else { continue }
                Terminal.error("source '\(report.name)' (\(report.url)): \(problem)")
            }
            for problem in summary.alerts.problems { Terminal.error("alert: \(problem)") }
            if json {
                print(JSONSummary(summary).encoded())
            } else if !quiet {
                Terminal.note(Self.line(summary))
            }
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

        /// `--now` as a date, or the real clock: the one place a poll reads the time.
        static func instant(_ text: String?) throws -> Date {
            guard let text else { return Date() }
            guard let date = try? Date(text, strategy: .iso8601) else {
                throw Terminal.failure("--now: '\(text)' is not an ISO-8601 instant like 2026-11-21T08:00:00Z")
            }
            return date
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
                + Self.alertsPart(summary) + String(format: " (%.2f s)", summary.duration)
        }
    }
}
