// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One entry of a feed. Text fields are plain text: tags removed, entities decoded,
/// whitespace collapsed. A date that could not be read is `nil`; the caller decides what
/// it means (using its injected `now`), never the parser.
public struct FeedItem: Sendable, Equatable {
    public var id: String?
    public var title: String?
    public var link: String?
    public var author: String?
    public var published: Date?
    public var updated: Date?
    public var summary: String?
    public var content: String?
    public var categories: [String]
    public var language: String?
    /// A retweet, boost or share of someone else's post, as the API marks it (X's
    /// `referenced_tweets` type `retweeted`, Mastodon's `reblog`): its author adds no new voice.
    public var repost = false

    public init(
        id: String? = nil, title: String? = nil, link: String? = nil, author: String? = nil,
        published: Date? = nil, updated: Date? = nil, summary: String? = nil, content: String? = nil,
        categories: [String] = [], language: String? = nil
    ) {
        self.id = id
        self.title = title
        self.link = link
        self.author = author
        self.published = published
        self.updated = updated
        self.summary = summary
        self.content = content
        self.categories = categories
        self.language = language
    }
}
