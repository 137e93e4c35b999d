// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Pages through one API source within its limits: at most `max_pages` pages, never past
/// a used-up rate limit, never older than the backfill window, and never losing a post
/// when a later page fails (the cursor only moves past pages that were read).
///
/// Paging ends after `max_pages` pages, at a page without a next request, at a page with an
/// item older than the backfill window, at a used-up rate limit (`x-ratelimit-remaining: 0`:
/// the source is not asked again before the reset), and at an empty page, unless that page
/// moved the cursor: a page that only resolves something (Mastodon's account lookup) is a
/// step, not the end.
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
    func run(state: SourceState?, posts: ([FeedItem]) -> [Post]) async -> SourceReport.Outcome {
        let oldest = now.addingTimeInterval(-source.backfill)
        var request: FetchRequest? = adapter.firstRequest(cursor: state?.cursor, oldest: oldest)
        request?.etag = state?.etag
        request?.lastModified = state?.lastModified
        var harvest = SourceReport.Harvest(posts: [])
        var cursor = state?.cursor
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
            harvest.posts += posts(read.items)
            let moved = read.cursor != nil && read.cursor != cursor
            cursor = read.cursor ?? cursor
            harvest.cursor = cursor
            let limit = RateLimit(headers: body.headers)
            if limit.isExhausted {
                harvest.notBefore = limit.resetAfter?.until(now: now) ?? now.addingTimeInterval(source.interval)
                break
            }
            let reachedOldest = read.items.contains { ($0.published ?? $0.updated).map { $0 < oldest } ?? false }
            if read.items.isEmpty && !moved || reachedOldest { break }
            request = read.next
        }
        return .fetched(harvest)
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
