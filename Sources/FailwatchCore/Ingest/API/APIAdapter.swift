// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One public API seen as pages of items, so every network shares one loop for paging,
/// rate limits and cursors (`APIPoll`) and an adapter only knows its API's shape.
///
/// Adapters are pure: they build requests and read bodies, and never fetch.
public protocol APIAdapter: Sendable {
    /// The request for the first page of a run.
    ///
    /// - Parameters:
    ///   - cursor: what the last successful run stored, `nil` on a first run.
    ///   - oldest: the oldest post this run wants (the backfill window); APIs that filter by
    ///     time should ask for nothing older.
    func firstRequest(cursor: String?, oldest: Date) -> FetchRequest

    /// Reads one page.
    ///
    /// - Parameters:
    ///   - body: the page as fetched.
    ///   - request: the request that fetched it, for APIs whose next page repeats it.
    ///   - cursor: the cursor so far (stored, or returned by the previous page).
    /// - Returns: the page's items, the next page's request, and the cursor to store.
    /// - Throws: `APIError` when the body is not what the API documents.
    func read(_ body: FetchedBody, request: FetchRequest, cursor: String?) throws(APIError) -> APIPage

    /// What an HTTP error status means for this API and what the user can do about it
    /// (Bluesky's 403: public search refused, a token is needed); `nil` when the status says it all.
    func explain(status: Int) -> String?
}

/// What one page of an API held.
public struct APIPage: Sendable, Equatable {
    /// The page's posts as items; `author` is qualified by network (`mastodon:@user@host`).
    public var items: [FeedItem]
    /// The request for the next page, `nil` when the API has no more for this run.
    public var next: FetchRequest?
    /// The cursor to store if the run ends after this page: the next run must fetch
    /// everything after it and nothing before. `nil` keeps the cursor so far.
    public var cursor: String?
    /// What the provider itself said on the page (a Facebook page's own posts and replies):
    /// stored as its statements, never classified as complaints.
    public var statements: [FeedItem] = []
    /// What could not be read (an item skipped: every field null, a time out of range) or what the
    /// items lacked that the configuration promised (a pointer that matched no item), one line each;
    /// the rest of the page is kept.
    public var warnings: [String]

    public init(items: [FeedItem], next: FetchRequest? = nil, cursor: String? = nil, warnings: [String] = []) {
        self.items = items
        self.next = next
        self.cursor = cursor
        self.warnings = warnings
    }
}
