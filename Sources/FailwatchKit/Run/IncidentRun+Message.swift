// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// The chat message of an incident event, with its evidence: counts, samples, sources.
extension IncidentRun {
    /// The chat message for one event: everyone since the burst began against the usual for that span,
    /// the first complaint, symptoms and places, sources and newest complaints, other providers spiking
    /// too (and those that joined its event), and what the provider says officially.
    func message(
        _ event: IncidentEvent, step: DetectionStep, record: IncidentRecord, evidence: [Complaint],
        provider: ProviderConfig, official: AlertMessage.OfficialState, cause: CommonCause?, interval: TimeInterval,
        joined: [IncidentLedger.Joining] = []
    ) -> AlertMessage {
        let kind: AlertMessage.Kind =
            switch event.kind {
            case .opened: .opened
            case .escalated: .updated
            case .resolved: .resolved
            }
        let voiced = evidence.filter { !$0.repost }
        let span = Self.burstSpan(since: record.firstComplaintAt, step: step, interval: interval)
        let counted = kind == .resolved ? [] : voiced
        let holding =
            kind == .opened
            ? HoldingStatement.suggested(
                provider: provider, defaults: config.alerts.holdingStatements,
                symptoms: ReportSummary.topSymptoms(voiced).map(\.symptom),
                places: ReportSummary.topPlaces(voiced, places: provider.places).map(\.place),
                statusURL: config.statusURL(for: provider))
            : nil
        var message = AlertMessage(
            kind: kind, provider: AlertMessage.Provider(id: provider.id, name: provider.name),
            incidentID: event.incidentID, updateNumber: event.update,
            complaints: kind == .resolved ? step.posts : counted.count,
            authors: kind == .resolved ? Int(step.signal.count) : VoiceLedger.people(in: counted, interval: interval),
            interval: kind == .resolved ? interval : span,
            usual: step.signal.expected * (kind == .resolved ? 1 : span / interval),
            firstComplaint: record.firstComplaintAt,
            sources: record.sources, samples: Self.samples(voiced), official: official,
            silentOutage: record.silent, providersAtOnce: 1 + (cause?.others.count ?? 0), commonCause: cause?.summary,
            symptoms: ReportSummary.symptoms(voiced), places: ReportSummary.places(voiced, places: provider.places),
            holdingStatements: holding, moreLink: config.alerts.moreLink, createdAt: now,
            timeZoneID: config.timezone.identifier)
        if !joined.isEmpty { message.joined = joined.map(Self.joined) }
        return message
    }

    /// Whole intervals from the burst's first complaint to the end of `step`, at least one.
    static func burstSpan(since firstComplaint: Date, step: DetectionStep, interval: TimeInterval) -> TimeInterval {
        let end = step.signal.start.addingTimeInterval(interval)
        return max(interval, (end.timeIntervalSince(firstComplaint) / interval).rounded(.up) * interval)
    }

    /// A provider that joined the event, counted as its own opening would have counted it: everyone
    /// since its burst began against the usual for that span.
    static func joined(_ joining: IncidentLedger.Joining) -> AlertMessage.Joined {
        let voiced = joining.evidence.filter { !$0.repost }
        let interval = joining.interval
        let span = burstSpan(since: joining.record.firstComplaintAt, step: joining.step, interval: interval)
        return AlertMessage.Joined(
            provider: AlertMessage.Provider(id: joining.record.providerID, name: joining.providerName),
            incidentID: joining.record.id, complaints: voiced.count,
            authors: VoiceLedger.people(in: voiced, interval: interval), interval: span,
            usual: joining.step.signal.expected * span / interval)
    }

    /// The newest complaints, one per author, preferring posts that say more than a few words;
    /// posts without an author (keyed "post:<id>") are shown as by "unknown".
    static func samples(_ complaints: [Complaint]) -> [AlertMessage.SamplePost] {
        var seen = Set<String>()
        var picked: [Complaint] = []
        var short: [Complaint] = []
        for complaint in complaints.reversed() where seen.insert(complaint.event.author).inserted {
            if complaint.text.count >= 20 { picked.append(complaint) } else { short.append(complaint) }
            if picked.count == AlertMessage.maximumSamples { break }
        }
        let chosen = (picked + short).prefix(AlertMessage.maximumSamples)
        return chosen.sorted { $0.event.time > $1.event.time }.map { complaint in
            AlertMessage.SamplePost(
                text: complaint.text,
                author: complaint.event.author.hasPrefix("post:") ? "unknown" : complaint.event.author,
                link: complaint.link.flatMap(URL.init(string:)), time: complaint.event.time, source: complaint.source)
        }
    }
}

extension IncidentRun.Summary {
    /// Counts one tracker event.
    mutating func count(_ event: IncidentEvent) {
        switch event.kind {
        case .opened: opened += 1
        case .escalated: updated += 1
        case .resolved: resolved += 1
        }
    }
}
