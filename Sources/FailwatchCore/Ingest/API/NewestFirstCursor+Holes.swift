// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The walk of an API that can resume below a value: the top of the feed first, every run,
/// then the holes earlier walks left, so an outage detector sees the newest posts at once
/// and a burst bigger than `max_pages` pages is still read in full by later runs.
extension NewestFirstCursor {
    /// Reads one page of an API that can resume: a run's first page walks the top of the
    /// feed (`topStep`), every later page the newest hole (`holeStep`).
    /// - Parameters:
    ///   - stored: the cursor so far.
    ///   - runStart: whether the page is the first of a run.
    static func resumableStep(
        _ stored: String?, runStart: Bool, values: [String?], hasNext: Bool, newer: (String, String) -> Bool
    ) -> Step {
        let walk = NewestFirstCursor(stored: stored, runStart: runStart)
        return runStart
            ? walk.topStep(values: values, hasNext: hasNext, newer: newer)
            : walk.holeStep(values: values, hasNext: hasNext, newer: newer)
    }

    /// Reads the first page of a run: it walks from the newest post down to the floor.
    ///
    /// The floor moves to the newest post at once; if the page does not reach the old floor,
    /// the posts between this page's oldest and the old floor become the newest hole, which
    /// the run's later pages (`holeStep`) and later runs fill.
    func topStep(values: [String?], hasNext: Bool, newer: (String, String) -> Bool) -> Step {
        let keep = Self.keep(values, newerThan: floor, newer: newer)
        let reached = zip(values, keep).contains { value, kept in value != nil && !kept }
        let oldest = Self.oldest(of: values, keep: keep, newer: newer)
        var next = self
        next.pending = nil
        next.floor = Self.newest(of: values, keep: keep, from: pending ?? floor, newer: newer)
        guard !reached, hasNext else { return Step(keep: keep, cursor: next.stored, finished: true) }
        // A page whose posts carry no value gives no place to resume from: the walk ends here.
        guard let oldest else { return Step(keep: keep, cursor: stored, finished: true) }
        next.insert(Hole(resume: oldest, end: floor))
        return Step(keep: keep, cursor: next.stored, finished: false)
    }

    /// Reads a later page of a run: it continues the newest hole, from its resume point
    /// down to its end; the hole closes when a page reaches the end or the API has no more.
    func holeStep(values: [String?], hasNext: Bool, newer: (String, String) -> Bool) -> Step {
        guard var hole = holes.first else {
            return Step(keep: values.map { _ in true }, cursor: stored, finished: true)
        }
        let keep = Self.keep(values, newerThan: hole.end, newer: newer)
        let reached = zip(values, keep).contains { value, kept in value != nil && !kept }
        var next = self
        if reached || !hasNext {
            next.holes.removeFirst()
            return Step(keep: keep, cursor: next.stored, finished: true)
        }
        if let oldest = Self.oldest(of: values, keep: keep, newer: newer), newer(hole.resume, oldest) {
            hole.resume = oldest
        }
        next.holes[0] = hole
        return Step(keep: keep, cursor: next.stored, finished: false)
    }

    /// Drops the holes whose resume point is older than `oldest` (the backfill window):
    /// what they hold will never be read.
    /// - Parameter date: the time a value stands for; a value without one is kept.
    /// - Returns: the cursor without them, and the holes dropped.
    public func droppingHoles(olderThan oldest: Date, date: (String) -> Date?) -> (cursor: Self, dropped: [Hole]) {
        var next = self
        next.holes = holes.filter { hole in date(hole.resume).map { $0 >= oldest } ?? true }
        return (next, holes.filter { !next.holes.contains($0) })
    }

    /// Adds the newest hole; over `maxHoles`, the two oldest become one.
    mutating func insert(_ hole: Hole) {
        holes.insert(hole, at: 0)
        guard holes.count > Self.maxHoles, let last = holes.popLast() else { return }
        holes[holes.count - 1].end = last.end
    }

    /// The oldest kept value, `nil` when the page has none.
    static func oldest(of values: [String?], keep: [Bool], newer: (String, String) -> Bool) -> String? {
        var oldest: String?
        for case (let value?, true) in zip(values, keep) where oldest.map({ newer($0, value) }) ?? true {
            oldest = value
        }
        return oldest
    }
}
