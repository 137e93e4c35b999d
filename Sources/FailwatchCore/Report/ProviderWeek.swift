// SPDX-License-Identifier: Apache-2.0

/// One provider's week in a report: figures beside last week's, the days, the hours, what
/// people said and where.
public struct ProviderWeek: Sendable, Equatable {
    public var id: String
    public var name: String
    public var current: WeekFigures
    /// `nil` when failwatch had no data yet last week, so no change can be given.
    public var previous: WeekFigures?
    /// Share of all mentions of the report's providers, 0…1; `nil` when nobody was mentioned.
    public var shareOfVoice: Double?
    public var previousShareOfVoice: Double?
    /// Share of all complaints of the report's providers, 0…1.
    public var shareOfComplaints: Double?
    public var previousShareOfComplaints: Double?
    /// Seven days, Monday first.
    public var days: [WeekFigures]
    /// Mentions by day (7) and local hour (24).
    public var hours: [[Int]]
    public var terms: TermSummary
    /// Most mentions first.
    public var sources: [TermCount]
    public var networks: [TermCount]
    /// Language codes; "unknown" when the post had none.
    public var languages: [TermCount]
    public var mostPositive: [ReportPost]
}
