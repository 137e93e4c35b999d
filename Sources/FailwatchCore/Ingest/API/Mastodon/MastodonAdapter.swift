// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads a Mastodon hashtag timeline or an account's statuses, so posts on any instance
/// reach the classifier as plain text with their language, author and link.
///
/// Paging: a first run starts at the newest page and follows the `Link` header's `next`
/// (older, `max_id`) until the backfill window or `max_pages`. Later runs ask for `min_id`
/// after the stored newest id and follow `prev` (newer), so a run fetches only what is new
/// and a run cut short by `max_pages` or an error continues where it stopped.
///
/// An account needs its numeric id: without `account_id:` the first request of the first
/// run is `/api/v1/accounts/lookup?acct=`, a page without posts whose cursor carries the id,
/// so later runs skip it.
///
/// API: https://docs.joinmastodon.org/methods/timelines/#tag,
/// https://docs.joinmastodon.org/methods/accounts/#statuses
public struct MastodonAdapter: APIAdapter {
    /// The instance, e.g. `https://mastodon.social`.
    public var base: URL
    public var query: MastodonQuery

    /// Statuses per page; 40 is the API's maximum.
    static let pageSize = 40

    public init(base: URL, query: MastodonQuery) {
        self.base = base
        self.query = query
    }

    public func firstRequest(cursor: String?, oldest: Date) -> FetchRequest {
        let position = startingPoint(cursor)
        switch query {
        case .tag:
            return FetchRequest(url: timelineURL(accountID: nil, minID: position.statusID))
        case let .account(acct, _):
            guard let accountID = position.accountID else {
                return FetchRequest(url: APIURL.make(base, path: "/api/v1/accounts/lookup", query: [("acct", acct)]))
            }
            return FetchRequest(url: timelineURL(accountID: accountID, minID: position.statusID))
        }
    }

    public func read(_ body: FetchedBody, request: FetchRequest, cursor: String?) throws(APIError) -> APIPage {
        var position = startingPoint(cursor)
        if request.url.path.hasSuffix("/api/v1/accounts/lookup") {
            let account = try APIJSON.decode(MastodonAccount.self, from: body.data, what: "an account")
            guard MastodonCursor.isID(account.id) else { throw .unexpectedShape("account id '\(account.id)'") }
            position.accountID = account.id
            return APIPage(
                items: [], next: FetchRequest(url: timelineURL(accountID: account.id, minID: position.statusID)),
                cursor: position.text)
        }
        let list = try APIJSON.decode(LenientList<MastodonStatus>.self, from: body.data, what: "a list of statuses")
        let statuses = list.elements
        let ids = statuses.map(\.id)
        position.statusID = MastodonCursor.newest(ids + [position.statusID].compactMap { $0 })
        var seen: Set<String> = []
        let items = statuses.compactMap { item($0) }.filter { seen.insert($0.id ?? "").inserted }
        return APIPage(
            items: items, next: next(after: ids, body: body, request: request), cursor: position.text,
            warnings: [list.warning(what: "statuses")].compactMap { $0 })
    }

    public func explain(status: Int) -> String? {
        switch status {
        case 401, 403:
            return "hint: this instance does not serve the timeline without a login; "
                + "add headers: {Authorization: \"Bearer ${MASTODON_TOKEN}\"} or use another instance"
        case 404:
            return "hint: check that the account or tag exists on \(base.host ?? "this instance")"
        default: return nil
        }
    }

    /// The stored cursor, dropped when it was written for another account, and seeded with
    /// a configured `account_id:`.
    private func startingPoint(_ cursor: String?) -> MastodonCursor {
        var position = MastodonCursor(cursor)
        guard case let .account(acct, configuredID) = query else {
            return MastodonCursor(statusID: position.statusID)
        }
        if position.account != acct { position = MastodonCursor(account: acct) }
        position.accountID = configuredID ?? position.accountID
        return position
    }

    private func timelineURL(accountID: String?, minID: String?) -> URL {
        var parameters: [(String, String)] = [("limit", String(Self.pageSize))]
        let path: String
        switch query {
        case let .tag(tag, anyTags, localOnly):
            path = "/api/v1/timelines/tag/" + APIURL.encode(tag)
            parameters += anyTags.map { ("any[]", $0) }
            if localOnly { parameters.append(("local", "true")) }
        case .account:
            path = "/api/v1/accounts/\(accountID ?? "")/statuses"
        }
        if let minID { parameters.append(("min_id", minID)) }
        return APIURL.make(base, path: path, query: parameters)
    }

    /// Going forward (`min_id`): the newer page, unless this one was not full. Going back:
    /// the older page. The `Link` header names the position; the request stays on this
    /// instance whatever host the header names.
    private func next(after ids: [String], body: FetchedBody, request: FetchRequest) -> FetchRequest? {
        guard !ids.isEmpty else { return nil }
        let links = LinkHeader.targets(body.headers["link"])
        if APIURL.value(of: "min_id", in: request.url) != nil {
            guard ids.count >= Self.pageSize,
                let minID = links["prev"].flatMap({ APIURL.value(of: "min_id", in: $0) })
                    ?? MastodonCursor.newest(ids)
            else { return nil }
            return FetchRequest(url: APIURL.setting(request.url, "min_id", to: minID), headers: request.headers)
        }
        guard
            let maxID = links["next"].flatMap({ APIURL.value(of: "max_id", in: $0) }) ?? MastodonCursor.oldest(ids)
        else { return nil }
        return FetchRequest(url: APIURL.setting(request.url, "max_id", to: maxID), headers: request.headers)
    }

    /// The post a status shows (the boosted one for a boost), `nil` when it has no text.
    private func item(_ status: MastodonStatus) -> FeedItem? {
        let post = status.reblog ?? status.post
        let text = HTMLText.plainText(post.content ?? "")
        let warning = HTMLText.collapsingWhitespace(post.spoilerText ?? "")
        guard !text.isEmpty || !warning.isEmpty else { return nil }
        var item = FeedItem(
            id: post.uri ?? post.url ?? post.id, title: warning.isEmpty ? nil : warning, link: post.url ?? post.uri,
            author: post.account.flatMap { author($0) }, published: post.createdAt.flatMap(FeedDate.parse),
            content: text, categories: (post.tags ?? []).map(\.name), language: post.language)
        item.repost = status.reblog != nil
        return item
    }

    /// `mastodon:@name@host`: a local `acct` gets the host of the profile page (else the instance's).
    private func author(_ account: MastodonAccount) -> String? {
        guard let acct = account.acct ?? account.username, !acct.isEmpty else { return nil }
        if acct.contains("@") { return "mastodon:@" + acct }
        let host = account.url.flatMap(URL.init(string:))?.host ?? base.host ?? ""
        return "mastodon:@\(acct)@\(host)"
    }
}
