// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads the provider's own Threads account (the token's, `/me`): its threads of the last
/// `comment_window:` are its statements, and the replies under each (`/{thread-id}/conversation`,
/// every depth, newest first) are its customers' posts, except the account's own replies,
/// which are statements again.
///
/// One run is a chain of requests: the threads first, then the conversation of each thread
/// that has replies. The threads still to read travel in the page cursor
/// (`<owner>\n<id>,<id>…`), so `max_pages` bounds the chain; the next run starts again at the
/// threads, as the window is read every run and the store keeps each reply once.
///
/// API: https://developers.facebook.com/docs/threads/retrieve-and-discover-posts/retrieve-posts,
/// https://developers.facebook.com/docs/threads/retrieve-and-manage-replies/replies-and-conversations
public struct ThreadsAccountAdapter: APIAdapter {
    public var base: URL
    public var token: String?
    public var commentWindow: TimeInterval
    /// The run's `now`: the start of the window.
    public var now: Date

    /// Threads per page; replies per conversation page.
    static let pageSize = 25
    static let repliesPerPage = 100

    public init(base: URL, token: String?, commentWindow: TimeInterval, now: Date) {
        self.base = base
        self.token = token
        self.commentWindow = commentWindow
        self.now = now
    }

    public func firstRequest(cursor: String?, oldest: Date) -> FetchRequest {
        let since = max(oldest, now.addingTimeInterval(-commentWindow), Date(timeIntervalSince1970: 1_688_540_400))
        return request(
            APIURL.make(
                base, path: "/me/threads",
                query: [
                    ("fields", ThreadsMedia.fields), ("limit", String(Self.pageSize)),
                    ("since", GraphAPI.unix(since)),
                ]))
    }

    public func read(_ body: FetchedBody, request: FetchRequest, cursor: String?) throws(APIError) -> APIPage {
        let page = try Self.decode(body)
        let posts = page.data.elements
        var result = APIPage(items: [], warnings: [page.data.warning(what: "posts")].compactMap { $0 })
        var pending = Pending(cursor)
        let isThreads = request.url.path.hasSuffix("/me/threads")
        if isThreads {
            result.statements = posts.compactMap(\.item)
            if APIURL.value(of: "after", in: request.url) == nil {
                pending = Pending(owner: posts.first?.username, ids: [])
            }
            pending.owner = pending.owner ?? posts.first?.username
            pending.ids += posts.filter { $0.hasReplies != false }.map(\.id)
        } else {
            var anonymous = 0
            for post in posts {
                guard let item = post.item else { continue }
                let own =
                    post.isReplyOwnedByMe == true
                    || post.username != nil && post.username?.lowercased() == pending.owner?.lowercased()
                if own {
                    result.statements.append(item)
                } else {
                    if item.author == nil { anonymous += 1 }
                    result.items.append(item)
                }
            }
            if anonymous > 0 {
                result.warnings.append(
                    "threads: \(anonymous) replies without author (accounts that are not public); each counts as one person"
                )
            }
        }
        result.next = GraphAPI.nextPage(
            page.paging, request: request, hasItems: !posts.isEmpty, more: page.paging?.next != nil)
        if result.next == nil, !pending.ids.isEmpty {
            let id = pending.ids.removeFirst()
            result.next = self.request(
                APIURL.make(
                    base, path: "/\(APIURL.encode(id))/conversation",
                    query: [
                        ("fields", ThreadsMedia.fields), ("reverse", "true"), ("limit", String(Self.repliesPerPage)),
                    ]))
        }
        result.cursor = pending.text
        return result
    }

    public func explain(status: Int) -> String? { Self.explainStatus(status) }

    /// A page, or the Graph API error it carries as one line naming what the token lacks.
    static func decode(_ body: FetchedBody) throws(APIError) -> GraphPage<ThreadsMedia> {
        try GraphAPI.throwIfError(body, product: .threads)
        return try APIJSON.decode(GraphPage<ThreadsMedia>.self, from: body.data, what: "a page of threads")
    }

    static func explainStatus(_ status: Int) -> String? {
        switch status {
        case 400, 401:
            return "hint: the Threads API refused the token or the request: an expired token (error 190);"
                + " make a new long-lived token (they last 60 days)"
        case 403:
            return "hint: the token lacks a permission: it needs \(GraphAPIError.Product.threads.needs)"
                + " (and threads_keyword_search for query:)"
        default: return nil
        }
    }

    private func request(_ url: URL) -> FetchRequest {
        FetchRequest(url: url, headers: GraphAPI.headers(token))
    }

    /// The account's username and the threads whose conversations this run has yet to read.
    struct Pending {
        var owner: String?
        var ids: [String]

        init(owner: String?, ids: [String]) {
            self.owner = owner
            self.ids = ids
        }

        init(_ cursor: String?) {
            let parts = (cursor ?? "").split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            owner = parts.first.map(String.init)?.nonEmpty
            ids = parts.count > 1 ? parts[1].split(separator: ",").map(String.init) : []
        }

        var text: String { (owner ?? "") + "\n" + ids.joined(separator: ",") }
    }
}
