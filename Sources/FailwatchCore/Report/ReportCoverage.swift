// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What the report's figures rest on, so a reader can tell "nobody complained" from "failwatch
/// heard nothing": each source's first and last stored post, the sources whose reads failed in
/// the week, and the hours of the week without any data.
public struct ReportCoverage: Sendable, Equatable {
    /// Set when the store's data begins inside the week: the figures cover only the part after it.
    public var start: Date?
    /// Set when the store's data begins inside the week before: changes compare with part of a week.
    public var previousStart: Date?
    /// Whether the store holds data of the week before, so changes can be given.
    public var previousCovered: Bool
    /// Every source with posts or reads, by name.
    public var sources: [ReportAggregates.SourceRow]
    /// Whole hours of the covered part of the week (up to when the report was made) in which no
    /// post was stored and no read succeeded, merged into spans, oldest first.
    public var gaps: [DateInterval]

    /// The sources with a failed read in the week.
    public var failedSources: [ReportAggregates.SourceRow] { sources.filter { $0.failedReads > 0 } }
    /// Hours of the covered part of the week without data.
    public var hoursWithoutData: Int { gaps.reduce(0) { $0 + Int(($1.duration / 3600).rounded()) } }

    public init(
        start: Date? = nil, previousStart: Date? = nil, previousCovered: Bool = false,
        sources: [ReportAggregates.SourceRow] = [], gaps: [DateInterval] = []
    ) {
        self.start = start
        self.previousStart = previousStart
        self.previousCovered = previousCovered
        self.sources = sources
        self.gaps = gaps
    }

    /// The coverage of `week` from the store's answer.
    /// - Parameter now: hours after it are not yet "without data".
    static func build(week: ReportWeek, aggregates: ReportAggregates, now: Date) -> ReportCoverage {
        guard let since = aggregates.dataSince else { return ReportCoverage() }
        let previous = week.previous
        let from = max(week.start, since)
        let until = min(week.end, now)
        var gaps: [DateInterval] = []
        if from < until {
            let first = Int64((from.timeIntervalSince1970 / 3600).rounded(.down))
            let last = Int64((until.timeIntervalSince1970 / 3600).rounded(.up))
            for hour in first..<last where !aggregates.hoursWithData.contains(hour) {
                let start = Date(timeIntervalSince1970: Double(hour * 3600))
                if let previous = gaps.last, previous.end == start {
                    gaps[gaps.count - 1] = DateInterval(start: previous.start, duration: previous.duration + 3600)
                } else {
                    gaps.append(DateInterval(start: start, duration: 3600))
                }
            }
        }
        return ReportCoverage(
            start: since > week.start && since < week.end ? since : nil,
            previousStart: since > previous.start && since < previous.end ? since : nil,
            previousCovered: since < previous.end, sources: aggregates.sourceRows, gaps: gaps)
    }
}
