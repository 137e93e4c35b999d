// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads a provider's own Instagram professional account through the Instagram Graph API:
/// the captions of its media are the provider speaking (statements), the comments and replies
/// under them are its customers (posts), and the account's own replies are statements again.
///
/// Customers comment under the account's last few media, so every run reads the media of the
/// last `comment_window:` (`/{ig-user-id}/media` with `since`) with the newest comments of each
/// and their replies expanded in the same request (`comments.limit(50){…,replies{…}}`, the
/// `/{ig-media-id}/comments` edge); the store keeps each comment once. Pages follow
/// `paging.cursors.after` on the configured host only: the API's own `next` URL carries the
/// token, which must never reach a log or the store.
///
/// Who wrote: the account when the comment's `username` is the media's owner or `from.id` is
/// `account_id`; a comment without either (a deleted or restricted commenter) has no author
/// and counts once per source and interval.
///
/// API: https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media,
/// https://developers.facebook.com/docs/instagram-platform/comment-moderation
public struct InstagramAdapter: APIAdapter {
    /// The Graph API with its version, `https://graph.facebook.com/v21.0` (or `graph.instagram.com`).
    public var base: URL
    public var query: InstagramQuery
    /// The run's `now`: the start of the comment window.
    public var now: Date

    /// Media per page; comments per media (their replies come with them).
    static let pageSize = 25
    static let commentsPerMedia = 50

    /// The fields asked for: the media, its owner and its comments with their replies.
    static var fields: String {
        let comment = "id,text,timestamp,username,hidden,from{id,username}"
        return "id,caption,timestamp,permalink,username,"
            + "comments.limit(\(commentsPerMedia)){\(comment),replies{\(comment)}}"
    }

    public init(base: URL, query: InstagramQuery, now: Date) {
        self.base = base
        self.query = query
        self.now = now
    }

    /// The oldest media whose comments a run reads.
    private func windowStart(_ oldest: Date) -> Date { max(oldest, now.addingTimeInterval(-query.commentWindow)) }

    public func firstRequest(cursor: String?, oldest: Date) -> FetchRequest {
        let since = windowStart(oldest)
        let url = APIURL.make(
            base, path: "/\(APIURL.encode(query.accountID))/media",
            query: [
                ("fields", Self.fields), ("limit", String(Self.pageSize)),
                ("since", GraphAPI.unix(since)),
            ])
        return FetchRequest(url: url, headers: GraphAPI.headers(query.token))
    }

    public func read(_ body: FetchedBody, request: FetchRequest, cursor: String?) throws(APIError) -> APIPage {
        try GraphAPI.throwIfError(body, product: .instagram)
        let media = try APIJSON.decode(GraphPage<InstagramMedia>.self, from: body.data, what: "a page of media")
        let since =
            APIURL.value(of: "since", in: request.url).flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
            ?? .distantPast
        var page = APIPage(items: [], warnings: [media.data.warning(what: "media")].compactMap { $0 })
        var anonymous = 0
        var reachedWindow = false
        for medium in media.data.elements {
            let published = medium.timestamp.flatMap(FeedDate.parse)
            // The API may ignore `since`: a media older than the window ends the walk, comments and all.
            if let published, published < since {
                reachedWindow = true
                continue
            }
            let link = medium.permalink ?? "https://www.instagram.com/"
            if let caption = item(
                id: "instagram:media:" + medium.id, link: link, author: medium.username.map { "instagram:@" + $0 },
                time: medium.timestamp, text: medium.caption)
            {
                page.statements.append(caption)
            }
            var skipped = [medium.comments?.data.warning(what: "comments")]
            for comment in medium.comments?.data.elements ?? [] {
                skipped.append(comment.replies?.data.warning(what: "replies"))
                for entry in [comment] + (comment.replies?.data.elements ?? []) {
                    guard let item = self.item(entry, media: medium) else { continue }
                    if isAccount(entry, owner: medium.username) {
                        page.statements.append(item)
                    } else {
                        if item.author == nil { anonymous += 1 }
                        page.items.append(item)
                    }
                }
            }
            for warning in skipped.compactMap({ $0 }) where !page.warnings.contains(warning) {
                page.warnings.append(warning)
            }
        }
        if anonymous > 0 {
            page.warnings.append(
                "instagram: \(anonymous) comments without author (a deleted or restricted account);"
                    + " each counts as one person")
        }
        page.next = GraphAPI.nextPage(
            media.paging, request: request, hasItems: !media.data.elements.isEmpty,
            more: !reachedWindow && media.paging?.next != nil)
        return page
    }

    public func explain(status: Int) -> String? {
        switch status {
        case 400, 401:
            return "hint: the Graph API refused the token or the request: an expired token (error 190)"
                + " or an unknown account_id (error 100); make a new access token"
        case 403:
            return
                "hint: the token lacks a permission (errors 10, 200): it needs \(GraphAPIError.Product.instagram.needs)"
        default: return nil
        }
    }

    /// Whether the account itself wrote: its username, or its id.
    private func isAccount(_ comment: InstagramComment, owner: String?) -> Bool {
        if let id = comment.from?.id, id == query.accountID { return true }
        guard let owner, let name = comment.username ?? comment.from?.username else { return false }
        return name.caseInsensitiveCompare(owner) == .orderedSame
    }

    private func item(_ comment: InstagramComment, media: InstagramMedia) -> FeedItem? {
        let name = comment.username ?? comment.from?.username
        let author = name.map { "instagram:@" + $0 } ?? comment.from?.id.map { "instagram:id:" + $0 }
        // The web shows a comment at the media's permalink + c/<id>/.
        let link = media.permalink.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + "c/" + comment.id + "/" }
        return item(
            id: "instagram:comment:" + comment.id, link: link ?? "https://www.instagram.com/", author: author,
            time: comment.timestamp, text: comment.text)
    }

    private func item(id: String, link: String, author: String?, time: String?, text: String?) -> FeedItem? {
        let content = HTMLText.collapsingWhitespace(text ?? "")
        guard !content.isEmpty else { return nil }
        return FeedItem(id: id, link: link, author: author, published: time.flatMap(FeedDate.parse), content: content)
    }
}
