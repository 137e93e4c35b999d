// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What is news about a source's health after one run, so that `poll --quiet` from cron speaks
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
        let failures = previous?.consecutiveFailures ?? 0
        switch outcome {
        case .failed:
            guard let previous, failures > 0 else { return .startedFailing }
            let since = previous.failingSince ?? previous.lastErrorAt ?? now
            if let told = previous.failureNoticeAt, told <= now, now.timeIntervalSince(told) < reminderInterval {
                return nil
            }
            return .stillFailing(since: since, failures: failures + 1)
        case .fetched, .notModified:
            guard let previous, failures > 0 else { return nil }
            return .recovered(since: previous.failingSince ?? previous.lastErrorAt, failures: failures)
        case .postponed:
            return nil
        }
    }

    /// Whether this notice tells of a failure (and so restarts the reminder clock).
    var toldFailure: Bool {
        switch self {
        case .startedFailing, .stillFailing: true
        case .recovered: false
        }
    }
}
