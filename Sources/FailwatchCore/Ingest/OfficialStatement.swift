// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Something a provider said itself (a status page incident, the page's overall state, a post
/// of its own account), kept apart from customer complaints so alerts can tell a known outage
/// from a silent one and reports can measure how long the provider took to say a word.
public struct OfficialStatement: Sendable, Equatable, Codable {
    /// What kind of statement this is; the store's `kind` column.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// A status page incident.
        case incident
        /// Planned work announced on a status page.
        case maintenance
        /// A status page's overall state: one row per source, external id ``OfficialStatement/pageStatusID``.
        case status
        /// A post of an official account or press feed (a source with `official: true`).
        case post

        /// Whether a statement of this kind is the provider saying something about an outage,
        /// dated by its ``OfficialStatement/createdAt``: an incident opened or a post published.
        /// The page's overall state and planned work are not.
        public var isWord: Bool { self == .incident || self == .post }
    }

    /// The source it came through.
    public var sourceName: String
    /// The provider it speaks for; `nil` when the source serves several (or every) provider.
    public var providerID: String?
    /// The page's own id for it (incident id, item guid), unique per source; statements are
    /// updated in place under this key as their status changes.
    public var externalID: String
    public var kind: Kind
    /// Incident name, the page's status description, or a post's title (else its text, clipped).
    public var title: String
    /// `investigating`, `identified`, `monitoring`, `resolved`, `postmortem`, `scheduled`,
    /// `in_progress`, `completed`; for the page status its indicator (`none`, `minor`, `major`,
    /// `critical`, `maintenance`). Lower-case as the page says it.
    public var status: String?
    /// `none`, `minor`, `major`, `critical` (`maintenance` for planned work).
    public var impact: String?
    /// Names of the components concerned; for the page status, the components not operational.
    public var components: [String]
    /// The newest update's text, or a post's text.
    public var body: String?
    public var url: String?
    /// When the provider first said it (incident created, post published).
    public var createdAt: Date?
    public var updatedAt: Date?
    public var resolvedAt: Date?
    /// When failwatch last read it (the run's `now`).
    public var fetched: Date

    /// The external id of the row that holds a status page's overall state.
    public static let pageStatusID = "page-status"

    public init(
        sourceName: String, providerID: String? = nil, externalID: String, kind: Kind, title: String,
        status: String? = nil, impact: String? = nil, components: [String] = [], body: String? = nil,
        url: String? = nil, createdAt: Date? = nil, updatedAt: Date? = nil, resolvedAt: Date? = nil, fetched: Date
    ) {
        self.sourceName = sourceName
        self.providerID = providerID
        self.externalID = externalID
        self.kind = kind
        self.title = title
        self.status = status
        self.impact = impact
        self.components = components
        self.body = body
        self.url = url
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.resolvedAt = resolvedAt
        self.fetched = fetched
    }

    /// A post of an official account or press feed, kept as what the provider said.
    ///
    /// - Parameter providerID: the provider the source speaks for, `nil` when several.
    public init(post: Post, providerID: String?) {
        self.init(
            sourceName: post.sourceName, providerID: providerID, externalID: post.guid, kind: .post,
            title: post.title?.nonEmpty ?? StatusPageReader.clip(post.text, to: 200),
            body: StatusPageReader.clip(post.text, to: StatusPageReader.bodyLimit), url: post.link,
            createdAt: post.published, updatedAt: post.published, fetched: post.fetched)
    }

    /// Statuses after which an incident or maintenance no longer affects anyone.
    public static let closedStatuses: Set<String> = ["resolved", "postmortem", "completed", "cancelled", "canceled"]

    /// Whether this incident, or maintenance under way, is still going on as the page last said
    /// (a maintenance only scheduled is not).
    public var isOpen: Bool {
        guard resolvedAt == nil else { return false }
        switch kind {
        case .incident: return !Self.closedStatuses.contains(status ?? "")
        case .maintenance: return status == "in_progress" || status == "verifying"
        case .status, .post: return false
        }
    }
}
