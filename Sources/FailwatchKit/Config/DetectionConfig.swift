// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// feeds.yml `detection:`: how eager spike detection is and when an incident counts as over,
/// top level with per-provider overrides, so a noisy provider can be calmer than the rest.
///
/// Every key is optional and declared once, in ``DetectionSetting/all``: a provider's value wins over
/// the top level's, which wins over the sensitivity preset (``DetectorSettings/preset(_:interval:)``)
/// and ``IncidentSettings``' defaults.
public struct DetectionConfig: Sendable, Equatable {
    /// `sensitivity: low | balanced | high` (default balanced).
    public var sensitivity: Sensitivity?
    /// Values by key of ``DetectionSetting/all`` (durations in seconds).
    public var values: [String: [Double]]

    public init(sensitivity: Sensitivity? = nil, values: [String: [Double]] = [:]) {
        self.sensitivity = sensitivity
        self.values = values
    }

    /// One value by key (the first of a list); setting `nil` removes it.
    public subscript(key: String) -> Double? {
        get { values[key]?.first }
        set { values[key] = newValue.map { [$0] } }
    }

    /// This configuration with every field `override` sets replaced.
    public func overridden(by override: DetectionConfig?) -> DetectionConfig {
        guard let override else { return self }
        return DetectionConfig(
            sensitivity: override.sensitivity ?? sensitivity,
            values: values.merging(override.values) { _, new in new })
    }

    /// The detector's settings: the sensitivity preset with the explicit values applied.
    public var detectorSettings: DetectorSettings { settings.detector }

    /// The incident tracker's settings.
    public var incidentSettings: IncidentSettings { settings.incidents }

    private var settings: DetectionSetting.Target {
        DetectionSetting.settings(sensitivity ?? .balanced, values: values)
    }
}
