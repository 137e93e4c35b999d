// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchStore
import Foundation

/// Replays the stored posts (with their stored labels) through detection, as `poll` would have
/// run it, for failwatch's detector and the named baselines side by side.
public enum StoreBacktest {
    /// One incident a detector would have raised.
    public struct Finding: Sendable, Equatable {
        public var detector: SeriesBacktest.DetectorKind
        public var provider: String
        public var incidentID: String
        /// The earliest complaint in the two intervals before the alarm.
        public var firstComplaint: Date
        /// When the alert would have gone out: the end of the first alarming interval.
        public var raisedAt: Date
        /// The first official word at or after the first complaint, if any is stored.
        public var officialAt: Date?
        /// Updates the incident would have posted (escalations).
        public var updates: Int

        /// Seconds from the first complaint to the alert.
        public var delay: TimeInterval { raisedAt.timeIntervalSince(firstComplaint) }
        /// Seconds the alert came before the official word (negative: after it).
        public var lead: TimeInterval? { officialAt.map { $0.timeIntervalSince(raisedAt) } }
    }

    /// Replays every provider's complaints from its oldest post (the warm-up) and lists the
    /// incidents raised in `[since, until)`.
    ///
    /// - Parameters:
    ///   - providers: provider ids with their detection settings.
    ///   - detectors: which detectors to run.
    /// - Returns: findings ordered by detector, then time.
    public static func run(
        store: any DetectionStore & SourceStore, providers: [(id: String, detection: DetectionConfig)], since: Date, until: Date,
        detectors: [SeriesBacktest.DetectorKind] = SeriesBacktest.DetectorKind.allCases
    ) throws(StoreError) -> [Finding] {
        var findings: [Finding] = []
        for kind in detectors {
            for (provider, detection) in providers {
                guard let start = try store.earliestPost(provider: provider) else { continue }
                let settings = detection.detectorSettings
                let complaints = try store.complaints(provider: provider, from: start, to: until, knownAt: nil)
                var tracker = IncidentTracker(provider: provider, settings: detection.incidentSettings)
                let steps: [DetectionStep]
                switch kind {
                case .failwatch:
                    var detector = SpikeDetector(settings: settings)
                    steps = replay(&detector, &tracker, complaints, start, until, settings)
                case .huginn:
                    var detector = HuginnDetector(minimumCount: settings.minimumPeople)
                    steps = replay(&detector, &tracker, complaints, start, until, settings)
                case .socialmetrix:
                    var detector = SocialmetrixDetector(minimumCount: settings.minimumPeople)
                    steps = replay(&detector, &tracker, complaints, start, until, settings)
                }
                var byID: [String: Finding] = [:]
                var order: [String] = []
                for step in steps {
                    guard let event = step.event else { continue }
                    if event.kind == .opened {
                        let raised = event.time.addingTimeInterval(settings.interval)
                        guard raised >= since else { continue }
                        let window = event.time.addingTimeInterval(-2 * settings.interval)..<raised
                        let first = complaints.first { window.contains($0.event.time) }?.event.time ?? event.time
                        byID[event.incidentID] = Finding(
                            detector: kind, provider: provider, incidentID: event.incidentID, firstComplaint: first,
                            raisedAt: raised, officialAt: try store.firstOfficialWord(providerID: provider, after: first),
                            updates: 0)
                        order.append(event.incidentID)
                    } else if event.kind == .escalated {
                        byID[event.incidentID]?.updates += 1
                    }
                }
                findings += order.compactMap { byID[$0] }
            }
        }
        return findings
    }

    private static func replay<D: SeriesDetector>(
        _ detector: inout D, _ tracker: inout IncidentTracker, _ complaints: [Complaint], _ from: Date, _ to: Date,
        _ settings: DetectorSettings
    ) -> [DetectionStep] {
        // The same ledger a fresh checkpoint starts with, so the replay counts as `poll` does.
        var voices = VoiceLedger(memory: settings.evidenceWindows.max() ?? 3_600)
        return DetectionReplay.advance(
            &detector, &tracker, voices: &voices, complaints: complaints, from: from, to: to,
            interval: settings.interval)
    }
}
