// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchStore
import Foundation

/// `failwatch announce INCIDENT --via SOURCE`: the holding statement for an incident, posted
/// through the provider's own account and stored as its first word.
public struct IncidentAnnouncement: Sendable {
    public var config: FeedsConfig
    public var store: any CommandStore
    public var announcer: Announcer
    public var now: Date

    public init(config: FeedsConfig, store: any CommandStore, announcer: Announcer = Announcer(), now: Date) {
        self.config = config
        self.store = store
        self.announcer = announcer
        self.now = now
    }

    /// The incident's suggested statements, from the complaints stored for it (the same inputs
    /// as its opening alert, with what arrived since).
    public func suggested(incidentID: String) async throws(Announcer.Failure) -> (IncidentRecord, [HoldingStatement]) {
        let (incident, provider) = try await find(incidentID)
        let complaints =
            (try? await store.complaints(
                provider: provider.id, from: incident.firstComplaintAt, to: incident.resolvedAt ?? now, knownAt: nil))
            ?? []
        let voiced = complaints.filter { !$0.repost }
        let statements = HoldingStatement.suggested(
            provider: provider, defaults: config.alerts.holdingStatements,
            symptoms: ReportSummary.topSymptoms(voiced).map(\.symptom),
            places: ReportSummary.topPlaces(voiced, places: provider.places).map(\.place),
            statusURL: config.statusURL(for: provider))
        return (incident, statements)
    }

    /// Posts `text` (else the suggested statement in `language`, else in the provider's first
    /// language) through `sourceName` and stores it as the provider's word.
    public func announce(
        incidentID: String, via sourceName: String, text: String?, language: String?
    ) async throws(Announcer.Failure) -> OfficialStatement {
        let (incident, suggested) = try await suggested(incidentID: incidentID)
        guard let source = config.sources.first(where: { $0.name == sourceName }) else {
            let names = config.sources.filter { $0.kind == .mastodon || $0.kind == .bluesky }.map(\.name)
            throw Announcer.Failure(
                description: "announce: no source '\(sourceName)' in the configuration; hint: one of "
                    + (names.isEmpty ? "(no mastodon or bluesky source)" : names.joined(separator: ", ")))
        }
        guard source.isOfficial, source.providers.includes(incident.providerID) else {
            throw Announcer.Failure(
                description: "announce: source '\(sourceName)' is not \(incident.providerID)'s own account;"
                    + " hint: give it official: true and providers: \(incident.providerID)")
        }
        let chosen = language.flatMap { wanted in suggested.first { $0.language == wanted } } ?? suggested.first
        if let language, text == nil, chosen?.language != language {
            throw Announcer.Failure(
                description: "announce: no statement in '\(language)'; hint: one of "
                    + suggested.map(\.language).joined(separator: ", ") + ", or give --text")
        }
        guard let words = (text ?? chosen?.text)?.trimmingCharacters(in: .whitespacesAndNewlines), !words.isEmpty else {
            throw Announcer.Failure(description: "announce: the text is empty; hint: give --text")
        }
        let statement = try await announcer.post(
            words, language: text == nil ? chosen?.language : language, via: source, providerID: incident.providerID,
            key: "failwatch-announce-\(incident.id)", now: now)
        do {
            try await store.saveStatement(statement)
        } catch {
            throw Announcer.Failure(
                description: "announce: posted (\(statement.url ?? statement.externalID)) but not stored: \(error)")
        }
        return statement
    }

    private func find(_ incidentID: String) async throws(Announcer.Failure) -> (IncidentRecord, ProviderConfig) {
        let incident: IncidentRecord?
        do {
            incident = try await store.incident(id: incidentID)
        } catch {
            throw Announcer.Failure(description: "announce: \(error)")
        }
        guard let incident else {
            throw Announcer.Failure(
                description: "announce: no incident '\(incidentID)'; hint: failwatch status lists them")
        }
        guard let provider = config.providers.first(where: { $0.id == incident.providerID }) else {
            throw Announcer.Failure(
                description:
                    "announce: incident '\(incidentID)' is about '\(incident.providerID)', which feeds.yml no longer lists"
            )
        }
        return (incident, provider)
    }
}
