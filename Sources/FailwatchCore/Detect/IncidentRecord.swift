// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One row of the `incident` table: an outage as reports and `status` show it.
public struct IncidentRecord: Sendable, Equatable {
    public var id: String
    public var providerID: String
    public var firstComplaintAt: Date
    /// When failwatch could raise it: the end of the first alarming interval.
    public var openedAt: Date
    public var peakAt: Date?
    public var peakCount: Double?
    public var peakExpected: Double?
    /// Distinct authors of outage complaints over the whole incident.
    public var authors: Int
    /// Messages after the opening one (updates and the resolution).
    public var updates: Int
    public var sources: [String]
    /// "likely upstream: 3 providers at once (…)" when several providers alarmed together.
    public var commonCause: String?
    /// Every official signal was green when it opened.
    public var silent: Bool
    public var resolvedAt: Date?
    /// It was (or is being) posted to chat; incidents found while catching up on old data are not.
    public var announced: Bool
    /// The silence or maintenance window that held its alerts ("silenced by ana until …: planned
    /// works"); `nil` when none applied while it was detected.
    public var heldBy: String?

    /// With `alerts: common_cause: combined`, the incident whose alert this one's event is in: its
    /// spike joined an event another provider's alert announced, so it has no messages of its own.
    public var inAlertOf: String? {
        guard let cause = commonCause, let marker = cause.range(of: Self.inAlertOfMarker, options: .backwards) else {
            return nil
        }
        return String(cause[marker.upperBound...])
    }

    /// The common cause as its alert said it, without the ``inAlertOf`` note of a joined incident.
    public var sharedCause: String? {
        guard let cause = commonCause, let marker = cause.range(of: Self.inAlertOfMarker, options: .backwards) else {
            return commonCause
        }
        return String(cause[..<marker.lowerBound])
    }

    /// What ``commonCause`` ends with on a joined incident, before the lead's id.
    public static let inAlertOfMarker = "; in the alert of "

    public init(
        id: String, providerID: String, firstComplaintAt: Date, openedAt: Date, peakAt: Date? = nil,
        peakCount: Double? = nil, peakExpected: Double? = nil, authors: Int = 0, updates: Int = 0,
        sources: [String] = [], commonCause: String? = nil, silent: Bool = false, resolvedAt: Date? = nil,
        announced: Bool = true, heldBy: String? = nil
    ) {
        self.id = id
        self.providerID = providerID
        self.firstComplaintAt = firstComplaintAt
        self.openedAt = openedAt
        self.peakAt = peakAt
        self.peakCount = peakCount
        self.peakExpected = peakExpected
        self.authors = authors
        self.updates = updates
        self.sources = sources
        self.commonCause = commonCause
        self.silent = silent
        self.resolvedAt = resolvedAt
        self.announced = announced
        self.heldBy = heldBy
    }
}
