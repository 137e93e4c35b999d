// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What the store answers for one report: counts already grouped by SQL, a handful of posts,
/// and the incident and statement rows. Small whatever the store's size, and a plain value, so
/// ``WeeklyReport/build(week:providers:aggregates:officialScopes:channels:generatedAt:)`` is pure.
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
        /// Where it was said ("X", "the status page"), from the source's kind; set by
        /// ``WeeklyReport/build(week:providers:aggregates:officialScopes:channels:generatedAt:)``.
        public var channel: String?

        public init(providerID: String?, sourceName: String, kind: String, title: String, url: String?, createdAt: Date) {
            self.providerID = providerID
            self.sourceName = sourceName
            self.kind = kind
            self.title = title
            self.url = url
            self.createdAt = createdAt
        }
    }

    /// What the store holds from one source: its first and last stored post, the posts of the
    /// report week, and how many of its reads in the week failed.
    public struct SourceRow: Sendable, Equatable {
        public var name: String
        /// First and last stored post (published, else fetched) up to the end of the week.
        public var firstPost: Date?
        public var lastPost: Date?
        /// Every stored post of the week, whichever provider it names (or none).
        public var postsInWeek: Int
        /// Reads of the week, and those that failed; the last failure's message.
        public var reads: Int
        public var failedReads: Int
        public var lastFailure: String?

        public init(
            name: String, firstPost: Date? = nil, lastPost: Date? = nil, postsInWeek: Int = 0, reads: Int = 0,
            failedReads: Int = 0, lastFailure: String? = nil
        ) {
            self.name = name
            self.firstPost = firstPost
            self.lastPost = lastPost
            self.postsInWeek = postsInWeek
            self.reads = reads
            self.failedReads = failedReads
            self.lastFailure = lastFailure
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
    /// Official words near the report week, and the last ones before it (so an incident without
    /// a word can say when the provider last spoke).
    public var statements: [StatementRow] = []
    /// When an incident's first alert was taken by a sink (the outbox's earliest `deliveredAt`),
    /// by incident id; an incident no sink took is absent.
    public var deliveries: [String: Date] = [:]
    /// When the store's data begins: its first run or its first stored post, whichever is
    /// earlier (a first run that backfills a month holds that month); `nil` for an empty store.
    public var dataSince: Date?
    /// Every source that has posts or reads, by name.
    public var sourceRows: [SourceRow] = []
    /// Hours of the week (Unix seconds / 3600) in which a post is stored or a read succeeded.
    public var hoursWithData: Set<Int64> = []

    public init() {}
}
