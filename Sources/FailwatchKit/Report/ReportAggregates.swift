// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What the store answers for one report: counts already grouped by SQL, a handful of posts,
/// and the incident and statement rows. Small whatever the store's size, and a plain value, so
/// ``WeeklyReport/build(week:providers:aggregates:officialScopes:generatedAt:)`` is pure.
public struct ReportAggregates: Sendable, Equatable {
    /// Posts of one provider and label in one quarter hour (`slot` = Unix seconds / 900).
    /// Quarter hours fit every zone's offset, so they fold into local hours exactly.
    public struct SlotCount: Sendable, Equatable {
        public var providerID: String
        public var label: Label
        public var slot: Int64
        public var count: Int
        public var sentimentSum: Double

        public init(providerID: String, label: Label, slot: Int64, count: Int, sentimentSum: Double) {
            self.providerID = providerID
            self.label = label
            self.slot = slot
            self.count = count
            self.sentimentSum = sentimentSum
        }
    }

    /// A count of one provider's posts under a key (a source, a network, a language).
    public struct Tally: Sendable, Equatable {
        public var providerID: String
        public var key: String
        public var count: Int

        public init(providerID: String, key: String, count: Int) {
            self.providerID = providerID
            self.key = key
            self.count = count
        }
    }

    /// A `statement` row of kind `incident` or `post`: the provider speaking.
    public struct StatementRow: Sendable, Equatable {
        /// `nil`: every provider the source may speak for.
        public var providerID: String?
        public var sourceName: String
        public var kind: String
        public var title: String
        public var url: String?
        public var createdAt: Date

        public init(providerID: String?, sourceName: String, kind: String, title: String, url: String?, createdAt: Date) {
            self.providerID = providerID
            self.sourceName = sourceName
            self.kind = kind
            self.title = title
            self.url = url
            self.createdAt = createdAt
        }
    }

    /// Counts of the report week and the week before.
    public var slots: [SlotCount] = []
    /// Posts per source name, report week.
    public var sources: [Tally] = []
    /// Posts per network (the source's kind: feed, mastodon, reddit …), report week.
    public var networks: [Tally] = []
    /// Posts per language code ("" when unknown), report week.
    public var languages: [Tally] = []
    /// Complaint terms and phrases and the most typical complaints, per provider id.
    public var terms: [String: TermSummary] = [:]
    /// The most positive posts, per provider id.
    public var positive: [String: [ReportPost]] = [:]
    /// Incidents that overlap the report week.
    public var incidents: [IncidentRecord] = []
    /// Official words near the report week.
    public var statements: [StatementRow] = []
    /// When the store's data begins (first run, else first post); `nil` for an empty store.
    public var dataSince: Date?

    public init() {}
}
