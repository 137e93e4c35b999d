// SPDX-License-Identifier: Apache-2.0

/// The cursor of an API that lists newest first and pages backwards in time, so a run that
/// stops half way (page limit, failure, rate limit) loses nothing.
///
/// `floor` is the newest value of the last walk that reached its end: everything up to it is
/// stored. While a walk is unfinished, the newest value it saw is kept as `pending`, and only
/// becomes the floor once a page reaches the old floor or the API has no more pages. The very
/// first walk has no floor; if it does not finish, the next run starts from its `pending`
/// (a first run's backfill is best effort, later runs are gap-free).
///
/// Stored as `floor`, or `floor` and `pending` on two lines (`floor` empty on a first walk).
struct NewestFirstCursor: Equatable {
    var floor: String?
    var pending: String?

    init(floor: String?, pending: String? = nil) {
        self.floor = floor
        self.pending = pending
    }

    /// Reads a stored cursor; `nil` or empty is a first run.
    /// - Parameter runStart: whether this is the first page of a run (an unfinished first
    ///   walk then counts as done), rather than a later page of the same walk.
    init(stored: String?, runStart: Bool) {
        let parts = (stored ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        floor = parts.first.flatMap { $0.isEmpty ? nil : $0 }
        pending = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
        if runStart, floor == nil, let pending {
            floor = pending
            self.pending = nil
        }
    }

    /// The text to store, `nil` when nothing was seen yet.
    var stored: String? {
        guard let pending else { return floor }
        return (floor ?? "") + "\n" + pending
    }

    /// What one page means for the walk.
    struct Step: Equatable {
        /// Per item, whether it is newer than the floor (or carries no value) and so is kept.
        var keep: [Bool]
        /// The cursor to store after this page.
        var cursor: String?
        /// Whether the walk is over: the floor was reached or the API has no more pages.
        var finished: Bool
    }

    /// Reads one page.
    /// - Parameters:
    ///   - values: each item's cursor value, `nil` when it has none.
    ///   - hasNext: whether the API offers another page.
    ///   - newer: whether the first value is strictly newer than the second.
    func step(values: [String?], hasNext: Bool, newer: (String, String) -> Bool) -> Step {
        let keep = values.map { value in
            guard let value, let floor else { return true }
            return newer(value, floor)
        }
        let reached = zip(values, keep).contains { value, kept in value != nil && !kept }
        var newest = pending
        for case (let value?, true) in zip(values, keep) where newest.map({ newer(value, $0) }) ?? true {
            newest = value
        }
        let finished = reached || !hasNext
        let cursor =
            finished
            ? NewestFirstCursor(floor: newest ?? floor) : NewestFirstCursor(floor: floor, pending: newest)
        return Step(keep: keep, cursor: cursor.stored, finished: finished)
    }
}
