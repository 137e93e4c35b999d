// SPDX-License-Identifier: Apache-2.0
import Foundation

/// An API that lists newest first and can start a page below any post it listed (Bluesky's
/// `until`, Reddit's `after`, Algolia's `numericFilters`), so a walk cut short by `max_pages`,
/// a failure or a rate limit is finished by later runs instead of leaving a permanent hole.
///
/// Its cursor is a `NewestFirstCursor` whose values the adapter defines: `read` calls
/// `topStep` on a run's first page and `holeStep` on every later page, and `APIPoll` asks for
/// `request(below:downTo:oldest:)` when a walk is over and the run has pages left.
/// APIs that page by number (Lemmy) cannot: a page number shifts as new posts arrive; a
/// `json` source can when its `cursor:` names a `before:` parameter.
public protocol ResumableAPIAdapter: APIAdapter {
    /// The request for the posts at or just below `resume`, newest first, and none older than
    /// `end` or the backfill window; later pages follow through `read`'s `next` as usual.
    ///
    /// - Parameters:
    ///   - resume: a cursor value this adapter put in a hole: the oldest post a walk read.
    ///   - end: the newest value read below the hole; `nil` means down to `oldest`.
    ///   - oldest: the oldest post this run wants (the backfill window).
    /// - Returns: `nil` when this source cannot resume after all (a `json` source without
    ///   `before:`); its walks then keep today's floor-and-pending behaviour.
    func request(below resume: String, downTo end: String?, oldest: Date) -> FetchRequest?

    /// The time a cursor value stands for, to drop holes older than the backfill window and
    /// to name them when they are dropped; `nil` when the value says no time.
    func date(of value: String) -> Date?
}
