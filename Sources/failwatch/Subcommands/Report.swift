// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchCore
import FailwatchKit
import FailwatchStore
import Foundation

extension FailwatchCommand {
    /// The weekly reputation report, from the store alone: a Monday cron job writes last week's
    /// file and, with `--post-summary`, tells the chat where it is.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the weekly reputation report: volume, complaints, sentiment, incidents and how fast each provider spoke.",
            discussion: """
                Weeks are ISO weeks (Monday to Sunday) in the configured time zone. From cron, on Monday morning:
                  failwatch report --week last --format html --out /srv/reports/failwatch-latest.html --post-summary
                CSV with --out writes two files: FILE (one row per provider and day) and FILE-incidents.csv.
                Exits 1 when the report cannot be made or a sink did not take the summary (the file is written first).
                """
        )

        @OptionGroup var options: StoreOptions

        @Option(help: "The ISO week, e.g. 2026-W47, or 'last' (the week before this one) or 'this'.")
        var week = "last"

        @Option(
            name: .customLong("provider"), parsing: .upToNextOption,
            help: "Only these providers (id or name; repeatable). Default: every configured provider.")
        var providers: [String] = []

        @Option(help: "html, md, csv or json.")
        var format: String = "html"

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        @Flag(help: "Send a short digest with the report's link or path to the configured chat sinks.")
        var postSummary = false

        @Option(help: "The link the digest gives (a URL readers can open); without it the digest names no place.")
        var link: String?

        @Option(help: "Seconds to wait for each sink.")
        var timeout: Double = 15

        @Option(help: "Act as if the clock read this ISO-8601 instant: the week 'last' and 'this' mean, and the report's time.")
        var now: String?

        func validate() throws {
            guard ReportFormat(rawValue: format.lowercased()) != nil else {
                throw ValidationError("--format must be html, md, csv or json, found '\(format)'")
            }
            guard timeout > 0, timeout <= 300 else {
                throw ValidationError("--timeout must be between 0 and 300 seconds, found \(timeout)")
            }
        }

        func run() async throws {
            let context = try options.open(secrets: postSummary ? .required : .optional, readOnly: true)
            let config = context.config
            let now = try CommandClock.instant(now)
            let format = ReportFormat(rawValue: format.lowercased()) ?? .html
            let report: WeeklyReport
            do {
                let reportWeek = try ReportWeek.parse(week, now: now, timeZone: config.timezone)
                let chosen = try Self.providers(providers, in: config.providers)
                let terms = chosen.map(ProviderTerms.init)
                let aggregates = try context.store.reportAggregates(week: reportWeek, providers: terms)
                let scopes = Dictionary(config.sources.map { ($0.name, $0.providers) }) { first, _ in first }
                let channels = Dictionary(config.sources.map { ($0.name, $0.kind.channelName) }) { first, _ in first }
                report = WeeklyReport.build(
                    week: reportWeek, providers: terms, aggregates: aggregates, officialScopes: scopes, channels: channels,
                    generatedAt: now)
            } catch let error as ReportError {
                throw Terminal.failure(error.description)
            } catch let error as StoreError {
                throw Terminal.failure(error.description)
            }
            try write(report, format: format)
            if postSummary { try await post(report, config: config, now: now) }
        }

        /// The chosen providers in configuration order; each name must match an id or a name.
        static func providers(_ names: [String], in configured: [ProviderConfig]) throws(ReportError) -> [ProviderConfig] {
            guard !names.isEmpty else { return configured }
            var wanted = Set<String>()
            for name in names.flatMap({ $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }) {
                guard
                    let provider = configured.first(where: {
                        $0.id.lowercased() == name.lowercased() || $0.name.lowercased() == name.lowercased()
                    })
                else {
                    throw .unknownProvider(name, known: configured.map(\.id))
                }
                wanted.insert(provider.id)
            }
            return configured.filter { wanted.contains($0.id) }
        }

        private func write(_ report: WeeklyReport, format: ReportFormat) throws {
            guard let out else {
                FileHandle.standardOutput.write(Data(format.render(report).utf8))
                return
            }
            var files = [(out, format.render(report))]
            if format == .csv {
                let url = URL(fileURLWithPath: out)
                let base = url.pathExtension.lowercased() == "csv" ? url.deletingPathExtension().path : url.path
                files = [(out, ReportCSV.days(report)), (base + "-incidents.csv", ReportCSV.incidents(report))]
            }
            for (path, text) in files {
                do {
                    // A cron line like `--out reports/last-week.html` should work on its first Monday too.
                    let url = URL(fileURLWithPath: path)
                    try FileManager.default.createDirectory(
                        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(text.utf8).write(to: url, options: .atomic)
                } catch {
                    throw Terminal.failure("report: cannot write \(path): \(error.localizedDescription)")
                }
            }
            Terminal.note("report \(report.week.label) written to " + files.map(\.0).joined(separator: " and "))
        }

        private func post(_ report: WeeklyReport, config: FeedsConfig, now: Date) async throws {
            let ids = report.providers.map(\.id)
            let sinks = config.sinks.filter { sink in
                !sink.kind.isOnCall && ids.contains { sink.providers.includes($0) }
            }
            guard !sinks.isEmpty else {
                throw Terminal.failure("report: --post-summary needs a sink; hint: add a 'sinks:' section to the configuration")
            }
            var sender = WebhookSender(timeout: timeout)
            if let agent = config.fetch.userAgent { sender.userAgent = agent }
            var failed = false
            for sink in sinks {
                guard let request = ReportDigest.request(report, link: link, sink: sink, now: now) else { continue }
                let result = await sender.send(request, now: now)
                Terminal.note("\(sink.name): \(result)")
                if !result.isDelivered { failed = true }
            }
            if failed { throw ExitCode.failure }
        }
    }
}
