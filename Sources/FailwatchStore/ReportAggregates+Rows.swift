// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// What both stores do with the report's grouped rows once the database has counted them.
extension ReportAggregates {
    /// Adds one (provider, source, language) count: per source, and per network (the source's
    /// kind) and language of each provider.
    mutating func addSourceCount(
        provider: String, source: String, language: String, count: Int, kind: String?,
        networks: inout [String: [String: Int]], languages: inout [String: [String: Int]]
    ) {
        if let index = sources.firstIndex(where: { $0.providerID == provider && $0.key == source }) {
            sources[index].count += count
        } else {
            sources.append(.init(providerID: provider, key: source, count: count))
        }
        networks[provider, default: [:]][kind ?? "unknown", default: 0] += count
        languages[provider, default: [:]][language, default: 0] += count
    }

    /// Turns the per-provider network and language counts into tallies.
    mutating func setTallies(networks: [String: [String: Int]], languages: [String: [String: Int]]) {
        self.networks = networks.flatMap { provider, counts in
            counts.map { Tally(providerID: provider, key: $0.key, count: $0.value) }
        }
        self.languages = languages.flatMap { provider, counts in
            counts.map { Tally(providerID: provider, key: $0.key, count: $0.value) }
        }
    }

    /// Complaints of the week per provider, from the counted slots.
    static func complaintTotals(_ slots: [SlotCount], week: ReportWeek) -> [String: Int] {
        let start = week.start.unixSeconds / 900
        let end = week.end.unixSeconds / 900
        var totals: [String: Int] = [:]
        for row in slots where row.label.isComplaint && row.slot >= start && row.slot < end {
            totals[row.providerID, default: 0] += row.count
        }
        return totals
    }

    /// Read every k-th complaint so that at most `termSample` are read.
    static func sampleStep(total: Int, termSample: Int) -> Int {
        max(1, (total + termSample - 1) / max(1, termSample))
    }

    /// One counter per provider, ignoring the provider's own names.
    static func termCounters(_ providers: [ProviderTerms]) -> [String: TermCounter] {
        Dictionary(
            providers.map { ($0.id, TermCounter(ignoring: [$0.name, $0.id] + $0.aliases + $0.handles)) }
        ) { first, _ in first }
    }

    /// A post's text as reports show it: its title before the text unless the text begins with it.
    static func reportPost(
        id: Int64, text: String, title: String?, author: String?, link: String?, time: Date, sourceName: String,
        label: String, sentiment: Double
    ) -> ReportPost {
        let body = title.map { !$0.isEmpty && !text.hasPrefix($0) ? $0 + " — " + text : text } ?? text
        return ReportPost(
            id: id, text: body, author: author, link: link, time: time, sourceName: sourceName,
            label: Label(rawValue: label) ?? .neutral, sentiment: sentiment)
    }
}
