// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// feeds.yml `detection:`: how eager spike detection is and when an incident counts as over,
/// top level with per-provider overrides, so a noisy provider can be calmer than the rest.
///
/// Every field is optional: a provider's value wins over the top level's, which wins over the
/// sensitivity preset (``DetectorSettings/preset(_:interval:)``) and ``IncidentSettings``' defaults.
public struct DetectionConfig: Sendable, Equatable {
    /// `sensitivity: low | balanced | high` (default balanced).
    public var sensitivity: Sensitivity?
    /// `interval:` the counting interval (default 5m).
    public var interval: TimeInterval?
    /// `quiet:` time without an alarm before an incident resolves (default 30m).
    public var quiet: TimeInterval?
    /// `cool_down:` after a resolution, a new alarm reopens the same incident silently (default 12h).
    public var coolDown: TimeInterval?
    /// `escalation:` an update is posted when the volume reaches this multiple of the last one (default 2).
    public var escalation: Double?
    /// `minimum_people:` fewest distinct people within one evidence window (up to an hour) that may alarm.
    public var minimumPeople: Double?
    /// `warm_up:` how long the detector learns before it trusts the provider's burst history.
    public var warmUp: TimeInterval?
    /// `false_alarm_every:` (or its older name `burst_return_period:`) the design false-alarm rate: at most
    /// one false alarm per provider in this long; the count model's threshold and the burst gate follow from it.
    public var burstReturnPeriod: TimeInterval?
    /// `burst_release_period:` an ongoing alarm lasts while the burst stays rarer than once in this long.
    public var burstReleasePeriod: TimeInterval?
    /// `burst_windows:` the time scales over which voices above the usual are summed.
    public var burstWindows: [TimeInterval]?
    /// `burst_quantile:` the provider's usual big burst (a quantile of its past bursts).
    public var burstQuantile: Double?
    /// `burst_reference_quantile:` its routine burst, a lower quantile (the tail runs through both).
    public var burstReferenceQuantile: Double?
    /// `burst_half_life:` how fast the burst history forgets.
    public var burstHalfLife: TimeInterval?
    /// `burst_lag:` how late bursts join the history.
    public var burstLag: TimeInterval?
    /// `burst_offset:` voices added to bursts before their ratios are taken.
    public var burstOffset: Double?
    /// `burst_alarm_weight:` weight of bursts that overlap an alarm in the history (without a routine period).
    public var burstAlarmWeight: Double?
    /// `burst_routine_period:` bursts rarer than once in this long count less in the history.
    public var burstRoutinePeriod: TimeInterval?
    /// `burst_rare_weight:` the least weight a rare burst keeps in the history.
    public var burstRareWeight: Double?
    /// `burst_record_ratio:` a new alarm needs a burst this many times the recent peak at its time scale.
    public var burstRecordRatio: Double?
    /// `burst_record_half_life:` how fast that peak fades.
    public var burstRecordHalfLife: TimeInterval?

    /// The quiet time when none is configured: half an hour without an alarm.
    public static let defaultQuiet: TimeInterval = 30 * 60

    public init(
        sensitivity: Sensitivity? = nil, interval: TimeInterval? = nil, quiet: TimeInterval? = nil,
        coolDown: TimeInterval? = nil, escalation: Double? = nil, minimumPeople: Double? = nil,
        warmUp: TimeInterval? = nil, falseAlarmEvery: TimeInterval? = nil
    ) {
        self.sensitivity = sensitivity
        self.interval = interval
        self.quiet = quiet
        self.coolDown = coolDown
        self.escalation = escalation
        self.minimumPeople = minimumPeople
        self.warmUp = warmUp
        self.burstReturnPeriod = falseAlarmEvery
    }

    /// This configuration with every field `override` sets replaced.
    public func overridden(by override: DetectionConfig?) -> DetectionConfig {
        guard let override else { return self }
        var merged = override
        func inherit<Value>(_ field: WritableKeyPath<DetectionConfig, Value?>) {
            if merged[keyPath: field] == nil { merged[keyPath: field] = self[keyPath: field] }
        }
        inherit(\.sensitivity)
        inherit(\.interval)
        inherit(\.quiet)
        inherit(\.coolDown)
        inherit(\.escalation)
        inherit(\.minimumPeople)
        inherit(\.warmUp)
        inherit(\.burstReturnPeriod)
        inherit(\.burstReleasePeriod)
        inherit(\.burstWindows)
        inherit(\.burstQuantile)
        inherit(\.burstReferenceQuantile)
        inherit(\.burstHalfLife)
        inherit(\.burstLag)
        inherit(\.burstOffset)
        inherit(\.burstAlarmWeight)
        inherit(\.burstRoutinePeriod)
        inherit(\.burstRareWeight)
        inherit(\.burstRecordRatio)
        inherit(\.burstRecordHalfLife)
        return merged
    }

    /// The detector's settings: the sensitivity preset with the explicit values applied.
    public var detectorSettings: DetectorSettings {
        var settings = DetectorSettings.preset(sensitivity ?? .balanced, interval: interval ?? 300)
        func apply<Value>(_ field: KeyPath<DetectionConfig, Value?>, to setting: WritableKeyPath<DetectorSettings, Value>) {
            if let value = self[keyPath: field] { settings[keyPath: setting] = value }
        }
        apply(\.minimumPeople, to: \.minimumPeople)
        apply(\.warmUp, to: \.warmUp)
        apply(\.burstReturnPeriod, to: \.burstReturnPeriod)
        apply(\.burstReleasePeriod, to: \.burstReleasePeriod)
        apply(\.burstWindows, to: \.burstWindows)
        apply(\.burstQuantile, to: \.burstQuantile)
        apply(\.burstReferenceQuantile, to: \.burstReferenceQuantile)
        apply(\.burstHalfLife, to: \.burstHalfLife)
        apply(\.burstLag, to: \.burstLag)
        apply(\.burstOffset, to: \.burstOffset)
        apply(\.burstAlarmWeight, to: \.burstAlarmWeight)
        apply(\.burstRoutinePeriod, to: \.burstRoutinePeriod)
        apply(\.burstRareWeight, to: \.burstRareWeight)
        apply(\.burstRecordRatio, to: \.burstRecordRatio)
        apply(\.burstRecordHalfLife, to: \.burstRecordHalfLife)
        return settings
    }

    /// The incident tracker's settings.
    public var incidentSettings: IncidentSettings {
        var settings = IncidentSettings(quietTime: quiet ?? Self.defaultQuiet)
        if let coolDown { settings.coolDown = coolDown }
        if let escalation { settings.escalationFactor = escalation }
        return settings
    }
}
