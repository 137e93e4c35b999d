// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchKit
import Foundation

extension FailwatchCommand {
    /// Replays a count series through the detector, to tune thresholds and to score it on NAB.
    struct Backtest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay a timestamp,value count series and print timestamp,value,alert.",
            discussion: """
                alert is 1 on rows where a new alert is raised (an incident opens or escalates), else 0.
                """
        )

        @Option(help: "CSV file with timestamp,value rows (counts per interval).")
        var series: String

        @Option(help: "The interval length of the series, e.g. 5m.")
        var interval: String = "5m"

        @Option(help: "low, balanced or high.")
        var sensitivity: String = Sensitivity.balanced.rawValue

        @Option(help: "failwatch, or a named baseline: huginn (mean + 3 sigma over 14 days), socialmetrix (24 h vs 7 d + 2 sigma).")
        var detector: String = SeriesBacktest.DetectorKind.failwatch.rawValue

        @Option(help: "Evidence threshold in nats (overrides the sensitivity preset).")
        var threshold: Double?

        @Option(help: "The rise the detector is tuned to, as a ratio to the usual (overrides the preset).")
        var shiftRatio: Double?

        @Option(help: "Fewest voices in an interval that may alarm (overrides the preset).")
        var minimumCount: Double?

        @Option(help: "Floor of the count model's overdispersion (overrides the preset).")
        var minimumDispersion: Double?

        @Option(help: "Half-life of the dispersion estimate, e.g. 3d (overrides the preset).")
        var dispersionHalfLife: String?

        @Option(help: "Consecutive rising intervals needed before an alarm (overrides the preset).")
        var persistence: Int?

        @Option(help: "Quiet time before an incident resolves, e.g. 1h.")
        var quietTime: String = "1h"

        @Option(help: "Cool-down after a resolution during which the same incident reopens silently, e.g. 12h.")
        var coolDown: String = "12h"

        @Option(help: "Escalate an open incident when its volume reaches this multiple of the last announced volume.")
        var escalationFactor: Double = 2

        @Option(help: "The window over which an incident's volume is summed, e.g. 1h (0 = one interval).")
        var volumeWindow: String = "0"

        func run() throws {
            guard let seconds = SeriesBacktest.seconds(interval) else {
                throw ValidationError(DetectError.badInterval(interval).description)
            }
            guard let preset = Sensitivity(rawValue: sensitivity) else {
                throw ValidationError("backtest: unknown sensitivity '\(sensitivity)', expected low, balanced or high")
            }
            guard let kind = SeriesBacktest.DetectorKind(rawValue: detector) else {
                throw ValidationError("backtest: unknown detector '\(detector)', expected failwatch, huginn or socialmetrix")
            }
            guard let quiet = SeriesBacktest.seconds(quietTime) else {
                throw ValidationError(DetectError.badInterval(quietTime).description)
            }
            let volumeSeconds = volumeWindow == "0" ? 0 : SeriesBacktest.seconds(volumeWindow)
            guard let volumeSeconds else {
                throw ValidationError(DetectError.badInterval(volumeWindow).description)
            }
            guard let coolDownSeconds = SeriesBacktest.seconds(coolDown) else {
                throw ValidationError(DetectError.badInterval(coolDown).description)
            }
            var settings = DetectorSettings.preset(preset, interval: seconds)
            if let threshold { settings.threshold = threshold }
            if let shiftRatio { settings.shiftRatio = shiftRatio }
            if let minimumCount { settings.minimumCount = minimumCount }
            if let minimumDispersion { settings.minimumDispersion = minimumDispersion }
            if let persistence { settings.persistence = persistence }
            if let dispersionHalfLife {
                guard let halfLife = SeriesBacktest.seconds(dispersionHalfLife) else {
                    throw ValidationError(DetectError.badInterval(dispersionHalfLife).description)
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
    }
}
