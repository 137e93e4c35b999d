// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// What the weekly report and the metrics read, grouped by the database (see ``SourceStore`` on
/// why a protocol).
public protocol ReportStore: Sendable {
    /// Everything a weekly report needs; see ``AppDatabase/reportAggregates(week:providers:termSample:examples:)``.
    func reportAggregates(
        week: ReportWeek, providers: [ProviderTerms], termSample: Int, examples: Int
    ) async throws(StoreError) -> ReportAggregates
    /// Posts per provider and label published (or, undated, fetched) in `[since, until)`.
    func labelCounts(since: Date, until: Date) async throws(StoreError) -> [String: [Label: Int]]
}
