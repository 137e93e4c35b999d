// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads a provider's own Facebook page through the Graph API: the page's posts are the
/// provider speaking (statements), the comments and replies under them, and visitors' posts,
/// are its customers (posts, classified like any other).
///
/// Customers comment under the page's last few posts, not under new posts of their own, so
/// every run reads the posts of the last `comment_window:` (with `since`) and the newest 100
/// comments of each, replies included (`filter(stream)`); the store keeps each post and
/// comment once. Pages follow `paging.cursors.after` on the configured host only, so no
/// token ever travels in a stored or logged URL.
///
/// Who wrote: the page when `from.id` is the page's id (the part of a post id before `_`);
/// a comment without `from` means the token lacks `pages_read_user_content`, which the run
/// says, as its authors cannot be told apart.
///
/// API: https://developers.facebook.com/docs/graph-api/reference/page/feed/,
/// https://developers.facebook.com/docs/graph-api/reference/object/comments/
public struct FacebookAdapter: APIAdapter {
    /// The Graph API with its version, `https://graph.facebook.com/v21.0`.
    public var base: URL
    public var query: FacebookQuery
    /// The run's `now`: the start of the comment window.
    public var now: Date

    /// Posts per page; comments per post.
    static let pageSize = 25
    static let commentsPerPost = 100

    /// The fields asked for: the post, who wrote it, and its comments newest first.
    static var fields: String {
        let actor = "from{id,name}"
        let comment = "id,message,created_time,permalink_url,\(actor)"
        return "id,message,story,created_time,permalink_url,\(actor),"
            + "comments.filter(stream).order(reverse_chronological).limit(\(commentsPerPost)){\(comment)}"
    }

    public init(base: URL, query: FacebookQuery, now: Date) {
        self.base = base
        self.query = query
        self.now = now
    }

    public func firstRequest(cursor: String?, oldest: Date) -> FetchRequest {
        let since = max(oldest, now.addingTimeInterval(-query.commentWindow))
        let url = APIURL.make(
            base, path: "/\(APIURL.encode(query.pageID))/feed",
            query: [
                ("fields", Self.fields), ("limit", String(Self.pageSize)),
                ("since", GraphAPI.unix(since)),
            ])
        return FetchRequest(url: url, headers: GraphAPI.headers(query.token))
    }

    public func read(_ body: FetchedBody, request: FetchRequest, cursor: String?) throws(APIError) -> APIPage {
        try GraphAPI.throwIfError(body, product: .facebook)
        let feed = try APIJSON.decode(GraphFeed.self, from: body.data, what: "a page feed")
        var page = APIPage(items: [])
        var anonymous = 0
        for post in feed.data {
            let pageID = post.id.split(separator: "_").first.map(String.init)
            let item = self.item(post)
            // A post without `from` on the page's own feed is the page's: only visitors' need the permission.
            if post.from?.id == nil || post.from?.id == pageID {
                if let item { page.statements.append(item) }
            } else if let item {
                page.items.append(item)
            }
            for comment in post.comments?.data ?? [] {
                guard let item = self.item(comment) else { continue }
                if comment.from?.id != nil, comment.from?.id == pageID {
                    page.statements.append(item)
                } else {
                    if comment.from?.id == nil { anonymous += 1 }
                    page.items.append(item)
                }
            }
        }
        if anonymous > 0 {
            page.warnings.append(
                "facebook: \(anonymous) comments without author: the page token lacks pages_read_user_content,"
                    + " so commenters cannot be told apart")
        }
        page.next = GraphAPI.nextPage(feed.paging, request: request, hasItems: !feed.data.isEmpty, more: feed.paging?.next != nil)
        return page
    }

    public func explain(status: Int) -> String? {
        switch status {
        case 400, 401:
            return "hint: the Graph API refused the token or the request: an expired page token (error 190)"
                + " or an unknown page_id (error 100); make a new page access token"
        case 403:
            return "hint: the page token lacks a permission (errors 10, 200): it needs \(GraphAPIError.permissions)"
        default: return nil
        }
    }

    private func item(_ post: GraphPost) -> FeedItem? {
        let text = HTMLText.collapsingWhitespace(post.message ?? post.story ?? "")
        guard !text.isEmpty else { return nil }
        return FeedItem(
            id: "https://www.facebook.com/" + post.id, link: post.permalinkURL ?? "https://www.facebook.com/" + post.id,
            author: author(post.from), published: post.createdTime.flatMap(FeedDate.parse), content: text)
    }

    /// `facebook:Name#id`: names repeat, the (app-scoped) id tells people apart.
    private func author(_ actor: GraphActor?) -> String? {
        guard let actor, actor.id != nil || actor.name != nil else { return nil }
        return "facebook:" + (actor.name ?? "") + (actor.id.map { "#" + $0 } ?? "")
    }
}
