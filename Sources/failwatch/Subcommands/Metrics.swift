// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchKit
import Foundation

extension FailwatchCommand {
    /// Prometheus metrics from the store, for node_exporter's textfile collector.
    struct Metrics: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print sources' health, posts, complaints, incidents and the outbox as Prometheus metrics.",
            discussion: """
                The text exposition format, for node_exporter's textfile collector: run it after each poll with \
                --out /var/lib/prometheus/node-exporter/failwatch.prom (written to a temporary file, then renamed, \
                so the collector never reads half a file). Opens the store read-only.
                """
        )

        @OptionGroup var options: StoreOptions

        @Option(help: "Write to this file (atomically) instead of standard output.")
        var out: String?

        @Option(help: "Act as if the clock read this ISO-8601 instant (tests); the 24-hour window ends here.")
        var now: String?

        func run() throws {
            let now = try CommandClock.instant(now)
            let context = try options.open(readOnly: true)
            var snapshot: MetricsSnapshot
            do {
                let store = context.store
                snapshot = MetricsSnapshot(
                    sources: try store.sourceStatuses(),
                    lastDay: try store.labelCounts(since: now.addingTimeInterval(-86_400), until: now),
                    providers: context.config.providers.map(\.id), incidents: try store.incidents(),
                    outbox: try store.outbox(), lastRun: try store.recentRuns(limit: 1).first)
                let hold = AlertHold(silences: try store.silences(endingAfter: now), providers: context.config.providers)
                snapshot.held = Set(context.config.providers.map(\.id).filter { hold.reason(provider: $0, at: now) != nil })
            } catch {
                throw Terminal.failure(error.description)
            }
            let text = snapshot.exposition()
            guard let out else {
                print(text, terminator: "")
                return
            }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw Terminal.failure("metrics: cannot write \(out): \(error.localizedDescription)")
            }
        }
    }
}
