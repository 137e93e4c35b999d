// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import Yams

/// The `detection:` section (top level and per provider) and the `alerts:` section.
extension ConfigReader {
    /// `sensitivity`, every key of ``DetectionSetting/all`` (with former names) and the retired keys.
    static let detectionKeys =
        ["sensitivity"] + DetectionSetting.all.flatMap { [$0.key] + ($0.formerKey.map { [$0] } ?? []) }
        + retiredDetectionKeys.keys.sorted()
    /// Keys of the former evidence test (a CUSUM with a per-interval floor) and of the burst history's
    /// former weightings, each with what replaces it.
    static let retiredDetectionKeys = [
        "burst_alarm_weight": "bursts count in the history by their rarity (see 'burst_release_period')",
        "burst_routine_period": "'burst_release_period' says which bursts are unusual and count less",
        "burst_rare_weight": "a rare burst counts at least 'burst_release_period' / 'false_alarm_every'",
        "threshold": "the threshold follows from 'false_alarm_every'",
        "shift_ratio": "the threshold follows from 'false_alarm_every'",
        "persistence": "people now add up over 5 to 60 minutes",
        "minimum_count": "use 'minimum_people' (distinct people within up to an hour)",
        "cold_start_floor": "a new provider is judged against a prior usual; use 'minimum_people'",
    ]
    static let alertsKeys = ["more_link", "give_up_after", "common_cause", "holding_statement"]

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
        for setting in DetectionSetting.all {
            let value = read(setting, key: setting.key, fields) ?? setting.formerKey.flatMap { read(setting, key: $0, fields) }
            config.values[setting.key] = value
            if let former = setting.formerKey, fields[setting.key] != nil, let node = fields[former] {
                report(
                    "'\(former)' \(fields.context) is the older name of '\(setting.key)'; hint: keep one of them",
                    at: node.mark)
            }
        }
        for (key, replacement) in Self.retiredDetectionKeys.sorted(by: { $0.key < $1.key }) {
            guard let node = fields[key] else { continue }
            report("'\(key)' \(fields.context) is no longer read; hint: remove it, \(replacement)", at: node.mark)
        }
        checkDetection(config, fields)
        return config
    }

    /// One setting's value under `key`, by its kind and bounds.
    private mutating func read(_ setting: DetectionSetting, key: String, _ fields: Fields) -> [Double]? {
        let range = setting.range
        switch setting.kind {
        case .duration: return duration(fields, key, minimum: range.lowerBound, maximum: range.upperBound).map { [$0] }
        case .number: return number(fields, key, in: range).map { [$0] }
        case .durations: return durationList(fields, key, minimum: range.lowerBound, maximum: range.upperBound)
        }
    }

    /// The rules between settings: an interval that tiles the hour, a release period within the onset's,
    /// a routine burst below the usual big one.
    private mutating func checkDetection(_ config: DetectionConfig, _ fields: Fields) {
        if let interval = config["interval"].map({ Int($0) }), 3_600 % interval != 0 && interval % 3_600 != 0,
            let node = fields["interval"]
        {
            report(
                "'interval' \(fields.context) must divide an hour or be whole hours; hint: use 1m, 5m, 10m, 15m, 30m or 1h",
                at: node.mark)
        }
        if let release = config["burst_release_period"], let onset = config["false_alarm_every"], release > onset,
            let node = fields["burst_release_period"]
        {
            report(
                "'burst_release_period' \(fields.context) must not exceed 'false_alarm_every'; hint: an alarm ends when bursts grow commoner than the release period",
                at: node.mark)
        }
        if let reference = config["burst_reference_quantile"], let usual = config["burst_quantile"], reference >= usual,
            let node = fields["burst_reference_quantile"]
        {
            report(
                "'burst_reference_quantile' \(fields.context) must be below 'burst_quantile'; hint: e.g. 0.9 and 0.99",
                at: node.mark)
        }
    }

    /// A non-empty list of durations (a single duration counts as a list of one), each within the bounds.
    mutating func durationList(_ fields: Fields, _ key: String, minimum: TimeInterval, maximum: TimeInterval)
        -> [TimeInterval]?
    {
        guard fields[key] != nil else { return nil }
        var seconds: [TimeInterval] = []
        var wrong = false
        for scalar in textList(fields, key) {
            guard let value = DurationText.seconds(scalar.value), value >= minimum, value <= maximum else {
                report(
                    "expected durations between \(DurationText.format(minimum)) and \(DurationText.format(maximum)) in '\(key)' \(fields.context), found '\(scalar.raw)'; hint: e.g. [5m, 15m, 1h, 3h]",
                    at: scalar.mark)
                wrong = true
                continue
            }
            seconds.append(value)
        }
        if seconds.isEmpty && !wrong, let node = fields[key] {
            report("'\(key)' \(fields.context) needs at least one duration; hint: e.g. [5m, 15m, 1h, 3h]", at: node.mark)
        }
        return wrong || seconds.isEmpty ? nil : seconds
    }

    /// Reads the `alerts:` mapping.
    mutating func readAlerts(_ node: Node?) -> AlertsConfig {
        guard let node,
            let fields = fields(
                of: node, allowed: Self.alertsKeys, context: "in 'alerts'",
                expected: "a mapping like {more_link: https://status.example.org/}")
        else { return AlertsConfig() }
        var alerts = AlertsConfig()
        alerts.holdingStatements = holdingTemplates(fields)
        if let wait = duration(fields, "give_up_after", minimum: 3_600, maximum: 90 * 86_400) {
            alerts.giveUpAfter = wait
        }
        if let scalar = text(fields, "common_cause") {
            let words = AlertsConfig.CommonCauseAlerts.allCases.map(\.rawValue)
            if let mode = AlertsConfig.CommonCauseAlerts(rawValue: scalar.value.lowercased()) {
                alerts.commonCause = mode
            } else {
                report(
                    "unknown common_cause '\(scalar.raw)' in 'alerts'; hint: use \(words.joined(separator: " or "))",
                    at: scalar.mark)
            }
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
