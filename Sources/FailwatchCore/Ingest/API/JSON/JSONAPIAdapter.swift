// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Any public JSON API, read through the pointers of a `json` source in feeds.yml: where the
/// items are, which fields hold id, text, link, author and time, and how to page and resume.
///
/// The API is assumed to list newest first when a cursor is configured: items not newer than
/// the stored value are dropped and paging stops at the first of them. With `before:` in the
/// cursor (the parameter asking for items at or below a value), a walk cut short is resumed
/// by later runs like Bluesky's; without it, the floor waits until a walk reaches it.
public struct JSONAPIAdapter: ResumableAPIAdapter {
    /// The request URL as configured, query included.
    var url: URL
    var query: JSONAPIQuery

    public init(url: URL, query: JSONAPIQuery) {
        self.url = url
        self.query = query
    }

    public func firstRequest(cursor: String?, oldest: Date) -> FetchRequest {
        var pairs: [(String, String)] = []
        if let parameter = query.cursor?.parameter, let floor = NewestFirstCursor(stored: cursor, runStart: true).floor
        {
            pairs.append((parameter, floor))
        }
        if case .pageNumber(let parameter, let start) = query.next { pairs.append((parameter, String(start))) }
        return FetchRequest(url: pairs.isEmpty ? url : url.settingQuery(pairs), headers: ["Accept": "application/json"])
    }

    public func request(below resume: String, downTo end: String?, oldest: Date) -> FetchRequest? {
        guard let cursor = query.cursor, let before = cursor.before else { return nil }
        var pairs = [(before, resume)]
        if let parameter = cursor.parameter, let end { pairs.append((parameter, end)) }
        if case .pageNumber(let parameter, let start) = query.next { pairs.append((parameter, String(start))) }
        return FetchRequest(url: url.settingQuery(pairs), headers: ["Accept": "application/json"])
    }

    /// A cursor value's time when the cursor is the time field; other values date no hole.
    public func date(of value: String) -> Date? {
        guard let cursor = query.cursor, cursor.field == query.fields.time else { return nil }
        return ItemReader(query: query, base: url).date(.string(value))
    }

    public func read(_ body: FetchedBody, request: FetchRequest, cursor: String?) throws(APIError) -> APIPage {
        let document = try APIDecoding.decode(JSONNode.self, from: body, api: "json")
        let location = query.items?.description ?? "the top level"
        guard let found = query.items.map({ $0.resolve(in: document) }) ?? document else {
            throw .unexpectedShape("json: nothing at items pointer '\(location)'")
        }
        guard case .array(let elements) = found else {
            throw .unexpectedShape("json: items pointer '\(location)' names \(Self.shape(found)), not an array")
        }
        let reader = ItemReader(query: query, base: body.finalURL)
        let items = elements.compactMap(reader.item)
        let nextURL = nextURL(document, request: request, base: body.finalURL, empty: elements.isEmpty)
        let warnings = missingAuthor(items.map(\.item))
        guard let cursorField = query.cursor?.field else {
            return APIPage(
                items: items.map(\.item), next: nextURL.map { FetchRequest(url: $0, headers: request.headers) },
                warnings: warnings)
        }
        let values = items.map { cursorField.resolve(in: $0.node)?.text }
        let newer = { (a: String, b: String) in reader.newer(a, b, field: cursorField) }
        // Later pages have their own URL: a request equal to the first one starts a run.
        let runStart = request.url == firstRequest(cursor: cursor, oldest: .distantPast).url
        let step =
            query.cursor?.before == nil
            ? NewestFirstCursor(stored: cursor, runStart: runStart)
                .step(values: values, hasNext: nextURL != nil, newer: newer)
            : NewestFirstCursor.resumableStep(
                cursor, runStart: runStart, values: values, hasNext: nextURL != nil, newer: newer)
        let kept = zip(items, step.keep).compactMap { entry, keep in keep ? entry.item : nil }
        let next = step.finished ? nil : nextURL.map { FetchRequest(url: $0, headers: request.headers) }
        return APIPage(items: kept, next: next, cursor: step.cursor, warnings: warnings)
    }

    /// An `author` pointer that no item of the page answers is a mistake in feeds.yml, not a
    /// page of anonymous posts: without authors every post counts as its own person.
    private func missingAuthor(_ items: [FeedItem]) -> [String] {
        guard let pointer = query.fields.author, !items.isEmpty, items.allSatisfy({ $0.author == nil }) else { return [] }
        return ["author pointer '\(pointer)' matched no item: posts stored without an author, each counted as its own person"]
    }

    /// The next page's URL as `next:` describes it; `nil` when the response offers none.
    private func nextURL(_ document: JSONNode, request: FetchRequest, base: URL, empty: Bool) -> URL? {
        switch query.next {
        case nil:
            return nil
        case .url(let pointer):
            guard let text = pointer.resolve(in: document)?.text, !text.isEmpty else { return nil }
            return URL(string: text, relativeTo: base)?.absoluteURL
        case .token(let parameter, let pointer):
            guard let token = pointer.resolve(in: document)?.text, !token.isEmpty,
                token != request.url.queryValue(parameter)
            else { return nil }
            return request.url.settingQuery(parameter, to: token)
        case .pageNumber(let parameter, let start):
            guard !empty else { return nil }
            let current = Int(request.url.queryValue(parameter) ?? "") ?? start
            guard current < Int.max else { return nil }
            return request.url.settingQuery(parameter, to: String(current + 1))
        }
    }

    static func shape(_ node: JSONNode) -> String {
        switch node {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}
