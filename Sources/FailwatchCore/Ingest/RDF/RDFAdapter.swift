// SPDX-License-Identifier: Apache-2.0
import Foundation

/// RSS 1.0 and RSS 0.90 (RDF, https://web.resource.org/rss/1.0/spec) adapted to `Feed`.
///
/// Items are siblings of `<channel>` under `<rdf:RDF>`; dates and authors come from
/// Dublin Core (`dc:date`, `dc:creator`), the language from `dc:language`.
enum RDFAdapter {
    /// The feed-level fields of `<channel>`.
    static func feed(root: XMLNode, items: [FeedItem]) -> Feed {
        let channel = RDFChannel(root.child("channel") ?? root)
        return Feed(
            format: .rdf, title: channel.title, link: channel.link,
            language: channel.language ?? FeedText.language(root.language), updated: channel.updated, items: items)
    }

    /// One `<item>` as a `FeedItem`.
    static func item(_ node: XMLNode) -> FeedItem {
        let wire = RDFItem(node)
        return FeedItem(
            id: wire.about ?? wire.link, title: wire.title, link: wire.link, author: wire.creator,
            published: wire.issued, updated: wire.date, summary: wire.description,
            content: wire.content, categories: wire.subjects, language: wire.language)
    }

    fileprivate static func link(_ node: XMLNode) -> String? {
        guard let link = node.child("link"), let text = FeedText.trimmed(link) else { return nil }
        return link.resolve(text)
    }
}

/// `<channel>` as written.
private struct RDFChannel {
    var title: String?
    var link: String?
    var language: String?
    var updated: Date?

    init(_ node: XMLNode) {
        title = FeedText.html(node.child("title") ?? node.child("dc:title"))
        link = RDFAdapter.link(node)
        language = FeedText.language(node.child("dc:language") ?? node.child("language"))
        updated = FeedText.date(node, "dc:date", "dcterms:modified", "lastbuilddate", "pubdate")
    }
}

/// `<item>` as written.
private struct RDFItem {
    var about: String?
    var title: String?
    var link: String?
    var creator: String?
    var issued: Date?
    var date: Date?
    var description: String?
    var content: String?
    var subjects: [String] = []
    var language: String?

    init(_ node: XMLNode) {
        about = FeedText.nonEmpty(node.attribute("rdf:about").map(FeedText.trim))
        title = FeedText.html(node.child("title") ?? node.child("dc:title"))
        link = RDFAdapter.link(node)
        creator = FeedText.html(node.child("dc:creator") ?? node.child("dc:author") ?? node.child("author"))
        issued = FeedText.date(node, "dcterms:issued", "dcterms:created", "pubdate")
        date = FeedText.date(node, "dc:date", "dcterms:modified")
        description = FeedText.html(node.child("description") ?? node.child("dc:description"))
        content = FeedText.html(node.child("content:encoded") ?? node.child("xhtml:body"))
        for subject in node.children("dc:subject") + node.children("category") {
            if let term = FeedText.plain(subject) { subjects.append(term) }
        }
        language = FeedText.language(node.child("dc:language")) ?? FeedText.language(node.language)
    }
}
