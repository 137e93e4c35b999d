// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Atom 1.0 (RFC 4287) and Atom 0.3 adapted to `Feed`.
///
/// The two versions differ mostly in names (`modified`/`updated`, `issued`/`published`) and
/// in how content is typed (0.3: MIME type plus `mode="escaped|base64|xml"`; 1.0:
/// `type="text|html|xhtml"` or a MIME type, base64 for binary types).
enum AtomAdapter {
    /// The feed-level fields of `<feed>`; an entry without an author gets the feed's
    /// (RFC 4287 §4.2.1), else each entry would count as a separate anonymous voice.
    static func feed(root: XMLNode, items: [FeedItem]) -> Feed {
        let wire = AtomFeed(root)
        var items = items
        if let author = wire.author {
            for index in items.indices where items[index].author == nil { items[index].author = author }
        }
        return Feed(
            format: .atom, title: wire.title, link: wire.link, language: wire.language,
            updated: wire.updated, items: items)
    }

    /// The name of the first `<author>` (else its e-mail, else its text).
    static func person(_ node: XMLNode?) -> String? {
        guard let node else { return nil }
        return FeedText.plain(node.child("name")) ?? FeedText.trimmed(node.child("email")) ?? FeedText.plain(node)
    }

    /// One `<entry>` as a `FeedItem`.
    static func item(_ node: XMLNode) -> FeedItem {
        let wire = AtomEntry(node)
        return FeedItem(
            id: wire.id, title: wire.title, link: wire.link, author: wire.author,
            published: wire.published, updated: wire.updated, summary: wire.summary,
            content: wire.content, categories: wire.categories, language: wire.language)
    }

    /// A text construct (`title`, `summary`, `content`, …) as plain text.
    static func text(_ node: XMLNode?) -> String? {
        guard let node else { return nil }
        let type = FeedText.trim(node.attribute("type") ?? "").lowercased()
        let mode = node.attribute("mode")?.lowercased()
        if mode == "base64" || (mode == nil && isBinary(type)) {
            guard let decoded = FeedText.base64Decoded(node.text) else { return nil }
            return FeedText.nonEmpty(
                isHTML(type) ? HTMLText.plainText(decoded) : HTMLText.collapsingWhitespace(decoded))
        }
        if mode == "escaped" { return FeedText.html(node) }
        if isHTML(type) { return FeedText.html(node) }
        if type == "xhtml" || type.hasSuffix("xml") || node.hasElements {
            // Inline markup: the elements are already separated; the text is plain.
            return FeedText.plain(node)
        }
        return FeedText.plain(node)
    }

    private static func isHTML(_ type: String) -> Bool {
        type == "html" || type == "text/html"
    }

    /// MIME types that Atom carries base64-encoded (not text, not XML).
    private static func isBinary(_ type: String) -> Bool {
        guard type.contains("/") else { return false }
        return !type.hasPrefix("text/") && !type.hasSuffix("+xml") && !type.hasSuffix("/xml")
    }

    /// The alternate link: `rel="alternate"` (or no `rel`), an HTML one first.
    static func link(_ node: XMLNode) -> String? {
        var alternates: [XMLNode] = []
        for link in node.children("link") where link.attribute("href") != nil || FeedText.trimmed(link) != nil {
            let rel = FeedText.trim(link.attribute("rel") ?? "alternate")
            if rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate" {
                alternates.append(link)
            }
        }
        let best = alternates.first { link in
            let type = link.attribute("type")?.lowercased()
            return type == nil || type == "text/html" || type == "application/xhtml+xml"
        } ?? alternates.first
        guard let best, let href = best.attribute("href") ?? FeedText.trimmed(best) else { return nil }
        return best.resolve(href)
    }
}

/// `<feed>` as written.
private struct AtomFeed {
    var title: String?
    var link: String?
    var language: String?
    var updated: Date?
    var author: String?

    init(_ node: XMLNode) {
        title = AtomAdapter.text(node.child("title"))
        author = AtomAdapter.person(node.child("author"))
        link = AtomAdapter.link(node)
        language = FeedText.language(node.language) ?? FeedText.language(node.child("dc:language"))
        updated = FeedText.date(node, "updated", "modified", "dc:date", "dcterms:modified")
    }
}

/// `<entry>` as written.
private struct AtomEntry {
    var id: String?
    var title: String?
    var link: String?
    var author: String?
    var published: Date?
    var updated: Date?
    var summary: String?
    var content: String?
    var categories: [String] = []
    var language: String?

    init(_ node: XMLNode) {
        id = FeedText.trimmed(node.child("id"))
        title = AtomAdapter.text(node.child("title"))
        link = AtomAdapter.link(node)
        // RFC 4287 §4.2.1: the entry's author, else its `<source>`'s (the feed's comes later).
        if let person = node.child("author") ?? node.child("source")?.child("author") ?? node.child("contributor") {
            author = AtomAdapter.person(person)
        } else {
            author = FeedText.plain(node.child("dc:creator"))
        }
        published = FeedText.date(node, "published", "issued", "created", "dcterms:issued")
        updated = FeedText.date(node, "updated", "modified", "dc:date", "dcterms:modified")
        summary = AtomAdapter.text(node.child("summary"))
        content = AtomAdapter.text(node.child("content"))
        for category in node.children("category") {
            if let term = FeedText.nonEmpty(category.attribute("term").map(FeedText.trim))
                ?? FeedText.plain(category)
            {
                categories.append(term)
            }
        }
        for subject in node.children("dc:subject") {
            if let term = FeedText.plain(subject) { categories.append(term) }
        }
        language = FeedText.language(node.language)
    }
}
