// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Searches public Threads posts (`/keyword_search`, `search_type=RECENT`, newest first), where
/// customers write "liwest down?".
///
/// Only new posts: every request carries `since` (Unix seconds), the newest post time stored by
/// the last run, or the backfill window on a first run. Pages go older through
/// `paging.cursors.after`, followed when `paging.next` says there is more or, as Threads does
/// not always send `next`, when the page came full. A walk cut short is resumed by later runs
/// with `until` (`NewestFirstCursor`), like Bluesky's.
///
/// Limits: 2,200 queries per user and rolling 24 hours, across apps (queries without results
/// do not count); without the `threads_keyword_search` permission Threads searches only the
/// token's own posts.
///
/// API: https://developers.facebook.com/docs/threads/keyword-search
public struct ThreadsSearchAdapter: ResumableAPIAdapter {
    /// The Threads API with its version, `https://graph.threads.net/v1.0`.
    public var base: URL
    public var terms: String
    public var token: String?

    /// Posts per page; 100 is the API's maximum.
    static let pageSize = 100

    public init(base: URL, terms: String, token: String?) {
        self.base = base
        self.terms = terms
        self.token = token
    }

    public func firstRequest(cursor: String?, oldest: Date) -> FetchRequest {
        search(since: NewestFirstCursor(stored: cursor, runStart: true).floor, until: nil, oldest: oldest)
    }

    public func request(below resume: String, downTo end: String?, oldest: Date) -> FetchRequest? {
        // `until` is exclusive and whole seconds: one second above keeps the posts of that second.
        search(since: end, until: date(of: resume).map { $0.addingTimeInterval(1) }, oldest: oldest)
    }

    public func date(of value: String) -> Date? { FeedDate.parse(value) }

    private func search(since floor: String?, until: Date?, oldest: Date) -> FetchRequest {
        let since = floor.flatMap(FeedDate.parse).map { max($0, oldest) } ?? oldest
        var parameters = [
            ("q", terms), ("search_type", "RECENT"), ("fields", ThreadsMedia.fields), ("limit", String(Self.pageSize)),
        ]
        // Threads refuses times before its API began (2023-07-05).
        parameters.append(("since", GraphAPI.unix(max(since, Date(timeIntervalSince1970: 1_688_540_400)))))
        if let until { parameters.append(("until", GraphAPI.unix(until))) }
        let url = APIURL.make(base, path: "/keyword_search", query: parameters)
        return FetchRequest(url: url, headers: GraphAPI.headers(token))
    }

    public func read(_ body: FetchedBody, request: FetchRequest, cursor: String?) throws(APIError) -> APIPage {
        let page = try ThreadsAccountAdapter.decode(body)
        let posts = page.data.elements
        let next = GraphAPI.nextPage(
            page.paging, request: request, hasItems: !posts.isEmpty,
            more: page.paging?.next != nil || posts.count >= Self.pageSize)
        let runStart = ["after", "until"].allSatisfy { APIURL.value(of: $0, in: request.url) == nil }
        let values = posts.map { $0.timestamp.flatMap(FeedDate.parse).map(FeedDate.iso8601UTC) }
        let newer = { (a: String, b: String) in
            (FeedDate.parse(a) ?? .distantPast) >= (FeedDate.parse(b) ?? .distantPast)
        }
        let step = NewestFirstCursor.resumableStep(
            cursor, runStart: runStart, values: values, hasNext: next != nil, newer: newer)
        let items = zip(posts, step.keep).compactMap { post, keep in keep ? post.item : nil }
        return APIPage(
            items: items, next: step.finished ? nil : next, cursor: step.cursor,
            warnings: [page.data.warning(what: "posts")].compactMap { $0 })
    }

    public func explain(status: Int) -> String? { ThreadsAccountAdapter.explainStatus(status) }
}
