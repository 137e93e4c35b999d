// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Searches Bluesky posts (`app.bsky.feed.searchPosts`, newest first) on a configurable
/// AppView, so provider complaints on Bluesky are read like any feed.
///
/// Only new posts: every request carries `since`, the newest post time stored by the last
/// run (inclusive, so that post comes again and is deduplicated), or the backfill window on
/// a first run. Pages go older through the response's `cursor` until the posts run out or
/// `max_pages` is reached. A walk cut short (a burst larger than `max_pages` pages, a failed
/// or rate-limited page) is resumed by later runs with `until` just above the oldest post it
/// read and `since` at the newest post below it, after the newest posts.
///
/// Public search is sometimes refused (403); the failure then says a token is needed.
public struct BlueskyAdapter: ResumableAPIAdapter {
    /// The AppView, e.g. `https://public.api.bsky.app` or `https://api.bsky.app`.
    public var base: URL
    public var query: BlueskyQuery

    /// Posts per page; 100 is the API's maximum.
    static let pageSize = 100

    public init(base: URL, query: BlueskyQuery) {
        self.base = base
        self.query = query
    }

    public func firstRequest(cursor: String?, oldest: Date) -> FetchRequest {
        search(since: NewestFirstCursor(stored: cursor, runStart: true).floor, until: nil, oldest: oldest)
    }

    public func request(below resume: String, downTo end: String?, oldest: Date) -> FetchRequest? {
        // `until` is exclusive and stored times are whole seconds: one second above keeps the
        // posts of that second (those read already are deduplicated).
        search(since: end, until: date(of: resume).map { $0.addingTimeInterval(1) }, oldest: oldest)
    }

    public func date(of value: String) -> Date? { FeedDate.parse(value) }

    /// The search for posts since `since` (or the backfill window) and before `until`.
    private func search(since floor: String?, until: Date?, oldest: Date) -> FetchRequest {
        let since = floor.flatMap(FeedDate.parse).map { max($0, oldest) } ?? oldest
        var parameters = [("q", query.query), ("sort", "latest"), ("limit", String(Self.pageSize))]
        parameters.append(("since", FeedDate.iso8601UTC(since)))
        if let until { parameters.append(("until", FeedDate.iso8601UTC(until))) }
        if let language = query.language { parameters.append(("lang", language)) }
        var headers: [String: String] = [:]
        if let token = query.token { headers["Authorization"] = "Bearer \(token)" }
        let url = APIURL.make(base, path: "/xrpc/app.bsky.feed.searchPosts", query: parameters)
        return FetchRequest(url: url, headers: headers)
    }

    public func read(_ body: FetchedBody, request: FetchRequest, cursor: String?) throws(APIError) -> APIPage {
        let output = try APIJSON.decode(BlueskySearchResult.self, from: body.data, what: "searchPosts output")
        let result = (cursor: output.cursor, posts: output.posts.elements)
        var next: FetchRequest?
        if !result.posts.isEmpty, let pageCursor = result.cursor, !pageCursor.isEmpty {
            next = FetchRequest(url: APIURL.setting(request.url, "cursor", to: pageCursor), headers: request.headers)
        }
        // A run starts without a page token; a hole's walk carries `until`.
        let runStart = ["cursor", "until"].allSatisfy { APIURL.value(of: $0, in: request.url) == nil }
        let values = result.posts.map { sortTime($0).map(FeedDate.iso8601UTC) }
        // Cursor times are whole seconds: a post in the floor's second may not have been read
        // (indexed a moment later), so it counts as new; the store drops it if it is known.
        let newer = { (a: String, b: String) in
            (FeedDate.parse(a) ?? .distantPast) >= (FeedDate.parse(b) ?? .distantPast)
        }
        let step = NewestFirstCursor.resumableStep(
            cursor, runStart: runStart, values: values, hasNext: next != nil, newer: newer)
        let items = zip(result.posts, step.keep).compactMap { post, keep in keep ? Self.item(post) : nil }
        return APIPage(
            items: items, next: step.finished ? nil : next, cursor: step.cursor,
            warnings: [output.posts.warning(what: "posts")].compactMap { $0 })
    }

    public func explain(status: Int) -> String? {
        switch status {
        case 401: return "hint: the token was rejected or has expired; renew the token: value"
        case 403:
            return query.token == nil
                ? "public search refused by \(base.host ?? "the AppView"); hint: a token is needed, set token: ${BLUESKY_TOKEN}"
                : "search refused by \(base.host ?? "the AppView") even with the token; hint: check the token's scope"
        default: return nil
        }
    }

    /// The time `since` compares against: the earlier of creation and indexing, so a
    /// client clock in the future cannot push the cursor past posts not yet seen.
    private func sortTime(_ post: BlueskyPost) -> Date? {
        let times = [post.record.createdAt, post.indexedAt].compactMap { $0.flatMap(FeedDate.parse) }
        return times.min()
    }

    /// A post as a feed item, `bluesky:@handle` as author.
    static func item(_ post: BlueskyPost) -> FeedItem? {
        let text = HTMLText.collapsingWhitespace(post.record.text ?? "")
        guard !text.isEmpty else { return nil }
        // `handle.invalid` marks a handle that no longer verifies; the DID still names the author.
        let profile = post.author.handle.flatMap { $0 == "handle.invalid" || $0.isEmpty ? nil : $0 } ?? post.author.did
        let rkey = post.uri.split(separator: "/").last.map(String.init) ?? ""
        return FeedItem(
            id: post.uri, link: "https://bsky.app/profile/\(profile)/post/\(rkey)",
            author: "bluesky:@" + profile,
            published: (post.record.createdAt ?? post.indexedAt).flatMap(FeedDate.parse),
            content: text, language: post.record.langs?.first)
    }
}
