// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Hacker News through Algolia's `search_by_date`: newest first, filtered server-side to what
/// is newer than the stored `created_at_i`, paged with `page`/`hitsPerPage`.
///
/// A walk cut short resumes with `numericFilters=created_at_i>END,created_at_i<=RESUME` from
/// page 0 (the hit at `RESUME` comes again and is deduplicated), so a burst bigger than
/// `max_pages` pages is read in full by later runs.
public struct HackerNewsAdapter: ResumableAPIAdapter {
    /// The API host, e.g. `https://hn.algolia.com`; the endpoint path is appended.
    var base: URL
    var query: HackerNewsQuery

    public init(base: URL, query: HackerNewsQuery) {
        self.base = base
        self.query = query
    }

    public func firstRequest(cursor: String?, oldest: Date) -> FetchRequest {
        search(since: NewestFirstCursor(stored: cursor, runStart: true).floor, until: nil, oldest: oldest)
    }

    public func request(below resume: String, downTo end: String?, oldest: Date) -> FetchRequest? {
        search(since: end, until: resume, oldest: oldest)
    }

    public func date(of value: String) -> Date? {
        Int(value).flatMap { UntrustedNumber.instant(unixSeconds: Double($0)) }
    }

    /// The search for hits newer than `since` (or the backfill window) and, resuming a hole,
    /// not newer than `until`.
    private func search(since floor: String?, until: String?, oldest: Date) -> FetchRequest {
        let since = max(floor.flatMap(Int.init) ?? 0, Int(oldest.timeIntervalSince1970))
        let filters = ["created_at_i>\(since)"] + (until.flatMap(Int.init).map { ["created_at_i<=\($0)"] } ?? [])
        let tags =
            query.tags.count == 1
            ? query.tags[0].rawValue : "(" + query.tags.map(\.rawValue).joined(separator: ",") + ")"
        let url = base.appendingEndpoint("/api/v1/search_by_date").settingQuery([
            ("query", query.query), ("tags", tags), ("numericFilters", filters.joined(separator: ",")),
            ("hitsPerPage", String(query.pageSize)), ("page", "0"),
        ])
        return FetchRequest(url: url, headers: ["Accept": "application/json"])
    }

    public func read(_ body: FetchedBody, request: FetchRequest, cursor: String?) throws(APIError) -> APIPage {
        let response = try APIDecoding.decode(HackerNewsSearchResponse.self, from: body, api: "hackernews")
        let hits = response.hits.elements.filter { $0.objectID?.isEmpty == false }
        let page = min(Int(request.url.queryValue("page") ?? "") ?? response.page ?? 0, Int.max - 1)
        let hasNext = page + 1 < (response.nbPages ?? 0) && !response.hits.elements.isEmpty
        // A run starts at page 0 of the top walk; a hole's walk has an upper bound.
        let runStart = page == 0 && request.url.queryValue("numericFilters")?.contains("<") != true
        let values = hits.map { $0.createdAtI.map(String.init) }
        let newer = { (a: String, b: String) in (Int(a) ?? 0) > (Int(b) ?? 0) }
        let step = NewestFirstCursor.resumableStep(
            cursor, runStart: runStart, values: values, hasNext: hasNext, newer: newer)
        let items = zip(hits, step.keep).compactMap { hit, keep in keep ? item(hit) : nil }
        let next =
            step.finished
            ? nil : FetchRequest(url: request.url.settingQuery("page", to: String(page + 1)), headers: request.headers)
        return APIPage(
            items: items, next: next, cursor: step.cursor,
            warnings: [response.hits.warning(what: "hits")].compactMap { $0 })
    }

    private func item(_ hit: HackerNewsSearchResponse.Hit) -> FeedItem {
        let id = hit.objectID ?? ""
        let html = hit.commentText ?? hit.storyText
        let published =
            hit.createdAtI.flatMap { UntrustedNumber.instant(unixSeconds: Double($0)) }
            ?? hit.createdAt.flatMap(FeedDate.parse)
        var content = html.map(HTMLText.plainText)
        if hit.commentText == nil, let url = hit.url, !url.isEmpty {
            content = [content, url].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: "\n")
        }
        return FeedItem(
            id: "hn:\(id)", title: hit.commentText == nil ? hit.title.map(HTMLText.collapsingWhitespace) : nil,
            link: "https://news.ycombinator.com/item?id=\(id)", author: hit.author.map { "hackernews:\($0)" },
            published: published, content: content?.isEmpty == false ? content : nil)
    }
}
