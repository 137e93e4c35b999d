// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Where one provider's detection stopped, kept in the store between cron runs: the next run
/// feeds the detector the intervals from ``next`` on and continues exactly as one long run would.
public struct DetectionCheckpoint: Codable, Sendable {
    /// The settings the state was built with; a different configuration starts afresh.
    public var settings: DetectorSettings
    public var incidentSettings: IncidentSettings
    public var detector: SpikeDetector
    public var tracker: IncidentTracker
    /// Who was heard in the last hour, so a resumed run counts only new people.
    public var voices: VoiceLedger
    /// The start of the first interval not yet observed.
    public var next: Date
    /// The `now` of the run that saved this state: posts fetched after it are news to the next run.
    public var savedAt: Date?

    /// A fresh state that starts observing at `start`.
    public init(provider: String, settings: DetectorSettings, incidentSettings: IncidentSettings, start: Date) {
        self.settings = settings
        self.incidentSettings = incidentSettings
        self.detector = SpikeDetector(settings: settings)
        self.tracker = IncidentTracker(provider: provider, settings: incidentSettings)
        self.voices = VoiceLedger(memory: settings.evidenceWindows.max() ?? 3_600)
        self.next = VoiceCounter.intervalStart(of: start, interval: settings.interval)
    }

    /// Whether this state was built with these settings.
    public func matches(_ settings: DetectorSettings, _ incidentSettings: IncidentSettings) -> Bool {
        self.settings == settings && self.incidentSettings == incidentSettings
    }
}
