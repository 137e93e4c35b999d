// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What is news about a source's (or a sink's, ``SinkHealth``) health after one run, so that `poll --quiet` from cron speaks
/// when a source starts failing, once a day while it stays down, and when it recovers, and stays
/// silent when the only news is the same old failure (cron mails every line it sees).
public enum SourceNotice: Sendable, Equatable {
    /// The source failed after a success (or on its first run).
    case startedFailing
    /// The daily reminder: still failing since `since`, `failures` runs in a row (this one included).
    case stillFailing(since: Date, failures: Int)
    /// The source answered again after `failures` failed runs, failing since `since`.
    case recovered(since: Date?, failures: Int)

    /// How long a failing source stays quiet between two reminders.
    public static let reminderInterval: TimeInterval = 86_400

    /// The notice this run's outcome makes, given what the store knew before it.
    ///
    /// A postponement (429/503) is neither a failure nor a recovery: it leaves the health as it was.
    /// - Returns: `nil` when there is no news: all well, or a failure told less than a day ago.
    public static func after(_ outcome: SourceReport.Outcome, previous: SourceState?, now: Date) -> SourceNotice? {
        let since = previous?.failingSince ?? previous?.lastErrorAt
        switch outcome {
        case .failed:
            return after(
                failed: true, failures: previous?.consecutiveFailures ?? 0, failingSince: since,
                toldAt: previous?.failureNoticeAt, now: now)
        case .fetched, .notModified:
            return after(
                failed: false, failures: previous?.consecutiveFailures ?? 0, failingSince: since,
                toldAt: previous?.failureNoticeAt, now: now)
        case .postponed:
            return nil
        }
    }

    /// The notice of one run's result for anything that fails and recovers (a source, a sink).
    /// - Parameters:
    ///   - failed: this run failed (else it succeeded).
    ///   - failures: failed runs in a row before this one.
    ///   - failingSince: when that streak began.
    ///   - toldAt: when the streak was last told.
    /// - Returns: `nil` when there is no news: all well, or a failure told less than a day ago.
    public static func after(failed: Bool, failures: Int, failingSince: Date?, toldAt: Date?, now: Date) -> SourceNotice? {
        guard failed else { return failures > 0 ? .recovered(since: failingSince, failures: failures) : nil }
        guard failures > 0 else { return .startedFailing }
        if let toldAt, toldAt <= now, now.timeIntervalSince(toldAt) < reminderInterval { return nil }
        return .stillFailing(since: failingSince ?? now, failures: failures + 1)
    }

    /// Whether this notice tells of a failure (and so restarts the reminder clock).
    public var toldFailure: Bool {
        switch self {
        case .startedFailing, .stillFailing: true
        case .recovered: false
        }
    }
}
