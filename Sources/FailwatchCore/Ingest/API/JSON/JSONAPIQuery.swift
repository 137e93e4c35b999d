// SPDX-License-Identifier: Apache-2.0

/// How a `json` source maps any public JSON API onto posts, so a user adds an API in
/// feeds.yml without a code change.
public struct JSONAPIQuery: Sendable, Equatable {
    /// Where each post's values sit inside one item (`fields:`).
    public struct Fields: Sendable, Equatable {
        public var id: JSONPointer?
        public var title: JSONPointer?
        public var text: JSONPointer?
        public var url: JSONPointer?
        public var author: JSONPointer?
        public var time: JSONPointer?
        public var language: JSONPointer?

        public init(
            id: JSONPointer? = nil, title: JSONPointer? = nil, text: JSONPointer? = nil, url: JSONPointer? = nil,
            author: JSONPointer? = nil, time: JSONPointer? = nil, language: JSONPointer? = nil
        ) {
            self.id = id
            self.title = title
            self.text = text
            self.url = url
            self.author = author
            self.time = time
            self.language = language
        }
    }

    /// How the time field is written (`time_format:`).
    public enum TimeFormat: Sendable, Equatable {
        /// ISO 8601 / RFC 3339, or any date a feed may carry (the default).
        case iso8601
        /// Seconds since 1970 (`unix`).
        case unixSeconds
        /// Milliseconds since 1970 (`unix_ms`).
        case unixMilliseconds
        /// A `DateFormatter` pattern such as `yyyy-MM-dd HH:mm:ss`, read as UTC unless it has a zone.
        case pattern(String)
    }

    /// Remembers the newest value seen, so the next run asks only for what is newer (`cursor:`).
    public struct Cursor: Sendable, Equatable {
        /// The request parameter that carries the stored value (`param:`); `nil` filters
        /// client-side only (older items are dropped and paging stops at them).
        public var parameter: String?
        /// The item value to remember (`field:`, default the time field).
        public var field: JSONPointer
        /// The request parameter that asks for items at or below a value (`before:`, e.g.
        /// `until`), so a walk cut short is resumed by later runs; `nil`: it cannot resume.
        public var before: String?

        public init(parameter: String?, field: JSONPointer, before: String? = nil) {
            self.parameter = parameter
            self.field = field
            self.before = before
        }
    }

    /// How to ask for the next page (`next:`).
    public enum Next: Sendable, Equatable {
        /// The response holds the next page's full URL at this pointer (`next: {url: /links/next}`).
        case url(JSONPointer)
        /// The response holds a token at `pointer`, sent back in `parameter`
        /// (`next: {param: after, token: /data/after}`).
        case token(parameter: String, pointer: JSONPointer)
        /// Pages are numbered: `parameter` counts up from `start` (`next: {param: page, start: 1}`).
        case pageNumber(parameter: String, start: Int)
    }

    /// The array of items (`items:`); `nil` when the response is the array.
    public var items: JSONPointer?
    public var fields: Fields
    public var timeFormat: TimeFormat
    /// Put before every author, e.g. `reddit:u/` (`author_prefix:`).
    public var authorPrefix: String
    public var cursor: Cursor?
    public var next: Next?

    public init(
        items: JSONPointer?, fields: Fields, timeFormat: TimeFormat = .iso8601, authorPrefix: String = "",
        cursor: Cursor? = nil, next: Next? = nil
    ) {
        self.items = items
        self.fields = fields
        self.timeFormat = timeFormat
        self.authorPrefix = authorPrefix
        self.cursor = cursor
        self.next = next
    }
}
