// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads one Bluesky account's posts and replies (`app.bsky.feed.getAuthorFeed`, newest first),
/// the provider's own account with `official: true`, so alerts know when it last spoke there.
///
/// Reposts of others' posts are left out (they are not the account's words). The cursor is the
/// newest post time stored; pages go older through the response's `cursor` until a page reaches
/// it (`NewestFirstCursor`: a walk cut short keeps its floor, so nothing is skipped).
///
/// API: https://docs.bsky.app/docs/api/app-bsky-feed-get-author-feed
public struct BlueskyAuthorFeedAdapter: APIAdapter {
    public var base: URL
    /// The handle or DID.
    public var actor: String
    public var token: String?

    /// Posts per page; an official account posts a few a day.
    static let pageSize = 30

    public init(base: URL, actor: String, token: String?) {
        self.base = base
        self.actor = actor
        self.token = token
    }

    public func firstRequest(cursor: String?, oldest: Date) -> FetchRequest {
        let url = APIURL.make(
            base, path: "/xrpc/app.bsky.feed.getAuthorFeed",
            query: [("actor", actor), ("limit", String(Self.pageSize)), ("filter", "posts_with_replies")])
        return FetchRequest(url: url, headers: token.map { ["Authorization": "Bearer " + $0] } ?? [:])
    }

    public func read(_ body: FetchedBody, request: FetchRequest, cursor: String?) throws(APIError) -> APIPage {
        let output = try APIJSON.decode(BlueskyAuthorFeed.self, from: body.data, what: "getAuthorFeed output")
        let own = output.feed.elements.filter { $0.reason == nil }.map(\.post)
        var next: FetchRequest?
        if !output.feed.elements.isEmpty, let pageCursor = output.cursor?.nonEmpty {
            next = FetchRequest(url: APIURL.setting(request.url, "cursor", to: pageCursor), headers: request.headers)
        }
        let walk = NewestFirstCursor(stored: cursor, runStart: APIURL.value(of: "cursor", in: request.url) == nil)
        let values = own.map { ($0.record.createdAt ?? $0.indexedAt).flatMap(FeedDate.parse).map(FeedDate.iso8601UTC) }
        let step = walk.step(values: values, hasNext: next != nil) { a, b in
            (FeedDate.parse(a) ?? .distantPast) > (FeedDate.parse(b) ?? .distantPast)
        }
        let items = zip(own, step.keep).compactMap { post, keep in keep ? BlueskyAdapter.item(post) : nil }
        return APIPage(
            items: items, next: step.finished ? nil : next, cursor: step.cursor,
            warnings: [output.feed.warning(what: "feed entries")].compactMap { $0 })
    }

    public func explain(status: Int) -> String? {
        status == 400 ? "hint: check that the account '\(actor)' exists on Bluesky (account: is its handle)" : nil
    }
}
