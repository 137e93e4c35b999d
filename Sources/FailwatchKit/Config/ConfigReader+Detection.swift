// SPDX-License-Identifier: Apache-2.0
import Foundation
import Yams

/// The `detection:` section (top level and per provider) and the `alerts:` section.
extension ConfigReader {
    static let detectionKeys = [
        "sensitivity", "interval", "quiet", "cool_down", "escalation", "threshold", "shift_ratio", "minimum_count",
        "persistence", "warm_up", "cold_start_floor",
    ]
    static let alertsKeys = ["more_link", "give_up_after"]

    /// Reads a `detection:` mapping; `nil` when absent or wrong (reported).
    mutating func readDetection(_ node: Node?, context: String) -> DetectionConfig? {
        guard let node else { return nil }
        guard
            let fields = fields(
                of: node, allowed: Self.detectionKeys, context: "in 'detection' \(context)".trimmed,
                expected: "a mapping like {sensitivity: balanced, interval: 5m}")
        else { return nil }
        var config = DetectionConfig()
        if let scalar = text(fields, "sensitivity") {
            let words = Sensitivity.allCases.map(\.rawValue)
            if let sensitivity = Sensitivity(rawValue: scalar.value.lowercased()) {
                config.sensitivity = sensitivity
            } else {
                let guess = ConfigSuggestion.closest(to: scalar.value, among: words)
                report(
                    "unknown sensitivity '\(scalar.raw)' \(fields.context)"
                        + (guess.map { " (did you mean '\($0)'?)" } ?? "; hint: use \(words.joined(separator: ", "))"),
                    at: scalar.mark)
            }
        }
        config.interval = duration(fields, "interval", minimum: 60, maximum: 86_400)
        config.quiet = duration(fields, "quiet", minimum: 60, maximum: 7 * 86_400)
        config.coolDown = duration(fields, "cool_down", minimum: 0, maximum: 7 * 86_400)
        config.warmUp = duration(fields, "warm_up", minimum: 0, maximum: 60 * 86_400)
        config.escalation = number(fields, "escalation", in: 1.1...100)
        config.threshold = number(fields, "threshold", in: 0.1...10_000)
        config.shiftRatio = number(fields, "shift_ratio", in: 1.1...1_000)
        config.minimumCount = number(fields, "minimum_count", in: 1...100_000)
        config.coldStartFloor = number(fields, "cold_start_floor", in: 1...100_000)
        config.persistence = int(fields, "persistence", in: 1...100)
        if let interval = config.interval.map({ Int($0) }), 3_600 % interval != 0 && interval % 3_600 != 0,
            let node = fields["interval"]
        {
            report(
                "'interval' \(fields.context) must divide an hour or be whole hours; hint: use 1m, 5m, 10m, 15m, 30m or 1h",
                at: node.mark)
        }
        return config
    }

    /// Reads the `alerts:` mapping.
    mutating func readAlerts(_ node: Node?) -> AlertsConfig {
        guard let node,
            let fields = fields(
                of: node, allowed: Self.alertsKeys, context: "in 'alerts'",
                expected: "a mapping like {more_link: https://status.example.org/}")
        else { return AlertsConfig() }
        var alerts = AlertsConfig()
        if let wait = duration(fields, "give_up_after", minimum: 3_600, maximum: 90 * 86_400) {
            alerts.giveUpAfter = wait
        }
        guard let scalar = text(fields, "more_link") else { return alerts }
        guard let url = URL(string: scalar.value), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host?.isEmpty == false
        else {
            report(
                "invalid url '\(scalar.raw)' for 'more_link' in 'alerts'; hint: write a full http(s) link, e.g. https://grafana.example.org/d/failwatch",
                at: scalar.mark)
            return alerts
        }
        alerts.moreLink = url
        return alerts
    }

    /// A decimal number within `range`.
    mutating func number(_ fields: Fields, _ key: String, in range: ClosedRange<Double>) -> Double? {
        guard let scalar = scalar(fields, key, expected: "a number") else { return nil }
        guard let number = Double(scalar.value.trimmingCharacters(in: .whitespaces)), number.isFinite else {
            report("expected a number for '\(key)' \(fields.context), found '\(scalar.raw)'", at: scalar.mark)
            return nil
        }
        guard range.contains(number) else {
            report(
                "'\(key)' \(fields.context) must be between \(Self.plain(range.lowerBound)) and \(Self.plain(range.upperBound)), found '\(scalar.raw)'",
                at: scalar.mark)
            return nil
        }
        return number
    }

    private static func plain(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
