// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchCore
import FailwatchKit
import FailwatchStore
import Foundation

extension FailwatchCommand {
    /// Replays a count series through the detector, to tune thresholds and to score it on NAB.
    struct Backtest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay a count series (--series) or a store's posts (--db) through detection.",
            discussion: """
                With --series: prints timestamp,value,alert; alert is 1 on rows where a new alert is \
                raised (an incident opens or escalates), else 0.
                With --db: replays the stored posts with their stored labels through failwatch's detector \
                and the baselines huginn and socialmetrix as poll run every interval would have, and lists \
                the incidents each would have raised since --since, with the delay after the first complaint \
                and the lead over the provider's first official word, and the messages failwatch would have \
                sent (openings, updates, providers joining an event under alerts: common_cause: combined, \
                resolutions). Detection settings come from --config's detection: sections when given, and \
                any flag below overrides them; --json prints the same as one JSON object.

                Detection settings (feeds.yml detection: keys; durations like 30s, 15m, 1h30m, 8d):
                """ + "\n" + settingsHelp
        )

        @Option(help: "CSV file with timestamp,value rows (counts per interval).")
        var series: String?

        @Option(
            help:
                "A failwatch store (SQLite file) to replay (default without --series: store.path of the configuration)."
        )
        var db: String?

        @Option(help: "Replaying a store: list incidents raised from this ISO-8601 date or instant on.")
        var since: String?

        @Option(
            help:
                "Replaying a store: the feeds.yml whose detection settings (and, without --db, store) to use (default: $FAILWATCH_CONFIG or ./feeds.yml; with --db alone: balanced, 5m, 30m quiet)."
        )
        var config: String?

        @Option(help: "low, balanced or high (with --db: instead of the configuration's).")
        var sensitivity: String?

        @Option(
            help:
                "failwatch, or a named baseline: huginn (mean + 3 sigma over 14 days), socialmetrix (24 h vs 7 d + 2 sigma)."
        )
        var detector: String = SeriesBacktest.DetectorKind.failwatch.rawValue

        @Flag(
            help:
                "Replaying a store: print one JSON object (incidents, and the messages as the generic webhook sends them)."
        )
        var json = false

        @Argument(
            parsing: .allUnrecognized,
            help: ArgumentHelp(
                "Any detection setting of feeds.yml as --key value, e.g. --false-alarm-every 8d --minimum-people 6 (listed below).",
                valueName: "--setting value"))
        var settings: [String] = []

        static let settingsHelp = DetectionSetting.all.map { "  \($0.flag): \($0.meaning)" }.joined(separator: "\n")

        /// The settings given as flags, over the configuration's (or the preset's) and the sensitivity word.
        func flagged() throws -> DetectionConfig {
            var config = DetectionConfig()
            if let sensitivity {
                guard let preset = Sensitivity(rawValue: sensitivity) else {
                    throw Terminal.failure(
                        "backtest: unknown sensitivity '\(sensitivity)', expected low, balanced or high")
                }
                config.sensitivity = preset
            }
            var rest = settings[...]
            while let word = rest.popFirst() {
                let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                let key = String(parts[0].drop { $0 == "-" }).replacingOccurrences(of: "-", with: "_")
                guard word.hasPrefix("--"), let setting = DetectionSetting.all.first(where: { $0.key == key }) else {
                    let guess = ConfigSuggestion.closest(to: parts[0], among: DetectionSetting.all.map(\.flag))
                    throw Terminal.failure(
                        "backtest: unknown option '\(parts[0].prefix(60))'"
                            + (guess.map { " (did you mean '\($0)'?)" } ?? ""))
                }
                guard let text = parts.count == 2 ? parts[1] : rest.popFirst() else {
                    throw Terminal.failure(
                        "backtest: \(setting.flag) needs a value, e.g. \(setting.flag) \(setting.kind == .number ? "2" : "8d")"
                    )
                }
                switch setting.parse(text) {
                case .success(let value): config.values[setting.key] = value
                case .failure(let error): throw Terminal.failure("backtest: \(error)")
                }
            }
            return config
        }

        func run() async throws {
            let flags = try flagged()
            guard let series else {
                try await runStore(flags)
                return
            }
            guard let kind = SeriesBacktest.DetectorKind(rawValue: detector) else {
                throw Terminal.failure(
                    "backtest: unknown detector '\(detector)', expected failwatch, huginn or socialmetrix")
            }
            let settings = flags.detectorSettings
            let incidents = flags.incidentSettings

            let points: [SeriesPoint]
            do {
                let text = try String(contentsOfFile: series, encoding: .utf8)
                points = try SeriesCSV.parse(text, file: series)
            } catch let error as DetectError {
                Terminal.error("\(error)")
                throw ExitCode.failure
            } catch {
                Terminal.error("series: \(series): cannot read (\(error.localizedDescription))")
                throw ExitCode.failure
            }
            var out = "timestamp,value,alert\n"
            out.reserveCapacity(points.count * 32)
            for row in SeriesBacktest.run(points, kind: kind, settings: settings, incidents: incidents) {
                let value = row.point.value
                let shown = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
                out += "\(row.point.timestamp),\(shown),\(row.alert ? 1 : 0)\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }

        /// A store (`--db`, else the configuration's `store.path`, as every other command): every
        /// provider's stored complaints through all three detectors.
        private func runStore(_ flags: DetectionConfig) async throws {
            guard let since, let start = Self.date(since) else {
                throw Terminal.failure(
                    "backtest: replaying a store needs --since DATE, e.g. --since 2026-11-01 (or pass --series FILE)")
            }
            let configPath =
                db == nil ? FeedsConfig.path(option: config, environment: ProcessInfo.processInfo.environment) : config
            let loaded = try configPath.map { try StoreOptions.loadConfig(at: $0) }
            let location: StoreLocation
            do {
                if let db {
                    location = try StoreLocation(option: db)
                } else if let loaded {
                    location = loaded.store.location
                } else {
                    return
                }
                let report = try await Self.report(in: location, config: loaded, flags: flags, since: start)
                if json {
                    FileHandle.standardOutput.write(report.json() + Data("\n".utf8))
                } else {
                    print(Self.table(report.findings) + Self.messages(report))
                }
            } catch {
                throw Terminal.failure(error.description)
            }
        }

        /// Every provider's stored complaints (the configuration's providers, else every stored one,
        /// named by its id).
        private static func report(
            in location: StoreLocation, config: FeedsConfig?, flags: DetectionConfig, since start: Date
        ) async throws(StoreError) -> StoreBacktest.Report {
            let store = try await location.openReadOnly()
            let replayed: FeedsConfig
            if let config {
                replayed = config
            } else {
                let ids = try await store.providersWithPosts()
                replayed = FeedsConfig(
                    store: StoreConfig(path: ""), providers: ids.map { ProviderConfig(id: $0, name: $0) }, sources: [])
            }
            let detection = Dictionary(
                replayed.providers.map { ($0.id, replayed.detection(for: $0.id).overridden(by: flags)) },
                uniquingKeysWith: { first, _ in first })
            // Replay past the newest post long enough for incidents to resolve.
            let until = (try await store.latestPost() ?? start).addingTimeInterval(86_400)
            return try await StoreBacktest.run(
                store: store, config: replayed, detection: detection, since: start, until: until)
        }

        static func date(_ text: String) -> Date? {
            if let instant = try? Date(text, strategy: .iso8601) { return instant }
            return try? Date(text + "T00:00:00Z", strategy: .iso8601)
        }

        static func table(_ findings: [StoreBacktest.Finding]) -> String {
            var lines = [
                "detector      provider          raised                first complaint       delay    official              lead"
            ]
            for finding in findings {
                let official = finding.officialAt.map(FeedDate.iso8601UTC) ?? "none stored"
                let lead = finding.lead.map { Self.minutes($0) } ?? "-"
                lines.append(
                    [
                        finding.detector.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0),
                        finding.provider.padding(toLength: 17, withPad: " ", startingAt: 0),
                        FeedDate.iso8601UTC(finding.raisedAt).padding(toLength: 21, withPad: " ", startingAt: 0),
                        FeedDate.iso8601UTC(finding.firstComplaint).padding(toLength: 21, withPad: " ", startingAt: 0),
                        Self.minutes(finding.delay).padding(toLength: 8, withPad: " ", startingAt: 0),
                        official.padding(toLength: 21, withPad: " ", startingAt: 0),
                        finding.inAlertOf.map {
                            lead.padding(toLength: 6, withPad: " ", startingAt: 0) + " joined \($0)'s alert"
                        }
                            ?? lead,
                    ].joined(separator: " "))
            }
            for kind in SeriesBacktest.DetectorKind.allCases {
                let found = findings.filter { $0.detector == kind }
                let joined = found.filter { $0.inAlertOf != nil }.count
                lines.append(
                    "\(kind.rawValue): \(found.count) incident\(found.count == 1 ? "" : "s")"
                        + (joined == 0 ? "" : " (\(joined) joined another's alert)"))
            }
            return lines.joined(separator: "\n")
        }

        /// failwatch's messages, one line each with its common-cause note below it; empty when none.
        static func messages(_ report: StoreBacktest.Report) -> String {
            guard !report.messages.isEmpty else { return "" }
            var lines = [
                "", "",
                "Messages failwatch would have sent (poll every interval; alerts: common_cause: \(report.commonCause.rawValue))",
                "SENT                  INCIDENT                       MESSAGE",
            ]
            for message in report.messages {
                let id = message.incidentID
                lines.append(
                    FeedDate.iso8601UTC(message.createdAt) + "  " + id
                        + String(repeating: " ", count: max(2, 31 - id.count))
                        + message.headline)
                if let cause = message.commonCause {
                    lines.append(String(repeating: " ", count: 53) + "common cause: " + cause)
                }
            }
            return lines.joined(separator: "\n")
        }

        /// "8m", "-3m", "2h05m".
        static func minutes(_ seconds: TimeInterval) -> String {
            let sign = seconds < 0 ? "-" : ""
            let whole = Int(abs(seconds) / 60)
            return whole >= 60 ? "\(sign)\(whole / 60)h\(String(format: "%02d", whole % 60))m" : "\(sign)\(whole)m"
        }
    }
}
