// SPDX-License-Identifier: Apache-2.0
import Foundation

extension JSONAPIAdapter {
    /// Turns one item of a `json` source into a feed item through the configured pointers;
    /// lenient: a missing field is `nil`, an item with neither text nor title is skipped.
    struct ItemReader {
        var query: JSONAPIQuery
        /// Relative links resolve against the response URL.
        var base: URL
        /// Built once per page for a custom `time_format` pattern.
        private let formatter: DateFormatter?

        init(query: JSONAPIQuery, base: URL) {
            self.query = query
            self.base = base
            if case .pattern(let pattern) = query.timeFormat {
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_US_POSIX")
                formatter.timeZone = TimeZone(identifier: "UTC")
                formatter.dateFormat = pattern
                self.formatter = formatter
            } else {
                formatter = nil
            }
        }

        /// The item and the node it came from (for the cursor field); `nil` without text.
        func item(_ node: JSONNode) -> (item: FeedItem, node: JSONNode)? {
            let fields = query.fields
            func text(_ pointer: JSONPointer?) -> String? {
                guard let value = pointer.flatMap({ $0.resolve(in: node) })?.text else { return nil }
                let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                return trimmed.isEmpty ? nil : trimmed
            }
            let title = text(fields.title).map(HTMLText.plainText)
            let content = text(fields.text).map(HTMLText.plainText)
            guard title?.isEmpty == false || content?.isEmpty == false else { return nil }
            let link = text(fields.url).flatMap { URL(string: $0, relativeTo: base)?.absoluteString }
            let published = fields.time.flatMap { $0.resolve(in: node) }.flatMap(date)
            let item = FeedItem(
                id: text(fields.id), title: title, link: link,
                author: text(fields.author).map { query.authorPrefix + $0 }, published: published, content: content,
                language: text(fields.language))
            return (item, node)
        }

        /// Reads a time value in the configured format.
        func date(_ node: JSONNode) -> Date? {
            switch query.timeFormat {
            case .iso8601: return node.text.flatMap(FeedDate.parse)
            case .unixSeconds: return node.number.flatMap { UntrustedNumber.instant(unixSeconds: $0) }
            case .unixMilliseconds: return node.number.flatMap { UntrustedNumber.instant(unixMilliseconds: $0) }
            case .pattern: return node.text.flatMap { formatter?.date(from: $0) }
            }
        }

        /// Orders cursor values: numbers as numbers, times (when the cursor is the time field)
        /// as instants, anything else as text.
        func newer(_ first: String, _ second: String, field: JSONPointer) -> Bool {
            if let a = Double(first), let b = Double(second), query.timeFormat != .iso8601 || field != query.fields.time
            {
                return a > b
            }
            if field == query.fields.time, let a = date(.string(first)), let b = date(.string(second)) {
                return a > b
            }
            if let a = Double(first), let b = Double(second) { return a > b }
            return first > second
        }
    }
}
