// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The one entry point for reading a feed body: sniffs the format and hands the document to
/// that format's adapter (Miniflux style), so callers never choose a parser.
public enum FeedParser {
    /// Sniffs the format (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 0.3/1.0, JSON Feed 1.0/1.1) and parses.
    ///
    /// Recovers what it can from ill-formed XML and lying encodings and says so in
    /// `Feed.warnings`. Never reads the network or the file system (external entities are
    /// off) and never expands a declared entity, so hostile bodies stay cheap.
    /// - Parameters:
    ///   - data: the body as received.
    ///   - contentType: the HTTP `Content-Type`, whose `charset` is one hint to the encoding.
    ///   - baseURL: where the body came from; relative links are resolved against it.
    /// - Throws: `FeedParseError` when nothing could be read as a feed.
    public static func parse(_ data: Data, contentType: String? = nil, baseURL: URL? = nil) throws(FeedParseError)
        -> Feed
    {
        let decoded = FeedEncoding.decode(data, contentType: contentType)
        let body = decoded.bytes
        switch sniff(body, native: decoded.nativeEncoding != nil) {
        case .empty:
            throw .emptyBody
        case .json:
            var feed = try JSONFeedAdapter.parse(body, baseURL: baseURL)
            feed.warnings = decoded.warnings + feed.warnings
            return feed
        case .html:
            throw .htmlPage
        case .xml:
            var feed = try parseXML(body, encoding: decoded.nativeEncoding, baseURL: baseURL)
            feed.warnings = decoded.warnings + feed.warnings
            return feed
        }
    }

    private enum Sniffed { case empty, json, html, xml }

    /// Looks at the first significant bytes: `{` is JSON, an HTML doctype or `<html>` a page.
    private static func sniff(_ body: Data, native: Bool) -> Sniffed {
        guard let start = body.firstIndex(where: { !HTMLText.isSpace($0) && $0 != 0 }) else { return .empty }
        if native { return .xml }
        let head = body[start...].prefix(256)
        if head.first == UInt8(ascii: "{") || head.first == UInt8(ascii: "[") { return .json }
        let lower = String(decoding: head, as: UTF8.self).lowercased()
        if lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") { return .html }
        return .xml
    }

    /// Collects adapted items while the tree builder streams them.
    private final class ItemSink {
        var format: FeedFormat?
        var items: [FeedItem] = []
    }

    private static func parseXML(_ body: Data, encoding: String?, baseURL: URL?) throws(FeedParseError) -> Feed {
        let builder = XMLTreeBuilder(baseURL: baseURL)
        let sink = ItemSink()
        builder.onRoot = { root in sink.format = format(ofRoot: root.key) }
        builder.onItem = { node in
            switch sink.format {
            case .rss: sink.items.append(RSSAdapter.item(node))
            case .rdf: sink.items.append(RDFAdapter.item(node))
            case .atom: sink.items.append(AtomAdapter.item(node))
            case .jsonFeed, nil: break
            }
        }
        builder.parse(body, encoding: encoding)
        guard let root = builder.root else {
            throw .unreadableXML(builder.firstError ?? "no root element")
        }
        var feed: Feed
        switch sink.format {
        case .rss: feed = RSSAdapter.feed(root: root, items: sink.items)
        case .rdf: feed = RDFAdapter.feed(root: root, items: sink.items)
        case .atom: feed = AtomAdapter.feed(root: root, items: sink.items)
        case .jsonFeed, nil:
            if root.key == "html" || root.key == "xhtml:html" { throw .htmlPage }
            throw .unknownRoot(root.key)
        }
        if let first = builder.firstError {
            let more = builder.errorCount > 1 ? " (and \(builder.errorCount - 1) more)" : ""
            feed.warnings.append("ill-formed XML, recovered: \(first)\(more)")
        }
        if let entity = builder.htmlEntity {
            feed.warnings.append("ill-formed XML, recovered: HTML entity &\(entity); is not defined in XML; decoded")
        }
        if let line = builder.tooDeepAtLine {
            feed.warnings.append(
                "xml: elements nested deeper than \(XMLTreeBuilder.maxDepth) levels (line \(line)); the deeper ones were read as text")
        }
        if builder.expansionExhausted {
            feed.warnings.append("entities: expansion limit reached; further entity references dropped")
        }
        return feed
    }

    /// The format a root element announces.
    private static func format(ofRoot key: String) -> FeedFormat? {
        switch key {
        case "rss", "channel", "atom:rss": .rss
        case "rdf", "rdf:rdf": .rdf
        case "feed", "atom:feed", "atom03:feed": .atom
        default: nil
        }
    }
}
