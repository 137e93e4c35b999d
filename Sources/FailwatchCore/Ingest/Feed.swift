// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One feed document as read, before it is tied to a source or a provider.
///
/// Every format parser adapts its own wire types to this one model, so later stages never
/// care whether a post came from RSS, Atom or JSON.
public struct Feed: Sendable, Equatable {
    public var format: FeedFormat
    public var title: String?
    public var link: String?
    public var language: String?
    public var updated: Date?
    public var items: [FeedItem]
    /// Problems the parser recovered from (ill-formed XML, a lying charset, …); empty when clean.
    public var warnings: [String]

    public init(
        format: FeedFormat, title: String? = nil, link: String? = nil, language: String? = nil,
        updated: Date? = nil, items: [FeedItem] = [], warnings: [String] = []
    ) {
        self.format = format
        self.title = title
        self.link = link
        self.language = language
        self.updated = updated
        self.items = items
        self.warnings = warnings
    }
}

/// The formats failwatch reads; the raw value is what `failwatch parse --json` prints.
public enum FeedFormat: String, Sendable, Equatable, CaseIterable {
    case rss
    case rdf
    case atom
    case jsonFeed = "jsonfeed"
}
