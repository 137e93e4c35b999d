// SPDX-License-Identifier: Apache-2.0
import Foundation

/// How one incident went, for the people who have to answer for it: how loud, how long, how
/// quickly failwatch noticed and how quickly the provider said something.
public struct IncidentSummary: Sendable, Equatable {
    public var id: String
    public var providerID: String
    public var providerName: String
    /// The first complaint.
    public var start: Date
    /// When failwatch raised the alert.
    public var alertedAt: Date
    public var peakAt: Date?
    /// Complaints in the peak interval, and what is usual for that interval.
    public var peakComplaints: Double?
    public var baseline: Double?
    public var authors: Int
    /// `nil` while still open.
    public var end: Date?
    public var commonCause: String?
    /// Every official signal stayed green.
    public var silent: Bool
    /// The provider's first status-page incident or official post for it; `nil`: no official word.
    public var officialWord: ReportAggregates.StatementRow?

    /// From the first complaint to the end; `nil` while open.
    public var duration: TimeInterval? { end.map { $0.timeIntervalSince(start) } }
    /// From the first complaint to our alert.
    public var timeToAlert: TimeInterval { alertedAt.timeIntervalSince(start) }
    /// From the first complaint to the provider's first word; negative when it spoke first.
    public var timeToOfficialWord: TimeInterval? { officialWord.map { $0.createdAt.timeIntervalSince(start) } }
    /// Peak over baseline ("12×"); `nil` without a positive baseline.
    public var peakRatio: Double? {
        guard let peakComplaints, let baseline, baseline > 0 else { return nil }
        return peakComplaints / baseline
    }
}
