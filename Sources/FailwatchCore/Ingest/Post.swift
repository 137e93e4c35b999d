// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A post as failwatch keeps it: one feed item tied to the source it came through.
///
/// Two keys make a post unique, so the same post seen twice (again in the same feed, or
/// through a second source) is stored once: the source's guid, and the post's identity
/// across sources (``PostIdentity``: its own id within its network).
public struct Post: Sendable, Equatable {
    public var sourceName: String
    /// The source's identifier for the item: its guid/id, else its link and content hash.
    public var guid: String
    /// The post across sources (``PostIdentity``): the same status, guid or reddit post
    /// reached through two sources has one identity.
    public var identity: String
    public var link: String?
    public var author: String?
    public var title: String?
    public var text: String
    public var language: String?
    public var published: Date?
    public var fetched: Date
    public var contentHash: String
    /// The classifier's verdict, stored as is: the whole post's label and sentiment, and the
    /// configured providers it mentions (within its source's scope), each with what the post says
    /// about it. `nil` until classified, and for a provider's own words, which are never judged.
    public var verdict: Classification?
    /// A retweet or boost of someone else's post, as the network marked it.
    public var repost = false

    /// Whether the post repeats someone else's (marked so, or "RT @user:" in its text): its author
    /// adds no new voice.
    public var isRepost: Bool { repost || verdict?.repost == true }

    public init(
        sourceName: String, guid: String, link: String?, author: String?, title: String?, text: String,
        language: String?, published: Date?, fetched: Date, contentHash: String, verdict: Classification? = nil,
        identity: String? = nil
    ) {
        self.sourceName = sourceName
        self.guid = guid
        self.identity =
            identity ?? PostIdentity.stored(guid: guid, link: link, contentHash: contentHash, scope: sourceName)
        self.link = link
        self.author = author
        self.title = title
        self.text = text
        self.language = language
        self.published = published
        self.fetched = fetched
        self.contentHash = contentHash
        self.verdict = verdict
    }

    /// Adapts a parsed feed item to a post.
    ///
    /// - Parameters:
    ///   - item: the item as parsed.
    ///   - language: the feed's language, for items that do not name their own.
    ///   - sourceName: the configured source.
    ///   - fetched: when this run fetched it (the run's `now`).
    ///   - scope: where the item's bare id is unique (``PostIdentity/scope(kind:url:)``);
    ///     the source alone by default.
    public init(item: FeedItem, language: String?, sourceName: String, fetched: Date, scope: String? = nil) {
        let title = item.title?.nonEmpty
        let body = item.content?.nonEmpty ?? item.summary?.nonEmpty
        let text: String
        switch (title, body) {
        case let (title?, body?) where !body.hasPrefix(title): text = title + "\n" + body
        case let (_, body?): text = body
        case let (title?, nil): text = title
        case (nil, nil): text = ""
        }
        let link = item.link.flatMap(CanonicalLink.canonical)
        let hash = ContentHash.of(author: item.author, text: text)
        let id = item.id?.nonEmpty
        self.init(
            sourceName: sourceName,
            guid: id ?? PostIdentity.ofContent(link: link, contentHash: hash),
            link: link,
            author: item.author?.nonEmpty,
            title: title,
            text: text,
            language: item.language ?? language,
            published: item.published ?? item.updated,
            fetched: fetched,
            contentHash: hash,
            identity: id.map { PostIdentity.of(id: $0, scope: scope ?? sourceName) }
                ?? PostIdentity.ofContent(link: link, contentHash: hash)
        )
        repost = item.repost
    }
}

extension Post {
    /// Whether the post says anything a reader can see. An empty `<item/>` or a Mastodon image
    /// post whose only content is U+2063 INVISIBLE SEPARATOR is not a post: stored, it would
    /// count as a voice with nothing said.
    public var hasVisibleText: Bool {
        text.unicodeScalars.contains { scalar in
            let properties = scalar.properties
            if properties.isWhitespace || properties.isDefaultIgnorableCodePoint { return false }
            switch properties.generalCategory {
            case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned: return false
            default: return true
            }
        }
    }
}

extension String {
    /// `nil` for a string that is empty after trimming, so optional chains can fall through.
    var nonEmpty: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
