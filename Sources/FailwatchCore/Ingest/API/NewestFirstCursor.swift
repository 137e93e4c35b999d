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
/// An API that can start a page below any value it listed (`ResumableAPIAdapter`) does better:
/// each run's first page moves the floor to the newest post at once, and a walk cut short
/// leaves a `Hole` (where to resume, where it ends) that later runs fill with the pages they
/// have left, so a burst of more than `max_pages` pages is read in full, newest first
/// (`topStep`, `holeStep`, NewestFirstCursor+Holes.swift).
///
/// Stored as `floor`, or `floor` and `pending` on two lines (`floor` empty on a first walk),
/// then one line per hole, newest first: `resume<TAB>end` (`end` empty: down to the backfill
/// window). Cursors stored before holes existed read as they always did.
public struct NewestFirstCursor: Equatable {
    /// Posts an unfinished walk skipped: everything older than `resume` and newer than `end`.
    public struct Hole: Equatable {
        /// The oldest value the walk read; the walk into the hole starts at or below it.
        public var resume: String
        /// The newest value read below the hole (the floor the walk was heading for); `nil`
        /// when the hole reaches down to the backfill window (a first walk).
        public var end: String?
    }

    var floor: String?
    var pending: String?
    /// Unread stretches, newest first; at most `maxHoles`.
    public var holes: [Hole] = []

    /// More holes than this are merged (the oldest two become one), so the stored cursor
    /// stays small; a merged hole re-reads posts between them, which the store deduplicates.
    static let maxHoles = 8

    init(floor: String?, pending: String? = nil, holes: [Hole] = []) {
        self.floor = floor
        self.pending = pending
        self.holes = holes
    }

    /// Reads a stored cursor; `nil` or empty is a first run.
    /// - Parameter runStart: whether this is the first page of a run (an unfinished first
    ///   walk then counts as done), rather than a later page of the same walk.
    public init(stored: String?, runStart: Bool) {
        let parts = (stored ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        floor = parts.first.flatMap { $0.isEmpty ? nil : $0 }
        pending = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
        holes = parts.dropFirst(2).compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let resume = fields.first, !resume.isEmpty else { return nil }
            return Hole(resume: resume, end: fields.count > 1 && !fields[1].isEmpty ? fields[1] : nil)
        }
        if runStart, floor == nil, let pending {
            floor = pending
            self.pending = nil
        }
    }

    /// The text to store, `nil` when nothing was seen yet.
    public var stored: String? {
        guard pending != nil || !holes.isEmpty else { return floor }
        let lines = [floor ?? "", pending ?? ""] + holes.map { $0.resume + "\t" + ($0.end ?? "") }
        return lines.joined(separator: "\n")
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

    /// Reads one page of an API that cannot resume: the floor only moves when a walk ends.
    /// - Parameters:
    ///   - values: each item's cursor value, `nil` when it has none.
    ///   - hasNext: whether the API offers another page.
    ///   - newer: whether the first value is strictly newer than the second.
    func step(values: [String?], hasNext: Bool, newer: (String, String) -> Bool) -> Step {
        let keep = Self.keep(values, newerThan: floor, newer: newer)
        let reached = zip(values, keep).contains { value, kept in value != nil && !kept }
        let newest = Self.newest(of: values, keep: keep, from: pending, newer: newer)
        let finished = reached || !hasNext
        var next = self
        if finished {
            next.floor = newest ?? floor
            next.pending = nil
        } else {
            next.pending = newest
        }
        return Step(keep: keep, cursor: next.stored, finished: finished)
    }

    /// Per value, whether it lies above `bound` (always, without a bound or a value).
    static func keep(_ values: [String?], newerThan bound: String?, newer: (String, String) -> Bool) -> [Bool] {
        values.map { value in
            guard let value, let bound else { return true }
            return newer(value, bound)
        }
    }

    /// The newest kept value, or `start` when none is newer.
    static func newest(of values: [String?], keep: [Bool], from start: String?, newer: (String, String) -> Bool)
        -> String?
    {
        var newest = start
        for case (let value?, true) in zip(values, keep) where newest.map({ newer(value, $0) }) ?? true {
            newest = value
        }
        return newest
    }
}
