// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The weekly reputation report as values: built once from the store's aggregates, then
/// rendered as HTML, Markdown, CSV or JSON, so every format says the same thing.
public struct WeeklyReport: Sendable, Equatable {
    public var week: ReportWeek
    public var generatedAt: Date
    /// What the figures rest on: where the data begins, each source's first and last post,
    /// failed reads and hours without data.
    public var coverage: ReportCoverage
    /// Set when failwatch's data starts inside the week (its first week of use): the figures
    /// cover only the part from here on.
    public var coverageStart: Date? { coverage.start }
    /// In the order of the configuration.
    public var providers: [ProviderWeek]
    /// Incidents overlapping the week, by start.
    public var incidents: [IncidentSummary]

    /// Whether the week holds no post at all about any of the providers.
    public var isEmpty: Bool { providers.allSatisfy { $0.current.mentions == 0 } }

    /// How long an official word may come before the first complaint and still count for the
    /// incident (a provider that announced first deserves the credit).
    public static let officialLead: TimeInterval = AlertMessage.officialLead

    /// Builds the report.
    /// - Parameters:
    ///   - week: the week to report, in the configured zone.
    ///   - providers: the providers to show, in order.
    ///   - aggregates: the store's answer for this week and the one before.
    ///   - officialScopes: for each source, the providers it may speak for (missing: any), so a
    ///     statement without a provider counts only for those.
    ///   - channels: for each source, where its words are said ("X", "the status page").
    ///   - generatedAt: the injected clock.
    public static func build(
        week: ReportWeek, providers: [ProviderTerms], aggregates: ReportAggregates,
        officialScopes: [String: ProviderScope] = [:], channels: [String: String] = [:], generatedAt: Date
    ) -> WeeklyReport {
        let previousWeek = week.previous
        let slots = SlotMap(week: week, previous: previousWeek)
        var current: [String: WeekFigures] = [:]
        var previous: [String: WeekFigures] = [:]
        var days: [String: [WeekFigures]] = [:]
        var hours: [String: [[Int]]] = [:]
        for row in aggregates.slots {
            switch slots.place(row.slot) {
            case .current(let day, let hour):
                current[row.providerID, default: WeekFigures()].add(row.label, count: row.count, sentimentSum: row.sentimentSum)
                days[row.providerID, default: Array(repeating: WeekFigures(), count: 7)][day]
                    .add(row.label, count: row.count, sentimentSum: row.sentimentSum)
                hours[row.providerID, default: Array(repeating: Array(repeating: 0, count: 24), count: 7)][day][hour] +=
                    row.count
            case .previous:
                previous[row.providerID, default: WeekFigures()].add(row.label, count: row.count, sentimentSum: row.sentimentSum)
            case .outside:
                continue
            }
        }
        let coverage = ReportCoverage.build(week: week, aggregates: aggregates, now: generatedAt)
        let previousCovered = coverage.previousCovered
        let ids = providers.map(\.id)
        func share(_ figures: [String: WeekFigures], _ value: (WeekFigures) -> Int) -> [String: Double] {
            let total = ids.reduce(0) { $0 + value(figures[$1] ?? WeekFigures()) }
            guard total > 0 else { return [:] }
            return Dictionary(uniqueKeysWithValues: ids.map { ($0, Double(value(figures[$0] ?? WeekFigures())) / Double(total)) })
        }
        let voice = share(current, \.mentions)
        let complaintShare = share(current, \.complaints)
        let previousVoice = previousCovered ? share(previous, \.mentions) : [:]
        let previousComplaintShare = previousCovered ? share(previous, \.complaints) : [:]
        let weeks = providers.map { provider in
            let id = provider.id
            return ProviderWeek(
                id: id, name: provider.name, current: current[id] ?? WeekFigures(),
                previous: previousCovered ? previous[id] ?? WeekFigures() : nil,
                shareOfVoice: voice[id], previousShareOfVoice: previousVoice[id],
                shareOfComplaints: complaintShare[id], previousShareOfComplaints: previousComplaintShare[id],
                days: days[id] ?? Array(repeating: WeekFigures(), count: 7),
                hours: hours[id] ?? Array(repeating: Array(repeating: 0, count: 24), count: 7),
                terms: aggregates.terms[id] ?? TermSummary(terms: [], phrases: [], typical: [], sampled: 0, total: 0),
                sources: tallies(aggregates.sources, id), networks: tallies(aggregates.networks, id),
                languages: tallies(aggregates.languages, id).map { TermCount(term: $0.term.isEmpty ? "unknown" : $0.term, count: $0.count) },
                mostPositive: aggregates.positive[id] ?? [])
        }
        let names = Dictionary(providers.map { ($0.id, $0.name) }) { first, _ in first }
        let statements = aggregates.statements.map { row in
            var row = row
            row.channel = channels[row.sourceName]
            return row
        }
        let incidents = aggregates.incidents
            .filter { names[$0.providerID] != nil && $0.firstComplaintAt < week.end && ($0.resolvedAt ?? week.end) >= week.start }
            .sorted { ($0.firstComplaintAt, $0.id) < ($1.firstComplaintAt, $1.id) }
            .map { row in
                var summary = IncidentSummary(
                    id: row.id, providerID: row.providerID, providerName: names[row.providerID] ?? row.providerID,
                    start: row.firstComplaintAt, detectedAt: row.openedAt, alertedAt: aggregates.deliveries[row.id],
                    peakAt: row.peakAt,
                    peakComplaints: row.peakCount, baseline: row.peakExpected, authors: row.authors,
                    end: row.resolvedAt, commonCause: row.sharedCause, silent: row.silent,
                    officialWord: firstWord(for: row, in: statements, scopes: officialScopes, until: generatedAt))
                if summary.officialWord == nil {
                    summary.lastWordBefore = lastWord(before: row, in: statements, scopes: officialScopes)
                }
                summary.heldBy = row.heldBy
                summary.joinedAlert = row.inAlertOf.map { lead in
                    let provider = aggregates.incidents.first { $0.id == lead }.map {
                        names[$0.providerID] ?? $0.providerID
                    }
                    return IncidentSummary.JoinedAlert(incidentID: lead, provider: provider ?? lead)
                }
                return summary
            }
        return WeeklyReport(
            week: week, generatedAt: generatedAt, coverage: coverage, providers: weeks, incidents: incidents)
    }

