// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// A person's "we know, stop paging": while it lasts, alerts about the provider wait in the
/// outbox (``AlertHold``); incidents are still detected, stored and reported.
public struct Silence: Sendable, Equatable {
    public var id: Int64?
    public var providerID: String
    /// Why ("planned works"), shown in `status`, held alerts and reports.
    public var reason: String
    /// Who set it (`--by`, else the login name).
    public var createdBy: String
    public var createdAt: Date
    /// When it ends; `unsilence` moves it to the time it was given.
    public var endsAt: Date

    public init(id: Int64? = nil, providerID: String, reason: String, createdBy: String, createdAt: Date, endsAt: Date) {
        self.id = id
        self.providerID = providerID
        self.reason = reason
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.endsAt = endsAt
    }

    /// Whether it holds alerts at `date`.
    public func isActive(at date: Date) -> Bool { createdAt <= date && date < endsAt }

    /// "silenced by ana until 2026-12-07T12:00:00Z: planned works"
    public var summary: String {
        "silenced by \(createdBy) until \(FeedDate.iso8601UTC(endsAt)): \(reason)"
    }
}
