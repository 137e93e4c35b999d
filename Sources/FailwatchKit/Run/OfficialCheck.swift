// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchStore
import Foundation

/// What a provider and its own monitoring say right now, for the alert being built: the
/// status page's state from the store, the provider's newest official word, and a live check of
/// the provider's internal monitoring (only here, never on every run).
public struct OfficialCheck: Sendable {
    public var config: FeedsConfig
    public var store: any SourceStore
    /// Asks internal monitoring; each check is cut off after its own `timeout:`.
    public var fetcher: any HTTPFetching

    public init(config: FeedsConfig, store: any SourceStore, fetcher: any HTTPFetching) {
        self.config = config
        self.store = store
        self.fetcher = fetcher
    }

    /// The official state of one provider at `now`; never throws, a signal that cannot be
    /// read says so in its phrase (and then does not count as green).
    public func state(for providerID: String, at now: Date) async -> AlertMessage.OfficialState {
        let monitor = config.providers.first { $0.id == providerID }?.internalMonitor
        async let monitoring = monitoringPhrase(monitor)
        let official = config.sources.filter { $0.carriesOfficialWord && $0.providers.includes(providerID) }
        let statusPage = statusPage(for: providerID, at: now)
        let latest = try? store.latestOfficialWord(sourceNames: official.map(\.name), notAfter: now)
        let channel = latest.flatMap { word in official.first { $0.name == word.sourceName } }?.kind.channelName
        return AlertMessage.OfficialState(
            statusPage: statusPage, lastOfficialPost: latest?.createdAt,
            monitoring: await monitoring, lastOfficialChannel: channel,
            lastOfficialText: latest.map { StatusPageReader.clip($0.title, to: 80) })
    }

    private func monitoringPhrase(_ monitor: InternalMonitor?) async -> String? {
        guard let monitor else { return nil }
        return await InternalCheck(monitor: monitor, fetcher: fetcher).phrase()
    }

    /// The status page phrase from the store alone (no network), for alerts and `failwatch
    /// status`: "all operational", or what is wrong (open incidents with their status, else
    /// the page's own description and its troubled components); "unknown (…)" for a page not
    /// read lately; `nil` when no status page is watched for the provider.
    public func statusPage(for providerID: String, at now: Date) -> String? {
        let pages = config.sources.filter { $0.kind == .statuspage && $0.providers.includes(providerID) }
        return pages.isEmpty ? nil : statusPagePhrase(pages, now: now)
    }

    private func statusPagePhrase(_ pages: [SourceConfig], now: Date) -> String {
        let current: [String: [OfficialStatement]]
        let states: [String: SourceState]
        do {
            current = try store.currentStatements(sourceNames: pages.map(\.name))
            states = try store.sourceStates()
        } catch {
            return "unknown (\(error))"
        }
        var problems: [String] = []
        for page in pages {
            let lastRead = states[page.name]?.lastSuccessAt
            guard let lastRead, now.timeIntervalSince(lastRead) <= Self.staleAfter(page) else {
                problems.append(
                    "unknown (\(page.name) " + (lastRead.map { "last read \(FeedDate.iso8601UTC($0))" } ?? "never read")
                        + ")")
                continue
            }
            problems += Self.problems(in: current[page.name] ?? [])
        }
        return problems.isEmpty ? AlertMessage.OfficialState.allOperational : problems.joined(separator: "; ")
    }

    /// A page read longer ago than three intervals (at least 30 minutes) no longer tells the present.
    static func staleAfter(_ source: SourceConfig) -> TimeInterval { max(3 * source.interval, 1800) }

    /// What one page's current statements report as wrong; empty when all is well.
    static func problems(in statements: [OfficialStatement]) -> [String] {
        let open = statements.filter(\.isOpen)
        if !open.isEmpty {
            return open.map { incident in
                let details = [incident.status?.replacingOccurrences(of: "_", with: " "), incident.impact]
                    .compactMap { $0 }.filter { $0 != "none" }
                return incident.title + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
            }
        }
        guard let page = statements.first(where: { $0.kind == .status }),
            let indicator = page.status, indicator != "none"
        else { return [] }
        let components = page.components.isEmpty ? "" : " (\(page.components.joined(separator: ", ")))"
        return [page.title + components]
    }
}