    /// The report cut to the providers in `scope`: their figures and incidents only. Shares keep
    /// their meaning (of all providers in the full report).
    public func only(_ scope: ProviderScope) -> WeeklyReport {
        var report = self
        report.providers = providers.filter { scope.includes($0.id) }
        report.incidents = incidents.filter { scope.includes($0.providerID) }
        return report
    }

    /// A provider's tallies, largest first, ties by name.
    private static func tallies(_ rows: [ReportAggregates.Tally], _ id: String) -> [TermCount] {
        rows.filter { $0.providerID == id }.map { TermCount(term: $0.key, count: $0.count) }
            .sorted { ($0.count, $1.term) > ($1.count, $0.term) }
    }

    /// The provider's newest word before the incident's first complaint, however long before.
    static func lastWord(
        before incident: IncidentRecord, in statements: [ReportAggregates.StatementRow], scopes: [String: ProviderScope]
    ) -> ReportAggregates.StatementRow? {
        statements.filter { statement in
            statement.createdAt < incident.firstComplaintAt && isWord(statement, about: incident, scopes: scopes)
        }.max { ($0.createdAt, $1.sourceName) < ($1.createdAt, $0.sourceName) }
    }

    /// The earliest status-page incident or official post about the incident's provider, from
    /// an hour before the first complaint until the incident ended (or until now while open).
    static func firstWord(
        for incident: IncidentRecord, in statements: [ReportAggregates.StatementRow],
        scopes: [String: ProviderScope], until now: Date
    ) -> ReportAggregates.StatementRow? {
        let from = incident.firstComplaintAt.addingTimeInterval(-officialLead)
        let until = incident.resolvedAt ?? now
        return statements.filter { statement in
            statement.createdAt >= from && statement.createdAt <= until && isWord(statement, about: incident, scopes: scopes)
        }.min { ($0.createdAt, $0.sourceName) < ($1.createdAt, $1.sourceName) }
    }

    /// Whether a statement is a word (an incident or a post) its source may say about the incident's provider.
    private static func isWord(
        _ statement: ReportAggregates.StatementRow, about incident: IncidentRecord, scopes: [String: ProviderScope]
    ) -> Bool {
        guard OfficialStatement.Kind(rawValue: statement.kind)?.isWord == true else { return false }
        if let provider = statement.providerID { return provider == incident.providerID }
        return (scopes[statement.sourceName] ?? .any).includes(incident.providerID)
    }
}

/// Where a quarter-hour slot of the store falls: a local day and hour of the report week, the
/// week before, or neither. Computed once per slot of the two weeks (1,344 calendar look-ups).
private struct SlotMap {
    enum Place {
        case current(day: Int, hour: Int)
        case previous
        case outside
    }

    let firstSlot: Int64
    let places: [Place]

    init(week: ReportWeek, previous: ReportWeek) {
        firstSlot = Int64(previous.start.timeIntervalSince1970.rounded(.down)) / 900
        let lastSlot = Int64(week.end.timeIntervalSince1970.rounded(.down)) / 900
        places = (firstSlot..<max(firstSlot, lastSlot)).map { slot in
            let instant = Date(timeIntervalSince1970: Double(slot * 900))
            if let position = week.position(of: instant) { return .current(day: position.day, hour: position.hour) }
            return instant >= previous.start && instant < previous.end ? .previous : .outside
        }
    }

    func place(_ slot: Int64) -> Place {
        let index = slot - firstSlot
        guard index >= 0, index < places.count else { return .outside }
        return places[Int(index)]
    }
}
