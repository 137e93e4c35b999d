// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads X (Twitter) through the API v2: a recent search, where customers write "is LIWEST
/// down?", or one account's timeline, where the provider speaks (with `official: true`).
///
/// Paging: newest first, `next_token` (search) or `pagination_token` (timeline) to older
/// pages. Every run reads the top first with `since_id` after the newest post stored; a walk
/// cut short by `max_pages`, a rate limit or the daily budget leaves a hole that later runs
/// read with `until_id`/`since_id` (`NewestFirstCursor`). Recent search only reaches back 7
/// days and refuses an older `since_id`, so a floor that old becomes `start_time` instead.
///
/// Limits: `x-rate-limit-remaining/-reset` stop a run before the window is used up (the shared
/// loop); `max_posts_per_day:` caps the posts read per UTC day (X bills every post a request
/// returns), and the run after the cap rests until midnight UTC, its unread posts kept as holes.
///
/// API: https://docs.x.com/x-api/posts/search-recent-posts,
/// https://docs.x.com/x-api/users/get-posts
public struct XAdapter: ResumableAPIAdapter, MeteredAPIAdapter {
    /// The API host, `https://api.x.com` (`https://api.twitter.com` answers the same).
    public var base: URL
    public var query: XQuery
    /// The run's `now`: dates the budget's day and the 7-day window of recent search.
    public var now: Date

    /// What every request asks for: the fields failwatch reads and the authors' handles.
    static let fields = [
        ("tweet.fields", "created_at,lang,author_id,referenced_tweets,conversation_id"),
        ("expansions", "author_id"), ("user.fields", "username"),
    ]
    /// How far back recent search reaches, less two minutes of slack for the request's travel.
    static let recentWindow: TimeInterval = 7 * 86_400 - 120
    /// X's language codes for "no language": undetermined, media, hashtags, cashtags, links, emoji only…
    static let noLanguage: Set<String> = ["und", "qme", "qht", "qam", "qct", "qst", "zxx", "art"]

    public init(base: URL, query: XQuery, now: Date) {
        self.base = base
        self.query = query
        self.now = now
    }

    public func firstRequest(cursor: String?, oldest: Date) -> FetchRequest {
        let state = XCursor(cursor)
        let walk = NewestFirstCursor(stored: state.walk, runStart: true)
        if case let .account(handle, configuredID) = query.target,
            configuredID == nil, state.account != handle || state.accountID == nil
        {
            return request(APIURL.make(base, path: "/2/users/by/username/" + APIURL.encode(handle), query: []))
        }
        return pageRequest(since: walk.floor, until: nil, oldest: oldest, state: state)
    }

    public func request(below resume: String, downTo end: String?, oldest: Date) -> FetchRequest? {
        guard XCursor.isID(resume) else { return nil }
        // A timeline's hole needs the user id, which only a configured `account_id:` gives here.
        if case .account(_, nil) = query.target { return nil }
        return pageRequest(since: end, until: resume, oldest: oldest, state: XCursor(nil))
    }

    public func date(of value: String) -> Date? { XCursor.date(of: value) }

    public func read(_ body: FetchedBody, request: FetchRequest, cursor: String?) throws(APIError) -> APIPage {
        var state = XCursor(cursor)
        if request.url.path.contains("/2/users/by/username/") { return try lookup(body, request: request, state: state) }
        let response = try APIJSON.decode(XResponse.self, from: body.data, what: "a page of posts")
        let tweets = response.data ?? []
        if tweets.isEmpty, let problem = response.errors?.first { throw .refused("x: " + problem.text) }
        let tokenName = isSearch ? "next_token" : "pagination_token"
        let runStart = APIURL.value(of: tokenName, in: request.url) == nil
            && APIURL.value(of: "until_id", in: request.url) == nil
        let nextToken = response.meta?.nextToken?.nonEmpty
        let values: [String?] = tweets.map { XCursor.isID($0.id) ? $0.id : nil }
        let step = NewestFirstCursor.resumableStep(
            state.walk, runStart: runStart, values: values, hasNext: nextToken != nil, newer: XCursor.newer)
        state.walk = step.cursor
        if query.maxPostsPerDay != nil { state.count(tweets.count, on: today) }
        let handles = Dictionary(
            (response.includes?.users ?? []).compactMap { user in user.username.map { (user.id, $0) } }
        ) { first, _ in first }
        let items = zip(tweets, step.keep).compactMap { tweet, keep in keep ? item(tweet, handles: handles) : nil }
        var next: FetchRequest?
        if let nextToken, !step.finished, remaining(state) > 0 {
            var url = APIURL.setting(request.url, tokenName, to: nextToken)
            url = APIURL.setting(url, "max_results", to: String(pageSize(state)))
            next = FetchRequest(url: url, headers: request.headers)
        }
        return APIPage(items: items, next: next, cursor: state.text)
    }

