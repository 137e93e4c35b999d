// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// A configured source as the store's due check sees it: its name and how often it is read.
/// The store's own value, so the store does not depend on the configuration's types.
public struct SourceSchedule: Sendable, Equatable {
    public var name: String
    public var kind: String
    public var url: String
    public var interval: TimeInterval

    public init(name: String, kind: String, url: String, interval: TimeInterval) {
        self.name = name
        self.kind = kind
        self.url = url
        self.interval = interval
    }

    /// A source is due when its interval has passed since the last fetch and no Retry-After
    /// holds it back. A little slack keeps a 5-minute cron from skipping a 5-minute source
    /// because this run started a second early.
    public func isDue(_ state: SourceState?, now: Date) -> Bool {
        guard let state else { return true }
        // A fetch "after" now was made by a replay with --now ahead (or a clock set back): it
        // must not hold the source (or its Retry-After) back until that time comes.
        if let last = state.lastFetchAt, last > now.addingTimeInterval(60) { return true }
        if let retryAfter = state.retryAfter, now < retryAfter { return false }
        guard let last = state.lastFetchAt else { return true }
        let slack = min(30, interval * 0.1)
        return now.timeIntervalSince(last) >= interval - slack
    }
}

/// What ``SourceStore/claimDueSources(_:now:limit:)`` gave this poller.
public struct SourceClaim: Sendable, Equatable {
    /// Every known source's state when the claim was made, by name.
    public var states: [String: SourceState]
    /// The sources this poller fetches now, in the order they were asked for.
    public var due: [String]

    public init(states: [String: SourceState], due: [String]) {
        self.states = states
        self.due = due
    }
}
