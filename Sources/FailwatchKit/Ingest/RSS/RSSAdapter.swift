// SPDX-License-Identifier: Apache-2.0
import Foundation

/// RSS 0.9x / 2.0 (https://www.rssboard.org/rss-specification) adapted to `Feed`.
///
/// Wire structs first (what the document says, element by element), then the adapter that
/// decides what it means: which date is "published", when a `guid` is also the link.
enum RSSAdapter {
    /// The feed-level fields of `<channel>`.
    static func feed(root: XMLNode, items: [FeedItem]) -> Feed {
        let channel = RSSChannel(root.child("channel") ?? root)
        return Feed(
            format: .rss,
            title: channel.title,
            link: channel.link,
            language: channel.language ?? root.language,
            updated: channel.updated,
            items: items
        )
    }

    /// One `<item>` as a `FeedItem`.
    static func item(_ node: XMLNode) -> FeedItem {
        let wire = RSSItem(node)
        var link = wire.link
        if link == nil, let guid = wire.guid, wire.guidIsPermaLink, FeedLink.isAbsolute(guid) || node.base != nil {
            link = node.resolve(guid)
        }
        return FeedItem(
            id: wire.guid,
            title: wire.title,
            link: link,
            author: wire.author,
            published: wire.published,
            updated: wire.updated,
            summary: wire.description,
            content: wire.content,
            categories: wire.categories,
            language: wire.language
        )
    }
}

/// `<channel>` as written.
private struct RSSChannel {
    var title: String?
    var link: String?
    var language: String?
    var updated: Date?

    init(_ node: XMLNode) {
        title = FeedText.html(node.child("title") ?? node.child("dc:title"))
        link = rssLink(node)
        language = FeedText.trimmed(node.child("language") ?? node.child("dc:language"))
        updated = FeedText.date(node, "lastBuildDate", "dc:date", "dcterms:modified", "pubDate", "atom:updated")
    }
}

/// `<item>` as written.
private struct RSSItem {
    var title: String?
    var link: String?
    var guid: String?
    var guidIsPermaLink = true
    var author: String?
    var published: Date?
    var updated: Date?
    var description: String?
    var content: String?
    var categories: [String] = []
    var language: String?

    init(_ node: XMLNode) {
        title = FeedText.html(node.child("title") ?? node.child("dc:title"))
        link = rssLink(node)
        if let guidNode = node.child("guid") {
            guid = FeedText.trimmed(guidNode)
            guidIsPermaLink = guidNode.attribute("isPermaLink")?.lowercased() != "false"
        } else {
            guid = FeedText.trimmed(node.child("atom:id"))
        }
        author = FeedText.html(
            node.child("author") ?? node.child("dc:creator") ?? node.child("dc:author")
                ?? node.child("itunes:author"))
        published = FeedText.date(node, "pubDate", "dcterms:issued", "dcterms:created", "atom:published")
        updated = FeedText.date(node, "dc:date", "dcterms:modified", "atom:updated")
        description = FeedText.html(node.child("description") ?? node.child("dc:description"))
        content = FeedText.html(
            node.child("content:encoded") ?? node.child("xhtml:body") ?? node.child("body")
                ?? node.child("fullitem"))
        for category in node.children("category") + node.children("dc:subject") {
            if let term = FeedText.plain(category) { categories.append(term) }
        }
        language = FeedText.trimmed(node.child("dc:language")) ?? node.language
    }
}

/// The first `<link>` with text, else an Atom `<atom:link rel="alternate">` href, resolved.
private func rssLink(_ node: XMLNode) -> String? {
    for link in node.children("link") {
        if let text = FeedText.trimmed(link) { return link.resolve(text) }
        if let href = link.attribute("href") { return link.resolve(href) }
    }
    for link in node.children("atom:link") {
        let rel = link.attribute("rel") ?? "alternate"
        if rel == "alternate", let href = link.attribute("href") { return link.resolve(href) }
    }
    return nil
}
