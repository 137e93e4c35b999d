// SPDX-License-Identifier: Apache-2.0
import Foundation

/// JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/) adapted to `Feed`.
///
/// 1.1 renamed `author` to `authors` and added `language`; both spellings are read.
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
        let items = (wire.items ?? []).map { item in
            let text = item.content_text.map(HTMLText.collapsingWhitespace)
            let html = item.content_html.map(HTMLText.plainText)
            return FeedItem(
                id: item.id?.value,
                title: item.title.map(HTMLText.collapsingWhitespace).flatMap(FeedText.nonEmpty),
                link: (item.url ?? item.external_url).map { FeedLink.resolve($0, against: feedBase) },
                author: (item.authors?.first ?? item.author)?.name,
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
            title: wire.title.map(HTMLText.collapsingWhitespace).flatMap(FeedText.nonEmpty),
            link: wire.home_page_url.map { FeedLink.resolve($0, against: feedBase) },
            language: wire.language,
            updated: nil,
            items: items
        )
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
    var items: [JSONFeedItem]?
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
