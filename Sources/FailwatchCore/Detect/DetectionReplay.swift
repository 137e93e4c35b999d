// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Feeds a provider's complaints, interval by interval, through a detector and the incident
/// tracker: the one loop shared by `poll` (online, resumed from a checkpoint) and `backtest`.
public enum DetectionReplay {
    /// Observes every interval from `from` up to `to` (only whole intervals that end by `to`).
    ///
    /// Each interval's count is its new voices (``VoiceLedger/newVoices(in:start:interval:)``): people
    /// not heard within the last hour, so the detector's windows add up distinct people. The detector
    /// at an interval has seen nothing later than that interval.
    /// - Parameters:
    ///   - detector: the detector, advanced in place.
    ///   - tracker: the incident tracker, advanced in place.
    ///   - voices: who was heard lately, advanced in place.
    ///   - complaints: outage complaints of one provider; those outside `[from, to)` are ignored.
    ///   - from: the first interval's start (on the interval grid).
    ///   - to: the end; the interval holding `to` is left for a later call.
    ///   - interval: the interval length in seconds.
    /// - Returns: one step per interval, oldest first.
    public static func advance<D: SeriesDetector>(
        _ detector: inout D, _ tracker: inout IncidentTracker, voices: inout VoiceLedger, complaints: [Complaint],
        from: Date, to: Date, interval: TimeInterval
    ) -> [DetectionStep] {
        let first = VoiceCounter.intervalStart(of: from, interval: interval)
        let end = VoiceCounter.intervalStart(of: to, interval: interval)
        guard interval > 0, end > first else { return [] }
        let slots = Int((end.timeIntervalSince(first) / interval).rounded())
        var buckets = [[Complaint]](repeating: [], count: slots)
        for complaint in complaints where complaint.event.time >= first && complaint.event.time < end {
            let index = Int((complaint.event.time.timeIntervalSince(first) / interval).rounded(.down))
            if index >= 0 && index < slots { buckets[index].append(complaint) }
        }
        var steps: [DetectionStep] = []
        steps.reserveCapacity(slots)
        for (index, bucket) in buckets.enumerated() {
            let start = first.addingTimeInterval(Double(index) * interval)
            let people = voices.newVoices(in: bucket, start: start, interval: interval)
            var sources: [String: Int] = [:]
            for complaint in bucket where !complaint.repost { sources[complaint.source, default: 0] += 1 }
            let signal = detector.observe(Double(people), at: start)
            let event = tracker.step(signal, sources: sources)
            steps.append(
                DetectionStep(
                    signal: signal, event: event, incident: tracker.incident, posts: bucket.count,
                    authors: Set(bucket.map(\.event.author)).count, sources: sources))
        }
        return steps
    }
}
