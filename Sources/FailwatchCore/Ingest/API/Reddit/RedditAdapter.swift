// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads Reddit search results and subreddit listings, newest first, so complaints on
/// Reddit reach the classifier like feed items.
///
/// Only new posts: the cursor is the newest post read (fullname and `created_utc`); pages
/// go older through `after` and stop at the first post the stored cursor covers, so a run
/// fetches only what is new. A walk cut short (a burst larger than `max_pages` pages, a
/// failed or rate-limited page) is resumed by later runs with `after` set to the oldest post
/// it read, after the newest posts. Reddit meters clients through `X-Ratelimit-Remaining/-Reset` and 429,
/// which the shared loop honours; it requires a descriptive `User-Agent`, sent with every
/// request (`user_agent:`).
///
/// API: https://www.reddit.com/dev/api/#GET_search, https://www.reddit.com/dev/api/#GET_new
public struct RedditAdapter: ResumableAPIAdapter {
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

    public func request(below resume: String, downTo end: String?, oldest: Date) -> FetchRequest? {
        guard let post = RedditCursor(resume) else { return nil }
        let first = firstRequest(cursor: nil, oldest: oldest)
        return FetchRequest(url: APIURL.setting(first.url, "after", to: post.name), headers: first.headers)
    }

    public func date(of value: String) -> Date? {
        RedditCursor(value).flatMap { UntrustedNumber.instant(unixSeconds: Double($0.created)) }
    }

    public func read(_ body: FetchedBody, request: FetchRequest, cursor: String?) throws(APIError) -> APIPage {
        let listing = try APIJSON.decode(RedditListing.self, from: body.data, what: "a listing")
        let children = listing.data.children.elements
        var next: FetchRequest?
        if !children.isEmpty, let after = listing.data.after, !after.isEmpty {
            next = FetchRequest(url: APIURL.setting(request.url, "after", to: after), headers: request.headers)
        }
        // A run starts without `after`; later pages and a hole's walk page with it.
        let runStart = APIURL.value(of: "after", in: request.url) == nil
        let values = children.map { child in
            RedditCursor(name: child.data.name, created: Int(child.data.created?.unixSeconds ?? 0)).text
        }
        let step = NewestFirstCursor.resumableStep(
            RedditCursor.upgrading(cursor), runStart: runStart, values: values, hasNext: next != nil, newer: RedditCursor.newer)
        let items = zip(children, step.keep).compactMap { child, keep in keep ? item(child.data) : nil }
        var warnings = [listing.data.children.warning(what: "posts")].compactMap { $0 }
        let badTimes = children.filter { $0.data.createdUTC != nil && $0.data.created == nil }
        if let first = badTimes.first {
            warnings.append(
                "\(badTimes.count) post(s) with created_utc out of range (\(first.data.name)), read without a time")
        }
        return APIPage(items: items, next: step.finished ? nil : next, cursor: step.cursor, warnings: warnings)
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
            published: post.created, content: text.isEmpty ? nil : text,
            categories: post.subreddit.map { ["r/" + $0] } ?? [])
    }
}
