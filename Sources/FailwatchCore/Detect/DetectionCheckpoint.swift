// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Where one provider's detection stopped, kept in the store between cron runs: the next run
/// feeds the detector the intervals from ``next`` on and continues exactly as one long run would.
///
/// The stored form carries a ``version``. A state of an older version whose shape this failwatch still
/// reads is read as it is; one it cannot read (another shape, or a newer failwatch's) decodes as
/// ``unreadable``, and detection warms up again from the stored posts with a note saying why.
public struct DetectionCheckpoint: Codable, Sendable {
    /// The version this failwatch writes: 1 had no `version` field, 2 the same state with it.
    public static let currentVersion = 2

    public var version: Int
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
    /// The highest post id among the complaints detection has read: a post fetched in the second
    /// of ``savedAt`` with a higher id was stored after the pass read (by another poller) and is news.
    public var countedThrough: Int64?
    /// Why a stored state could not be read (its version, what failed); `nil` for a usable state.
    public var unreadable: String?

    /// A fresh state that starts observing at `start`.
    public init(provider: String, settings: DetectorSettings, incidentSettings: IncidentSettings, start: Date) {
        self.version = Self.currentVersion
        self.settings = settings
        self.incidentSettings = incidentSettings
        self.detector = SpikeDetector(settings: settings)
        self.tracker = IncidentTracker(provider: provider, settings: incidentSettings)
        self.voices = VoiceLedger(memory: settings.evidenceWindows.max() ?? 3_600)
        self.next = VoiceCounter.intervalStart(of: start, interval: settings.interval)
    }

    private enum CodingKeys: String, CodingKey {
        case version, settings, incidentSettings, detector, tracker, voices, next, savedAt, countedThrough
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
        next = try container.decode(Date.self, forKey: .next)
        savedAt = try container.decodeIfPresent(Date.self, forKey: .savedAt)
        countedThrough = try container.decodeIfPresent(Int64.self, forKey: .countedThrough)
        do {
            guard version <= Self.currentVersion else {
                throw DecodingError.dataCorruptedError(
                    forKey: .version, in: container, debugDescription: "written by a newer failwatch")
            }
            settings = try container.decode(DetectorSettings.self, forKey: .settings)
            incidentSettings = try container.decode(IncidentSettings.self, forKey: .incidentSettings)
            detector = try container.decode(SpikeDetector.self, forKey: .detector)
            tracker = try container.decode(IncidentTracker.self, forKey: .tracker)
            voices = try container.decode(VoiceLedger.self, forKey: .voices)
        } catch {
            settings = DetectorSettings()
            incidentSettings = IncidentSettings()
            detector = SpikeDetector(settings: settings)
            tracker = IncidentTracker(provider: "", settings: incidentSettings)
            voices = VoiceLedger()
            unreadable =
                "its saved detection state (version \(version)) is not one this failwatch reads (version \(Self.currentVersion))"
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.currentVersion, forKey: .version)
        try container.encode(settings, forKey: .settings)
        try container.encode(incidentSettings, forKey: .incidentSettings)
        try container.encode(detector, forKey: .detector)
        try container.encode(tracker, forKey: .tracker)
        try container.encode(voices, forKey: .voices)
        try container.encode(next, forKey: .next)
        try container.encodeIfPresent(savedAt, forKey: .savedAt)
        try container.encodeIfPresent(countedThrough, forKey: .countedThrough)
    }

    /// Whether this state was built with these settings.
    public func matches(_ settings: DetectorSettings, _ incidentSettings: IncidentSettings) -> Bool {
        unreadable == nil && self.settings == settings && self.incidentSettings == incidentSettings
    }
}
