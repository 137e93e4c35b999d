// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchCore
import FailwatchKit
import FailwatchStore
import Foundation

extension FailwatchCommand {
    /// Replays a count series through the detector, to tune thresholds and to score it on NAB.
    struct Backtest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay a count series (--series) or a store's posts (--db) through detection.",
            discussion: """
                With --series: prints timestamp,value,alert; alert is 1 on rows where a new alert is \
                raised (an incident opens or escalates), else 0.
                With --db: replays the stored posts with their stored labels through failwatch's detector \
                and the baselines huginn and socialmetrix, and lists the incidents each would have raised \
                since --since, with the delay after the first complaint and the lead over the provider's \
                first official word. Detection settings come from --config's detection: sections when given.
                """
        )

        @Option(help: "CSV file with timestamp,value rows (counts per interval).")
        var series: String?

        @Option(help: "A failwatch store (SQLite file) to replay (default without --series: store.path of the configuration).")
        var db: String?

        @Option(help: "Replaying a store: list incidents raised from this ISO-8601 date or instant on.")
        var since: String?

        @Option(help: "Replaying a store: the feeds.yml whose detection settings (and, without --db, store) to use (default: $FAILWATCH_CONFIG or ./feeds.yml; with --db alone: balanced, 5m, 30m quiet).")
        var config: String?

        @Option(help: "The interval length of the series, e.g. 5m.")
        var interval: String = "5m"

        @Option(help: "low, balanced or high.")
        var sensitivity: String = Sensitivity.balanced.rawValue

        @Option(help: "failwatch, or a named baseline: huginn (mean + 3 sigma over 14 days), socialmetrix (24 h vs 7 d + 2 sigma).")
        var detector: String = SeriesBacktest.DetectorKind.failwatch.rawValue

        @Option(help: "Design false-alarm rate: at most one false alarm in this long, e.g. 8d (overrides the preset).")
        var falseAlarmEvery: String?

        @Option(help: "Fewest distinct people within an evidence window (up to an hour) that may alarm (overrides the preset).")
        var minimumPeople: Double?

        @Option(help: "Floor of the count model's overdispersion (overrides the preset).")
        var minimumDispersion: Double?

        @Option(help: "Half-life of the dispersion estimate, e.g. 3d (overrides the preset).")
        var dispersionHalfLife: String?

        @Option(help: "Quiet time before an incident resolves, e.g. 1h (default: detection's quiet, 30m).")
        var quietTime: String = "30m"

        @Option(help: "Cool-down after a resolution during which the same incident reopens silently, e.g. 12h.")
        var coolDown: String = "12h"

        @Option(help: "Escalate an open incident when its volume reaches this multiple of the last announced volume.")
        var escalationFactor: Double = 2

        @Option(help: "The window over which an incident's volume is summed, e.g. 1h (0 = one interval).")
        var volumeWindow: String = "0"

        func run() throws {
            guard let series else {
                try runStore()
                return
            }
            guard let seconds = SeriesBacktest.seconds(interval) else {
                throw Terminal.failure(DetectError.badInterval(interval).description)
            }
            guard let preset = Sensitivity(rawValue: sensitivity) else {
                throw Terminal.failure("backtest: unknown sensitivity '\(sensitivity)', expected low, balanced or high")
            }
            guard let kind = SeriesBacktest.DetectorKind(rawValue: detector) else {
                throw Terminal.failure("backtest: unknown detector '\(detector)', expected failwatch, huginn or socialmetrix")
            }
            guard let quiet = SeriesBacktest.seconds(quietTime) else {
                throw Terminal.failure(DetectError.badInterval(quietTime).description)
            }
            let volumeSeconds = volumeWindow == "0" ? 0 : SeriesBacktest.seconds(volumeWindow)
            guard let volumeSeconds else {
                throw Terminal.failure(DetectError.badInterval(volumeWindow).description)
            }
            guard let coolDownSeconds = SeriesBacktest.seconds(coolDown) else {
                throw Terminal.failure(DetectError.badInterval(coolDown).description)
            }
            var settings = DetectorSettings.preset(preset, interval: seconds)
            if let minimumPeople { settings.minimumPeople = minimumPeople }
            if let minimumDispersion { settings.minimumDispersion = minimumDispersion }
            if let falseAlarmEvery {
                guard let period = SeriesBacktest.seconds(falseAlarmEvery) else {
                    throw ValidationError(DetectError.badInterval(falseAlarmEvery).description)
                }
                settings.burstReturnPeriod = period
            }
            if let dispersionHalfLife {
                guard let halfLife = SeriesBacktest.seconds(dispersionHalfLife) else {
                    throw Terminal.failure(DetectError.badInterval(dispersionHalfLife).description)
                }
                settings.dispersionHalfLife = halfLife
            }
            let incidents = IncidentSettings(
                quietTime: quiet, coolDown: coolDownSeconds, escalationFactor: escalationFactor,
                volumeWindow: volumeSeconds)

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
        private func runStore() throws {
            guard let since, let start = Self.date(since) else {
                throw Terminal.failure("backtest: replaying a store needs --since DATE, e.g. --since 2026-11-01 (or pass --series FILE)")
            }
            let configPath = db == nil ? FeedsConfig.path(option: config, environment: ProcessInfo.processInfo.environment) : config
            let loaded = try configPath.map { try StoreOptions.loadConfig(at: $0) }
            guard let path = db ?? loaded?.store.path else { return }
            do {
                let store = try AppDatabase.openReadOnly(path: path)
                let ids = try loaded.map { $0.providers.map { $0.id } } ?? store.providersWithPosts()
                let providers = ids.map { id in (id: id, detection: loaded?.detection(for: id) ?? DetectionConfig()) }
                // Replay past the newest post long enough for incidents to resolve.
                let until = (try store.latestPost() ?? start).addingTimeInterval(86_400)
                let findings = try StoreBacktest.run(store: store, providers: providers, since: start, until: until)
                print(Self.table(findings))
            } catch let error as StoreError {
                throw Terminal.failure(error.description)
            }
        }

        static func date(_ text: String) -> Date? {
            if let instant = try? Date(text, strategy: .iso8601) { return instant }
            return try? Date(text + "T00:00:00Z", strategy: .iso8601)
        }

        static func table(_ findings: [StoreBacktest.Finding]) -> String {
            var lines = ["detector      provider          raised                first complaint       delay    official              lead"]
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
                        official.padding(toLength: 21, withPad: " ", startingAt: 0), lead,
                    ].joined(separator: " "))
            }
            for kind in SeriesBacktest.DetectorKind.allCases {
                let count = findings.filter { $0.detector == kind }.count
                lines.append("\(kind.rawValue): \(count) incident\(count == 1 ? "" : "s")")
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
