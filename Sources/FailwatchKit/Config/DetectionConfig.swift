// SPDX-License-Identifier: Apache-2.0
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
    /// `threshold:` evidence in nats needed before an alarm (overrides the preset).
    public var threshold: Double?
    /// `shift_ratio:` the rise the detector is tuned to (overrides the preset).
    public var shiftRatio: Double?
    /// `minimum_count:` fewest voices in an interval that may alarm (overrides the preset).
    public var minimumCount: Double?
    /// `persistence:` consecutive rising intervals before an alarm (overrides the preset).
    public var persistence: Int?
    /// `warm_up:` how long the detector learns before it trusts its baseline (overrides the preset).
    public var warmUp: TimeInterval?
    /// `cold_start_floor:` voices needed to alarm during the warm-up (overrides the preset).
    public var coldStartFloor: Double?

    /// The quiet time when none is configured: half an hour without an alarm.
    public static let defaultQuiet: TimeInterval = 30 * 60

    public init(
        sensitivity: Sensitivity? = nil, interval: TimeInterval? = nil, quiet: TimeInterval? = nil,
        coolDown: TimeInterval? = nil, escalation: Double? = nil, threshold: Double? = nil,
        shiftRatio: Double? = nil, minimumCount: Double? = nil, persistence: Int? = nil,
        warmUp: TimeInterval? = nil, coldStartFloor: Double? = nil
    ) {
        self.sensitivity = sensitivity
        self.interval = interval
        self.quiet = quiet
        self.coolDown = coolDown
        self.escalation = escalation
        self.threshold = threshold
        self.shiftRatio = shiftRatio
        self.minimumCount = minimumCount
        self.persistence = persistence
        self.warmUp = warmUp
        self.coldStartFloor = coldStartFloor
    }

    /// This configuration with every field `override` sets replaced.
    public func overridden(by override: DetectionConfig?) -> DetectionConfig {
        guard let override else { return self }
        return DetectionConfig(
            sensitivity: override.sensitivity ?? sensitivity, interval: override.interval ?? interval,
            quiet: override.quiet ?? quiet, coolDown: override.coolDown ?? coolDown,
            escalation: override.escalation ?? escalation, threshold: override.threshold ?? threshold,
            shiftRatio: override.shiftRatio ?? shiftRatio, minimumCount: override.minimumCount ?? minimumCount,
            persistence: override.persistence ?? persistence, warmUp: override.warmUp ?? warmUp,
            coldStartFloor: override.coldStartFloor ?? coldStartFloor)
    }

    /// The detector's settings: the sensitivity preset with the explicit values applied.
    public var detectorSettings: DetectorSettings {
        var settings = DetectorSettings.preset(sensitivity ?? .balanced, interval: interval ?? 300)
        if let threshold { settings.threshold = threshold }
        if let shiftRatio { settings.shiftRatio = shiftRatio }
        if let minimumCount { settings.minimumCount = minimumCount }
        if let persistence { settings.persistence = persistence }
        if let warmUp { settings.warmUp = warmUp }
        if let coldStartFloor { settings.coldStartFloor = coldStartFloor }
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
