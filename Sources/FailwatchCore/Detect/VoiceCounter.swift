// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Turns posts into distinct voices per interval, so one loud author or one busy thread is not a wave.
///
/// A voice is an author; every post of one thread together is one voice, and an author already
/// heard in a counted thread is not counted again. Intervals are aligned to the Unix epoch.
public enum VoiceCounter {
    /// The start of the interval holding `time`.
    ///
    /// - Parameters:
    ///   - time: any instant.
    ///   - interval: the interval length in seconds (> 0).
    /// - Returns: `time` rounded down to a multiple of `interval` since 1970.
    public static func intervalStart(of time: Date, interval: TimeInterval) -> Date {
        let seconds = time.timeIntervalSince1970
        return Date(timeIntervalSince1970: (seconds / interval).rounded(.down) * interval)
    }

    /// Counts distinct outage and complaint voices in every interval from `from` up to `to`.
    ///
    /// - Parameters:
    ///   - events: posts of one provider, in any order; posts outside `[from, to)` are ignored.
    ///   - interval: the interval length in seconds.
    ///   - from: the first interval's start (rounded down to the interval grid).
    ///   - to: the end (exclusive); only intervals that start before it are returned.
    /// - Returns: one count per interval, oldest first, including empty intervals.
    public static func count(
        _ events: [DetectorEvent], interval: TimeInterval, from: Date, to: Date
    ) -> [IntervalCount] {
        let first = intervalStart(of: from, interval: interval)
        guard interval > 0, to > first else { return [] }
        let slots = Int(((to.timeIntervalSince(first)) / interval).rounded(.up))
        var buckets = [[DetectorEvent]](repeating: [], count: slots)
        for event in events where event.time >= first && event.time < to {
            let index = Int((event.time.timeIntervalSince(first) / interval).rounded(.down))
            if index >= 0 && index < slots { buckets[index].append(event) }
        }
        return buckets.enumerated().map { index, bucket in
            IntervalCount(
                start: first.addingTimeInterval(Double(index) * interval),
                outageVoices: voices(in: bucket.filter(\.outage)),
                complaintVoices: voices(in: bucket.filter { $0.complaint || $0.outage })
            )
        }
    }

    /// Distinct voices among posts: one per thread, plus one per author heard outside every thread.
    ///
    /// - Parameter posts: the posts of one interval.
    /// - Returns: the number of voices.
    public static func voices(in posts: [DetectorEvent]) -> Int {
        var threads = Set<String>()
        var authorsInThreads = Set<String>()
        for post in posts {
            guard let thread = post.thread else { continue }
            threads.insert(thread)
            authorsInThreads.insert(post.author)
        }
        var loose = Set<String>()
        for post in posts where post.thread == nil && !authorsInThreads.contains(post.author) {
            loose.insert(post.author)
        }
        return threads.count + loose.count
    }
}
