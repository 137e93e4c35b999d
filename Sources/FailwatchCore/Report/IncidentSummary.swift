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
    /// When detection raised it: the end of the first alarming interval.
    public var detectedAt: Date
    /// When a sink first took its alert (the outbox's earliest `deliveredAt`); `nil` when no
    /// sink took one (none configured, all down, or found while catching up on old data).
    public var alertedAt: Date?
    public var peakAt: Date?
    /// Complaints in the peak interval, and what is usual for that interval.
    public var peakComplaints: Double?
    public var baseline: Double?
    public var authors: Int
    /// `nil` while still open.
    public var end: Date?
    /// "WhatsApp named in 60% of posts; Talnetz spikes too" when it shared its cause with other providers.
    public var commonCause: String?
    /// With `alerts: common_cause: combined`, the incident whose alert announced this one's spike (it
    /// joined that event and had no alert of its own), and that incident's provider by name (its id
    /// when the incident is not in the report).
    public var joinedAlert: JoinedAlert? = nil

    /// The alert a joined incident's spike went out in.
    public struct JoinedAlert: Sendable, Equatable {
        public var incidentID: String
        /// The lead's provider by name.
        public var provider: String

        public init(incidentID: String, provider: String) {
            self.incidentID = incidentID
            self.provider = provider
        }
    }
    /// Every official signal stayed green.
    public var silent: Bool
    /// The silence or maintenance window its alerts were held by ("silenced by ana until …: planned
    /// works"); `nil` when none applied.
    public var heldBy: String? = nil
    /// The provider's first status-page incident or official post for it; `nil`: no official word.
    public var officialWord: ReportAggregates.StatementRow?
    /// When there is no official word: the provider's last word before the incident (any time
    /// before it), so the report can say it last spoke on X three days earlier; `nil` otherwise.
    public var lastWordBefore: ReportAggregates.StatementRow? = nil

    /// From the first complaint to the end; `nil` while open.
    public var duration: TimeInterval? { end.map { $0.timeIntervalSince(start) } }
    /// Time to our alert: from the incident's first stored complaint to the first delivery a
    /// sink accepted; `nil` when no sink took an alert. The one definition every format shows.
    public var timeToAlert: TimeInterval? { alertedAt.map { $0.timeIntervalSince(start) } }
    /// Time to the provider's first word: from the first complaint to the creation of the first
    /// official statement (a status page incident created, a post by an official source);
    /// negative when it spoke first; `nil` without one. Never a document's `updatedAt`.
    public var timeToOfficialWord: TimeInterval? { officialWord.map { $0.createdAt.timeIntervalSince(start) } }
    /// Peak over baseline ("12×"); `nil` without a positive baseline.
    public var peakRatio: Double? {
        guard let peakComplaints, let baseline, baseline > 0 else { return nil }
        return peakComplaints / baseline
    }
}
