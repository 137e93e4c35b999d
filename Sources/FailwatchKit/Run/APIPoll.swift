// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchStore
import Foundation

/// Pages through one API source within its limits: at most `max_pages` pages, never past
/// a used-up rate limit, never older than the backfill window, and never losing a post
/// when a later page fails (the cursor only moves past pages that were read).
///
/// Paging ends after `max_pages` pages, at a page without a next request, at a page with an
/// item older than the backfill window, at a used-up rate limit (`x-ratelimit-remaining: 0`:
/// the source is not asked again before the reset), and at an empty page, unless that page
/// moved the cursor: a page that only resolves something (Mastodon's account lookup) is a
/// step, not the end. An adapter that can resume (`ResumableAPIAdapter`) spends the pages a
/// walk leaves on the holes earlier walks left, newest first, after the top of the feed.
struct APIPoll: Sendable {
    var source: SourceConfig
    var adapter: any APIAdapter
    var fetcher: any HTTPFetching
    var now: Date

    /// - Parameters:
    ///   - state: what the store remembers of the source (cursor, validators).
    ///   - posts: turns a page's items into classified posts.
    /// - Returns: the outcome for the report; a failure on the first page fails the source,
    ///   a failure on a later page is a warning beside what was read.
    func run(state: SourceState?, posts: ([FeedItem]) -> (posts: [Post], skippedOld: Int)) async -> SourceReport.Outcome {
        let oldest = source.oldestBackfilled(now: now)
        var harvest = SourceReport.Harvest(posts: [])
        var cursor = state?.cursor
        if let resumable = adapter as? any ResumableAPIAdapter {
            let (kept, dropped) = NewestFirstCursor(stored: cursor, runStart: false)
                .droppingHoles(olderThan: oldest, date: resumable.date(of:))
            if !dropped.isEmpty {
                cursor = kept.stored
                harvest.cursor = cursor
                harvest.warnings = Self.unread(dropped, date: resumable.date(of:))
            }
        }
        if let renews = budgetRenews(cursor) {
            harvest.notBefore = renews
            harvest.warnings.append(budgetWarning(renews))
            return .fetched(harvest)
        }
        var request: FetchRequest? = adapter.firstRequest(cursor: cursor, oldest: oldest)
        request?.etag = state?.etag
        request?.lastModified = state?.lastModified
        var page = 0
        while let current = request, page < source.maxPages {
            page += 1
            var withHeaders = current
            withHeaders.headers.merge(source.headers) { _, configured in configured }
            let result = await fetcher.fetch(withHeaders)
            if page == 1, let settled = firstPageOutcome(result) { return settled }
            guard case let .fetched(body) = result else {
                harvest.warnings.append("page \(page): \(describe(result))")
                if case let .retryLater(_, retryAfter) = result {
                    harvest.notBefore = retryAfter?.until(now: now) ?? now.addingTimeInterval(source.interval)
                }
                break
            }
            if page == 1 {
                harvest.etag = body.etag
                harvest.lastModified = body.lastModified
            }
            let read: APIPage
            do {
                read = try adapter.read(body, request: current, cursor: cursor)
            } catch {
                if page == 1 { return .failed(reason: error.description) }
                harvest.warnings.append("page \(page): \(error)")
                break
            }
            for warning in read.warnings.map({ page == 1 ? $0 : "page \(page): \($0)" })
            where !harvest.warnings.contains(warning) {
                harvest.warnings.append(warning)
            }
            let adapted = posts(read.items)
            harvest.posts += adapted.posts
            harvest.skippedOld += adapted.skippedOld
            harvest.statements += statements(read.statements)
            let moved = read.cursor != nil && read.cursor != cursor
            cursor = read.cursor ?? cursor
            harvest.cursor = cursor
            let limit = RateLimit(headers: body.headers)
            if limit.isExhausted {
                harvest.notBefore = limit.resetAfter?.until(now: now) ?? now.addingTimeInterval(source.interval)
                break
            }
            let reachedOldest = read.items.contains { ($0.published ?? $0.updated).map { $0 < oldest } ?? false }
            if reachedOldest || read.next != nil && read.items.isEmpty && read.statements.isEmpty && !moved { break }
            if let renews = budgetRenews(cursor) {
                harvest.notBefore = renews
                harvest.warnings.append(budgetWarning(renews))
                break
            }
            request = read.next ?? holeRequest(cursor, oldest: oldest)
        }
        return .fetched(harvest)
    }

    /// What the provider said on a page, as its statements (never classified).
    private func statements(_ items: [FeedItem]) -> [OfficialStatement] {
        items.map { item in
            OfficialStatement(
                post: Post(item: item, language: nil, sourceName: source.name, fetched: now),
                providerID: source.officialProviderID)
        }
    }

    /// When a metered source's spent budget renews; `nil` for other adapters and while posts are left.
    private func budgetRenews(_ cursor: String?) -> Date? {
        (adapter as? any MeteredAPIAdapter)?.budgetRenews(cursor: cursor)
    }

    private func budgetWarning(_ renews: Date) -> String {
        let words = (adapter as? any MeteredAPIAdapter)?.budgetSpent ?? "budget spent"
        return "\(words); reading again after \(FeedDate.iso8601UTC(renews))"
    }

    /// The request into the newest hole an earlier walk left; `nil` when there is none or the
    /// adapter cannot resume.
    private func holeRequest(_ cursor: String?, oldest: Date) -> FetchRequest? {
        guard let resumable = adapter as? any ResumableAPIAdapter,
            let hole = NewestFirstCursor(stored: cursor, runStart: false).holes.first
        else { return nil }
        return resumable.request(below: hole.resume, downTo: hole.end, oldest: oldest)
    }

    /// The warnings for holes dropped unread; a first walk's hole (no end) loses nothing
    /// the backfill window promised and is dropped silently.
    private static func unread(_ holes: [NewestFirstCursor.Hole], date: (String) -> Date?) -> [String] {
        holes.compactMap { hole in
            guard let end = hole.end else { return nil }
            let from = date(end).map(FeedDate.iso8601UTC) ?? end
            let to = date(hole.resume).map(FeedDate.iso8601UTC) ?? hole.resume
            return "posts between \(from) and \(to) not read: older than the backfill window"
        }
    }

    /// What a first page that did not bring a body means for the whole source; `nil` when it did.
    private func firstPageOutcome(_ result: FetchResult) -> SourceReport.Outcome? {
        switch result {
        case .fetched: return nil
        case let .notModified(etag, lastModified): return .notModified(etag: etag, lastModified: lastModified)
        case let .retryLater(status, retryAfter):
            return .postponed(source, status: status, retryAfter: retryAfter, now: now)
        case let .failed(error): return .failed(reason: explained(error))
        }
    }

    private func describe(_ result: FetchResult) -> String {
        switch result {
        case .fetched: return "ok"
        case .notModified: return "not modified"
        case let .retryLater(status, _): return "http \(status): rate-limited, continuing next run"
        case let .failed(error): return explained(error)
        }
    }

    /// The fetch error with what the adapter knows its API means by the status.
    private func explained(_ error: FetchError) -> String {
        guard case let .http(status) = error, let hint = adapter.explain(status: status) else {
            return error.description
        }
        return "\(error): \(hint)"
    }
}
