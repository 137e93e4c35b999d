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
            language: channel.language ?? FeedText.language(root.language),
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
        title = FeedText.html(node.child("title") ?? node.child("dc:title") ?? node.child("itunes:title"))
        link = rssLink(node)
        language = FeedText.language(node.child("language") ?? node.child("dc:language"))
        updated = FeedText.date(node, "lastbuilddate", "dc:date", "dcterms:modified", "pubdate", "atom:updated")
            ?? FeedText.date(node.attribute("lastmod"))
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
        title = FeedText.html(node.child("title") ?? node.child("dc:title") ?? node.child("media:title"))
        link = rssLink(node)
        if let guidNode = node.child("guid") {
            guid = FeedText.trimmed(guidNode)
            guidIsPermaLink = guidNode.attribute("ispermalink")?.lowercased() != "false"
        } else {
            guid = FeedText.trimmed(node.child("atom:id"))
        }
        author = FeedText.html(
            node.child("author") ?? node.child("dc:creator") ?? node.child("dc:author")
                ?? node.child("itunes:author"))
        published = FeedText.date(node, "pubdate", "dcterms:issued", "dcterms:created", "atom:published")
        updated = FeedText.date(node, "dc:date", "dcterms:modified", "atom:updated")
            ?? FeedText.date(node.attribute("lastmod"))
        // feedparser's rule: the first of description/summary is the summary, the other content.
        var texts: [XMLNode] = []
        for child in node.elements {
            switch child.key {
            case "description", "summary", "abstract":
                texts.append(child)
            case "category", "dc:subject", "media:category":
                if let term = FeedText.plain(child) { categories.append(term) }
            case "tags":
                for tag in (FeedText.plain(child) ?? "").split(separator: ",") {
                    let term = FeedText.trim(String(tag))
                    if !term.isEmpty { categories.append(term) }
                }
            case "itunes:category":
                appendITunesCategories(child, to: &categories)
            default:
                break
            }
        }
        description = FeedText.html(texts.first ?? node.child("dc:description") ?? node.child("itunes:summary"))
        content = FeedText.html(
            node.child("content:encoded") ?? node.child("xhtml:body") ?? node.child("body")
                ?? node.child("fullitem") ?? (texts.count > 1 ? texts[1] : nil))
        language = FeedText.language(node.child("dc:language")) ?? FeedText.language(node.language)
    }
}

/// `<itunes:category text="…">`, nested ones after their parent.
private func appendITunesCategories(_ node: XMLNode, to categories: inout [String]) {
    if let text = FeedText.nonEmpty(node.attribute("text").map(FeedText.trim)) {
        categories.append(text)
    }
    for child in node.children("itunes:category") { appendITunesCategories(child, to: &categories) }
}

/// The first `<link>` with text, else an Atom `<atom:link rel="alternate">` href, resolved.
private func rssLink(_ node: XMLNode) -> String? {
    for link in node.children("link") {
        if let text = FeedText.trimmed(link) { return link.resolve(text) }
        if let href = link.attribute("href") { return link.resolve(href) }
    }
    if let href = node.attribute("href") { return node.resolve(href) }  // CDF
    for link in node.children("atom:link") {
        let rel = link.attribute("rel") ?? "alternate"
        if rel == "alternate", let href = link.attribute("href") { return link.resolve(href) }
    }
    return nil
}
