// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One setting of detection a maintainer tunes, declared once: feeds.yml reads it under ``key`` in
/// `detection:`, `backtest` takes it as ``flag``, and ``all`` says where it lands (the detector's or the
/// incident tracker's settings), in what unit and within which bounds.
public struct DetectionSetting: Sendable {
    /// How a value is written.
    public enum Kind: Sendable {
        /// A duration in the one grammar of ``DurationText`` (`30s`, `15m`, `1h30m`, `8d`), kept in seconds.
        case duration
        /// A decimal number.
        case number
        /// A list of durations (`[5m, 15m, 1h]`; a single one is a list of one).
        case durations
    }

    /// The settings a table row writes into.
    public struct Target: Sendable, Equatable {
        public var detector: DetectorSettings
        public var incidents: IncidentSettings
    }

    /// The feeds.yml key (`false_alarm_every`).
    public let key: String
    /// An older key still read in feeds.yml, with a hint to keep only one.
    public let formerKey: String?
    public let kind: Kind
    /// Accepted values (seconds for durations; each element for lists).
    public let range: ClosedRange<Double>
    /// What it means, one line, for `backtest --help` and the README.
    public let meaning: String
    private let write: @Sendable (inout Target, [Double]) -> Void

    init(
        _ key: String, _ kind: Kind, _ range: ClosedRange<Double>, _ meaning: String, formerKey: String? = nil,
        write: @escaping @Sendable (inout Target, [Double]) -> Void
    ) {
        self.key = key
        self.kind = kind
        self.range = range
        self.meaning = meaning
        self.formerKey = formerKey
        self.write = write
    }

    /// The command-line flag: the key with dashes (`--false-alarm-every`).
    public var flag: String { "--" + key.replacingOccurrences(of: "_", with: "-") }

    /// Reads a value as written on the command line (a list comma-separated).
    ///
    /// - Returns: the value in seconds or as a number, or why it is wrong (one line naming the flag).
    public func parse(_ text: String) -> Result<[Double], SettingError> {
        let parts = kind == .durations ? text.split(separator: ",").map(String.init) : [text]
        var values: [Double] = []
        for part in parts {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            let value: Double?
            switch kind {
            case .duration, .durations: value = DurationText.seconds(trimmed)
            case .number: value = Double(trimmed).flatMap { $0.isFinite ? $0 : nil }
            }
            guard let value else { return .failure(SettingError(flag: flag, text: text, expected: expected)) }
            guard range.contains(value) else { return .failure(SettingError(flag: flag, text: text, expected: bounds)) }
            values.append(value)
        }
        guard !values.isEmpty else { return .failure(SettingError(flag: flag, text: text, expected: expected)) }
        return .success(values)
    }

    /// "a duration like 15m" / "a number".
    private var expected: String {
        switch kind {
        case .duration: "a duration like 15m (units s, m, h, d, w)"
        case .number: "a number"
        case .durations: "durations like 5m,15m,1h"
        }
    }

    /// "between 1m and 7d".
    public var bounds: String {
        kind == .number
            ? "between \(Self.plain(range.lowerBound)) and \(Self.plain(range.upperBound))"
            : "between \(DurationText.format(range.lowerBound)) and \(DurationText.format(range.upperBound))"
    }

    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// The settings for a sensitivity word with the given values (by key) applied over its preset.
    ///
    /// - Parameters:
    ///   - sensitivity: the preset (``DetectorSettings/preset(_:interval:)``).
    ///   - values: values by ``key``, as ``parse(_:)`` or feeds.yml read them; unknown keys are ignored.
    public static func settings(_ sensitivity: Sensitivity, values: [String: [Double]]) -> Target {
        let interval = values["interval"]?.first ?? DetectorSettings().interval
        var target = Target(detector: .preset(sensitivity, interval: interval), incidents: IncidentSettings())
        for setting in all {
            if let value = values[setting.key] { setting.write(&target, value) }
        }
        return target
    }

    /// The setting with this key (or former key).
    public static func named(_ key: String) -> DetectionSetting? {
        all.first { $0.key == key || $0.formerKey == key }
    }

    private static let day: Double = 86_400

