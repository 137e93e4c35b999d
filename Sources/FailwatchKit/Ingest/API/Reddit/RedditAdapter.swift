// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads Reddit search results and subreddit listings, newest first, so complaints on
/// Reddit reach the classifier like feed items.
///
/// Only new posts: the cursor is the newest post read (fullname and `created_utc`); pages
/// go older through `after` and stop at the first post the stored cursor covers, so a run
/// fetches only what is new. A burst larger than `max_pages` pages between two runs keeps
/// its newest pages only. Reddit meters clients through `X-Ratelimit-Remaining/-Reset` and 429,
/// which the shared loop honours; it requires a descriptive `User-Agent`, sent with every
/// request (`user_agent:`).
///
/// API: https://www.reddit.com/dev/api/#GET_search, https://www.reddit.com/dev/api/#GET_new
public struct RedditAdapter: APIAdapter {
    /// `https://www.reddit.com`, or `https://oauth.reddit.com` with an `Authorization` header.
    public var base: URL
    public var query: RedditQuery

    /// Posts per page; 100 is the API's maximum.
    static let pageSize = 100

    public init(base: URL, query: RedditQuery) {
        self.base = base
        self.query = query
    }

    public func firstRequest(cursor: String?, oldest: Date) -> FetchRequest {
        var parameters = [("limit", String(Self.pageSize)), ("raw_json", "1")]
        let path: String
        switch (query.query, query.subreddit) {
        case let (terms?, subreddit?):
            path = "/r/\(subreddit)/search.json"
            parameters = [("q", terms), ("restrict_sr", "1"), ("sort", "new")] + parameters
        case let (terms?, nil):
            path = "/search.json"
            parameters = [("q", terms), ("sort", "new")] + parameters
        case (nil, let subreddit):
            path = "/r/\(subreddit ?? "all")/new.json"
        }
        return FetchRequest(url: APIURL.make(base, path: path, query: parameters), headers: ["User-Agent": query.userAgent])
    }

    public func read(_ body: FetchedBody, request: FetchRequest, cursor: String?) throws(APIError) -> APIPage {
        let listing = try APIJSON.decode(RedditListing.self, from: body.data, what: "a listing")
        let laterPage = APIURL.value(of: "after", in: request.url) != nil
        let (newestSoFar, stored) = RedditCursor.positions(cursor, laterPage: laterPage)
        var newest = newestSoFar
        var items: [FeedItem] = []
        var reachedStored = false
        for child in listing.data.children {
            let post = child.data
            let created = Int(post.createdUTC ?? 0)
            if let stored, stored.covers(name: post.name, created: created) {
                reachedStored = true
                break
            }
            if newest.map({ created > $0.created }) ?? true { newest = RedditCursor(name: post.name, created: created) }
            if let item = item(post) { items.append(item) }
        }
        var next: FetchRequest?
        if !reachedStored, !listing.data.children.isEmpty, let after = listing.data.after, !after.isEmpty {
            next = FetchRequest(url: APIURL.setting(request.url, "after", to: after), headers: request.headers)
        }
        return APIPage(items: items, next: next, cursor: RedditCursor.text(newest: newest, stop: stored))
    }

    public func explain(status: Int) -> String? {
        guard status == 401 || status == 403 else { return nil }
        return "hint: Reddit refuses clients it cannot identify; set user_agent: 'linux:<app>:<version> (by /u/<you>)'"
            + " or use url: https://oauth.reddit.com with an Authorization header"
    }

    private func item(_ post: RedditPost) -> FeedItem? {
        let title = post.title.map(HTMLText.collapsingWhitespace)
        let text = HTMLText.collapsingWhitespace(post.selftext ?? post.body ?? "")
        guard !(title ?? "").isEmpty || !text.isEmpty else { return nil }
        let author = post.author.flatMap { $0.isEmpty || $0 == "[deleted]" ? nil : "reddit:u/\($0)" }
        return FeedItem(
            id: post.name, title: title, link: post.permalink.map { "https://www.reddit.com" + $0 }, author: author,
            published: post.createdUTC.map(Date.init(timeIntervalSince1970:)), content: text.isEmpty ? nil : text,
            categories: post.subreddit.map { ["r/" + $0] } ?? [])
    }
}