    public func explain(status: Int) -> String? {
        switch status {
        case 400:
            return "hint: X refused the request; check the query's syntax (operators, length: 512 characters,"
                + " 4096 on Pro) and that account_id: is the numeric user id"
        case 401:
            return "hint: X refused the bearer token (expired, revoked or mistyped);"
                + " set token: ${X_BEARER_TOKEN} to the app's bearer token"
        case 403:
            return "hint: the app's access does not include this endpoint: recent search and timelines need"
                + " the Basic tier (or pay-per-use credits); the Free tier can only post"
        case 404:
            return "hint: check that the account exists on X"
        default: return nil
        }
    }

    public func budgetRenews(cursor: String?) -> Date? {
        guard remaining(XCursor(cursor)) <= 0 else { return nil }
        let days = (now.timeIntervalSince1970 / 86_400).rounded(.down)
        return Date(timeIntervalSince1970: (days + 1) * 86_400)
    }

    public var budgetSpent: String { "daily budget of \(query.maxPostsPerDay ?? 0) posts spent (max_posts_per_day)" }

    private var isSearch: Bool {
        if case .search = query.target { return true }
        return false
    }

    /// The UTC day of `now`, the budget's key.
    private var today: String { String(FeedDate.iso8601UTC(now).prefix(10)) }

    /// Posts the budget still allows today; `Int.max` without a budget.
    private func remaining(_ state: XCursor) -> Int {
        guard let budget = query.maxPostsPerDay else { return .max }
        return budget - min(budget, state.used(on: today))
    }

    /// `max_results:`, or less when the budget has less left, never below the API's minimum.
    private func pageSize(_ state: XCursor) -> Int {
        max(isSearch ? 10 : 5, min(query.maxResults, remaining(state)))
    }

    /// A page of the search or the timeline, newest first, after `since` and before `until`.
    private func pageRequest(since: String?, until: String?, oldest: Date, state: XCursor) -> FetchRequest {
        var parameters: [(String, String)] = []
        let path: String
        switch query.target {
        case let .search(terms):
            path = "/2/tweets/search/recent"
            parameters.append(("query", terms))
        case let .account(_, configuredID):
            path = "/2/users/\(configuredID ?? state.accountID ?? "")/tweets"
        }
        parameters.append(("max_results", String(pageSize(state))))
        parameters += Self.fields
        let reach = isSearch ? now.addingTimeInterval(-Self.recentWindow) : Date.distantPast
        if let since, XCursor.isID(since), (XCursor.date(of: since) ?? .distantPast) > reach {
            parameters.append(("since_id", since))
        } else if max(oldest, reach) > .distantPast {
            parameters.append(("start_time", FeedDate.iso8601UTC(max(oldest, reach))))
        }
        if let until { parameters.append(("until_id", until)) }
        return request(APIURL.make(base, path: path, query: parameters))
    }

    private func request(_ url: URL) -> FetchRequest {
        FetchRequest(url: url, headers: query.token.map { ["Authorization": "Bearer " + $0] } ?? [:])
    }

    /// The answer of `/2/users/by/username/:handle`: a page without posts whose cursor keeps the id.
    private func lookup(_ body: FetchedBody, request: FetchRequest, state: XCursor) throws(APIError) -> APIPage {
        guard case let .account(handle, _) = query.target else { throw .unexpectedShape("x: a user lookup for a search") }
        let answer = try APIJSON.decode(XUserLookup.self, from: body.data, what: "a user")
        guard let user = answer.data else {
            throw .refused("x: " + (answer.errors?.first?.text ?? "no user '\(handle)'"))
        }
        guard XCursor.isID(user.id) else { throw .unexpectedShape("x: user id '\(user.id)'") }
        var state = state
        state.account = handle
        state.accountID = user.id
        // The backfill window is not known here; the shared loop stops at the first older post.
        let since = NewestFirstCursor(stored: state.walk, runStart: true).floor
        let next = pageRequest(since: since, until: nil, oldest: .distantPast, state: state)
        return APIPage(items: [], next: next, cursor: state.text)
    }

    /// A post as a feed item: `x:@handle` as author (`x:id:N` when the author is gone from
    /// `includes`, suspended or deleted), its language unless X says it has none.
    private func item(_ tweet: XTweet, handles: [String: String]) -> FeedItem? {
        let text = HTMLText.plainText(tweet.text ?? "")
        guard !text.isEmpty, XCursor.isID(tweet.id) else { return nil }
        let handle = tweet.authorID.flatMap { handles[$0] }
        let author = handle.map { "x:@" + $0 } ?? tweet.authorID.map { "x:id:" + $0 }
        let language = tweet.lang.flatMap { Self.noLanguage.contains($0) ? nil : $0 }
        var item = FeedItem(
            id: "https://x.com/i/web/status/" + tweet.id,
            link: "https://x.com/\(handle ?? "i/web")/status/\(tweet.id)", author: author,
            published: tweet.createdAt.flatMap(FeedDate.parse) ?? XCursor.date(of: tweet.id), content: text,
            language: language)
        item.repost = (tweet.referencedTweets ?? []).contains { $0.type == "retweeted" }
        return item
    }
}