    /// Every tunable setting of detection, in the order the README lists them.
    public static let all: [DetectionSetting] = [
        DetectionSetting("interval", .duration, 60...day, "the counting interval (default 5m)") {
            $0.detector.interval = $1[0]
        },
        DetectionSetting(
            "false_alarm_every", .duration, 3_600...365 * day,
            "the design false-alarm rate: at most one false alarm per provider in this long (default 8d)",
            formerKey: "burst_return_period"
        ) { $0.detector.burstReturnPeriod = $1[0] },
        DetectionSetting(
            "minimum_people", .number, 1...100_000,
            "fewest distinct people within one evidence window (up to an hour) that may alarm (default 6)"
        ) { $0.detector.minimumPeople = $1[0] },
        DetectionSetting(
            "quiet", .duration, 60...7 * day, "time without an alarm before an incident resolves (default 30m)"
        ) {
            $0.incidents.quietTime = $1[0]
        },
        DetectionSetting(
            "cool_down", .duration, 0...7 * day,
            "after a resolution, a new alarm reopens the same incident silently for this long (default 12h)"
        ) { $0.incidents.coolDown = $1[0] },
        DetectionSetting(
            "escalation", .number, 1.1...100,
            "an update is posted when the people of the last hour reach this multiple of the last message's (default 2)"
        ) { $0.incidents.escalationFactor = $1[0] },
        DetectionSetting(
            "volume_window", .duration, 0...day,
            "updates compare the counts summed over this window instead of the last hour's people (default 0s: off)"
        ) { $0.incidents.volumeWindow = $1[0] },
        DetectionSetting(
            "warm_up", .duration, 0...60 * day,
            "how long the detector learns before it trusts the provider's bursts (default 1d)"
        ) { $0.detector.warmUp = $1[0] },
        DetectionSetting(
            "minimum_dispersion", .number, 0...10, "floor of the count model's overdispersion (default 0.02)"
        ) { $0.detector.minimumDispersion = $1[0] },
        DetectionSetting(
            "dispersion_half_life", .duration, 3_600...365 * day, "half-life of the dispersion estimate (default 3d)"
        ) { $0.detector.dispersionHalfLife = $1[0] },
        DetectionSetting(
            "burst_release_period", .duration, 300...365 * day,
            "a burst rarer than once in this long is unusual: an alarm lasts while bursts stay this rare, and rarer ones count less in the history (default 1d)"
        ) { $0.detector.burstReleasePeriod = $1[0] },
        DetectionSetting(
            "burst_windows", .durations, 60...7 * day,
            "the time scales over which people above the usual are summed (default 5m,15m,1h,3h)"
        ) { $0.detector.burstWindows = $1 },
        DetectionSetting(
            "burst_quantile", .number, 0.5...0.9999,
            "the provider's usual big burst, a quantile of its past bursts (default 0.99)"
        ) {
            $0.detector.burstQuantile = $1[0]
        },
        DetectionSetting(
            "burst_reference_quantile", .number, 0.5...0.9999, "its routine burst, a lower quantile (default 0.9)"
        ) { $0.detector.burstReferenceQuantile = $1[0] },
        DetectionSetting(
            "burst_half_life", .duration, 3_600...365 * day, "how fast the burst history forgets (default 7d)"
        ) {
            $0.detector.burstHalfLife = $1[0]
        },
        DetectionSetting("burst_lag", .duration, 0...7 * day, "how late bursts join the history (default 12h)") {
            $0.detector.burstLag = $1[0]
        },
        DetectionSetting(
            "burst_offset", .number, 0.01...1_000, "people added to bursts before their ratios are taken (default 1)"
        ) {
            $0.detector.burstOffset = $1[0]
        },
        DetectionSetting(
            "burst_record_ratio", .number, 0...100,
            "a new alarm needs a burst this many times the recent peak at its scale (default 1.25)"
        ) { $0.detector.burstRecordRatio = $1[0] },
        DetectionSetting(
            "burst_record_half_life", .duration, 3_600...365 * day, "how fast that peak fades (default 2d)"
        ) {
            $0.detector.burstRecordHalfLife = $1[0]
        },
    ]
}

/// A setting given a value it cannot take, as one line: "--quiet: expected a duration like 15m, found 'soon'".
public struct SettingError: Error, CustomStringConvertible, Equatable {
    public var flag: String
    public var text: String
    public var expected: String

    public var description: String {
        "\(flag): expected \(expected), found '\(text.count > 60 ? String(text.prefix(60)) + "…" : text)'"
    }
}
