// SPDX-License-Identifier: Apache-2.0
import Foundation

/// How a sink's deliveries have gone lately, kept across runs so that `poll --quiet` tells a
/// delivery problem when it starts, once a day while it lasts and when it ends, as it does for
/// sources (``SourceNotice``), instead of every five minutes.
public struct SinkHealth: Sendable, Equatable {
    public var name: String
    /// Runs in a row whose attempt at the sink failed.
    public var consecutiveFailures: Int
    public var failingSince: Date?
    /// When the problem was last told (start or daily reminder).
    public var failureNoticeAt: Date?
    public var lastError: String?

    public init(
        name: String, consecutiveFailures: Int = 0, failingSince: Date? = nil, failureNoticeAt: Date? = nil,
        lastError: String? = nil
    ) {
        self.name = name
        self.consecutiveFailures = consecutiveFailures
        self.failingSince = failingSince
        self.failureNoticeAt = failureNoticeAt
        self.lastError = lastError
    }

    /// The health after a run that tried the sink, and what of it is news.
    /// - Parameters:
    ///   - failure: why this run's attempt failed; `nil` when the sink took everything it was given.
    public func after(failure: String?, now: Date) -> (health: SinkHealth, notice: SourceNotice?) {
        let notice = SourceNotice.after(
            failed: failure != nil, failures: consecutiveFailures, failingSince: failingSince, toldAt: failureNoticeAt,
            now: now)
        guard let failure else { return (SinkHealth(name: name), notice) }
        var next = self
        next.consecutiveFailures += 1
        next.failingSince = failingSince ?? now
        next.lastError = failure
        if notice?.toldFailure == true { next.failureNoticeAt = now }
        return (next, notice)
    }
}
