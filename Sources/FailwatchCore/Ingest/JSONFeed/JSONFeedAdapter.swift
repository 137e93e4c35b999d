// SPDX-License-Identifier: Apache-2.0
import Foundation

/// JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/) adapted to `Feed`.
///
/// 1.1 renamed `author` to `authors` and added `language`; both spellings are read. An item
/// without its own author has the feed's (§ "authors": "the top-level authors are the default
/// authors of every item"), and titles are plain text with the entities WordPress writes in
/// them (`&#8216;Jokes&#8217;`) decoded.
enum JSONFeedAdapter {
    /// Decodes a JSON Feed document.
    /// - Throws: `FeedParseError.invalidJSON` when the body is not JSON or not a JSON Feed.
    static func parse(_ data: Data, baseURL: URL?) throws(FeedParseError) -> Feed {
        let wire: JSONFeedDocument
        do {
            wire = try JSONDecoder().decode(JSONFeedDocument.self, from: data)
        } catch {
            throw .invalidJSON("JSON that is not a JSON Feed (\(describe(error)))")
        }
        guard wire.version?.contains("jsonfeed.org") == true || wire.items != nil else {
            throw .invalidJSON("JSON without a JSON Feed version or items")
        }
        let feedBase = wire.feed_url.flatMap { URL(string: $0, relativeTo: baseURL)?.absoluteURL } ?? baseURL
        let feedAuthor = name(of: wire.authors, wire.author)
        let items = (wire.items?.elements ?? []).map { item in
            let text = item.content_text.map(HTMLText.collapsingWhitespace)
            let html = item.content_html.map(HTMLText.plainText)
            return FeedItem(
                id: item.id?.value,
                title: item.title.map(plainTitle).flatMap(FeedText.nonEmpty),
                link: (item.url ?? item.external_url).map { FeedLink.resolve($0, against: feedBase) },
                author: name(of: item.authors, item.author) ?? feedAuthor,
                published: FeedText.date(item.date_published),
                updated: FeedText.date(item.date_modified),
                summary: item.summary.map(HTMLText.plainText).flatMap(FeedText.nonEmpty),
                content: FeedText.nonEmpty(html) ?? FeedText.nonEmpty(text),
                categories: item.tags ?? [],
                language: item.language ?? wire.language
            )
        }
        return Feed(
            format: .jsonFeed,
            title: wire.title.map(plainTitle).flatMap(FeedText.nonEmpty),
            link: wire.home_page_url.map { FeedLink.resolve($0, against: feedBase) },
            language: wire.language,
            updated: nil,
            items: items,
            warnings: [wire.items?.warning(what: "items")].compactMap { $0 }
        )
    }

    /// The first named author of a 1.1 `authors` list, else the 1.0 `author`.
    private static func name(of authors: [JSONFeedAuthor]?, _ author: JSONFeedAuthor?) -> String? {
        (authors ?? []).lazy.compactMap { FeedText.nonEmpty($0.name) }.first ?? FeedText.nonEmpty(author?.name)
    }

    /// A title as plain text: references decoded, whitespace collapsed (tags stay: `<` is content).
    private static func plainTitle(_ title: String) -> String {
        HTMLText.collapsingWhitespace(HTMLText.decodingEntities(title))
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.typeMismatch(_, let context) = error { return context.debugDescription }
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        return "unreadable JSON"
    }
}

// Wire types: field names as in the specification.
// swiftlint:disable identifier_name
private struct JSONFeedDocument: Decodable {
    var version: String?
    var title: String?
    var home_page_url: String?
    var feed_url: String?
    var language: String?
    var author: JSONFeedAuthor?
    var authors: [JSONFeedAuthor]?
    /// An item of the wrong shape is skipped with a warning, not the feed.
    var items: LenientList<JSONFeedItem>?
}

private struct JSONFeedItem: Decodable {
    var id: JSONFeedID?
    var url: String?
    var external_url: String?
    var title: String?
    var content_html: String?
    var content_text: String?
    var summary: String?
    var date_published: String?
    var date_modified: String?
    var author: JSONFeedAuthor?
    var authors: [JSONFeedAuthor]?
    var tags: [String]?
    var language: String?
}

private struct JSONFeedAuthor: Decodable {
    var name: String?
}

/// The spec says `id` is a string, but 1.0 feeds often use numbers.
private struct JSONFeedID: Decodable {
    var value: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            value = string
        } else if let integer = try? container.decode(Int64.self) {
            value = String(integer)
        } else {
            value = String(try container.decode(Double.self))
        }
    }
}
// swiftlint:enable identifier_name
