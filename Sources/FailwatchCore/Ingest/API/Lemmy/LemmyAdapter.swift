// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Posts or comments of a Lemmy instance through `/api/v3/search` sorted `New`: newest first,
/// paged with `page` (from 1) and `limit`; the cursor is the newest `published` seen and
/// paging stops when a page reaches it.
public struct LemmyAdapter: APIAdapter {
    /// The instance, e.g. `https://feddit.org`; the endpoint path is appended.
    var base: URL
    var query: LemmyQuery

    public init(base: URL, query: LemmyQuery) {
        self.base = base
        self.query = query
    }

    public func firstRequest(cursor: String?, oldest: Date) -> FetchRequest {
        let url = base.appendingEndpoint("/api/v3/search").settingQuery([
            ("q", query.query), ("type_", query.type.parameter), ("sort", "New"),
            ("listing_type", "All"), ("page", "1"), ("limit", String(query.pageSize)),
        ])
        return FetchRequest(url: url, headers: ["Accept": "application/json"])
    }

    public func read(_ body: FetchedBody, request: FetchRequest, cursor: String?) throws(APIError) -> APIPage {
        let response = try APIDecoding.decode(LemmySearchResponse.self, from: body, api: "lemmy")
        let entries: [(published: String?, item: FeedItem)]
        let skipped: String?
        switch query.type {
        case .posts:
            guard let posts = response.posts else { throw .unexpectedShape("lemmy: no 'posts' array") }
            entries = posts.elements.map { ($0.post.published, item($0)) }
            skipped = posts.warning(what: "posts")
        case .comments:
            guard let comments = response.comments else { throw .unexpectedShape("lemmy: no 'comments' array") }
            entries = comments.elements.map { ($0.comment.published, item($0)) }
            skipped = comments.warning(what: "comments")
        }
        let page = min(Int(request.url.queryValue("page") ?? "") ?? 1, Int.max - 1)
        let step = NewestFirstCursor(stored: cursor, runStart: page == 1).step(
            values: entries.map(\.published), hasNext: entries.count >= query.pageSize, newer: Self.newer)
        let items = zip(entries, step.keep).compactMap { entry, keep in keep ? entry.item : nil }
        let next =
            step.finished
            ? nil : FetchRequest(url: request.url.settingQuery("page", to: String(page + 1)), headers: request.headers)
        return APIPage(items: items, next: next, cursor: step.cursor, warnings: [skipped].compactMap { $0 })
    }

    /// Compares `published` instants; text that is not a date compares as text.
    static func newer(_ first: String, _ second: String) -> Bool {
        guard let a = FeedDate.parse(first), let b = FeedDate.parse(second) else { return first > second }
        return a > b
    }

    private func item(_ view: LemmySearchResponse.PostView) -> FeedItem {
        let post = view.post
        let body = [post.body.map(HTMLText.collapsingWhitespace), post.url].compactMap {
            $0?.isEmpty == false ? $0 : nil
        }
        return FeedItem(
            id: post.apID, title: post.name.map(HTMLText.collapsingWhitespace), link: post.apID,
            author: Self.author(view.creator), published: post.published.flatMap(FeedDate.parse),
            content: body.isEmpty ? nil : body.joined(separator: "\n"))
    }

    private func item(_ view: LemmySearchResponse.CommentView) -> FeedItem {
        let comment = view.comment
        return FeedItem(
            id: comment.apID, link: comment.apID, author: Self.author(view.creator),
            published: comment.published.flatMap(FeedDate.parse),
            content: comment.content.map(HTMLText.collapsingWhitespace))
    }

    /// `lemmy:@name@host`, the host taken from the person's ActivityPub id (their home instance).
    static func author(_ person: LemmySearchResponse.Person?) -> String? {
        guard let name = person?.name, !name.isEmpty else { return nil }
        let host = (person?.actorID ?? person?.apID).flatMap { URL(string: $0)?.host }
        return "lemmy:@\(name)" + (host.map { "@\($0)" } ?? "")
    }
}
