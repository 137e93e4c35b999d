// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Replays a count series through a detector and the incident tracker, as the live poller would.
public enum SeriesBacktest {
    /// Which detector scores the series: failwatch's own or a named baseline.
    public enum DetectorKind: String, CaseIterable, Sendable {
        case failwatch, huginn, socialmetrix
    }

    /// One replayed row: the point and whether a new alert (opening or escalation) was raised on it.
    public struct Row: Hashable, Sendable {
        public var point: SeriesPoint
        public var signal: SpikeSignal
        public var event: IncidentEvent?

        /// A new alert: an incident opened or escalated on this row.
        public var alert: Bool { event.map { $0.kind != .resolved } ?? false }
    }

    /// Runs the series through the chosen detector and an incident tracker.
    ///
    /// - Parameters:
    ///   - points: the series, in time order.
    ///   - kind: the detector.
    ///   - settings: failwatch's detector settings (the baselines take only its interval-free floor).
    ///   - incidents: the tracker's settings, shared by all detectors.
    /// - Returns: one row per point.
    public static func run(
        _ points: [SeriesPoint], kind: DetectorKind = .failwatch, settings: DetectorSettings = DetectorSettings(),
        incidents: IncidentSettings = IncidentSettings()
    ) -> [Row] {
        replay(points, detector: kind.detector(settings), incidents: incidents)
    }

    private static func replay(
        _ points: [SeriesPoint], detector: some SeriesDetector, incidents: IncidentSettings
    ) -> [Row] {
        var detector = detector
        var tracker = IncidentTracker(provider: "series", settings: incidents)
        return points.map { point in
            let signal = detector.observe(point.value, at: point.time)
            return Row(point: point, signal: signal, event: tracker.step(signal))
        }
    }
}

extension SeriesBacktest.DetectorKind {
    /// A fresh detector of this kind (the baselines take only the people floor of `settings`).
    public func detector(_ settings: DetectorSettings) -> any SeriesDetector {
        switch self {
        case .failwatch: SpikeDetector(settings: settings)
        case .huginn: HuginnDetector(minimumCount: settings.minimumPeople)
        case .socialmetrix: SocialmetrixDetector(minimumCount: settings.minimumPeople)
        }
    }
}
