// SPDX-License-Identifier: Apache-2.0

/// How eager the detector is, as a user would say it in feeds.yml.
public enum Sensitivity: String, Codable, CaseIterable, Sendable {
    /// Fewer, larger alerts: only waves far above the usual.
    case low
    /// The default: tuned on public mention-volume series for few false alerts.
    case balanced
    /// Earlier alerts on smaller waves, at the price of more false alarms.
    case high
}
