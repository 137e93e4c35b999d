// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchStore
import Foundation

/// Replays the stored posts (with their stored labels) through detection as `poll` run at the end of
/// every interval would have run it (``PollReplay``: the same incident ledger, common cause and joined
/// threads included), for failwatch's detector and the named baselines side by side.
public enum StoreBacktest {
    /// One incident a detector would have raised.
    public struct Finding: Sendable, Equatable {
        public var detector: SeriesBacktest.DetectorKind
        public var provider: String
        public var incidentID: String
        /// The earliest complaint in the two intervals before the alarm (the alert's own "first" is the
        /// message's: its alarming window's first voice).
        public var firstComplaint: Date
        /// When the alert would have gone out: the end of the first alarming interval.
        public var raisedAt: Date
        /// The first official word at or after the first complaint, if any is stored.
        public var officialAt: Date?
        /// Updates posted in its thread (escalations, and providers joining its event).
        public var updates: Int
        /// "WhatsApp named in 60% of posts; Talnetz spikes too" when it shared its cause.
        public var commonCause: String?
        /// With `alerts: common_cause: combined`, the incident whose alert this one joined: it sent
        /// no message of its own.
        public var inAlertOf: String?

        /// Seconds from the first complaint to the alert.
        public var delay: TimeInterval { raisedAt.timeIntervalSince(firstComplaint) }
        /// Seconds the alert came before the official word (negative: after it).
        public var lead: TimeInterval? { officialAt.map { $0.timeIntervalSince(raisedAt) } }
    }

    /// What the replay found: every detector's incidents, and the messages failwatch's would have sent.
    public struct Report: Sendable {
        public var findings: [Finding] = []
        /// failwatch's messages as `poll` would have written them (its `now` is ``AlertMessage/createdAt``);
        /// the official state is left out (it is read live when an alert is built).
        public var messages: [AlertMessage] = []
        public var commonCause: AlertsConfig.CommonCauseAlerts = .each

        /// `{common_cause, incidents: [...], messages: [...]}`, each message as the generic webhook sends
        /// it (`failwatch.alert.v1`).
        public func json() -> Data {
            let incidents: [JSONValue] = findings.map { finding in
                [
                    "detector": .string(finding.detector.rawValue), "provider": .string(finding.provider),
                    "incident_id": .string(finding.incidentID),
                    "raised_at": .string(FeedDate.iso8601UTC(finding.raisedAt)),
                    "first_complaint": .string(FeedDate.iso8601UTC(finding.firstComplaint)),
                    "delay_seconds": .int(Int(finding.delay)),
                    "official_at": .optional(finding.officialAt.map(FeedDate.iso8601UTC)),
                    "lead_seconds": finding.lead.map { JSONValue.int(Int($0)) } ?? .null,
                    "updates": .int(finding.updates),
                    "common_cause": .optional(finding.commonCause), "in_alert_of": .optional(finding.inAlertOf),
                ]
            }
            let document: JSONValue = [
                "common_cause": .string(commonCause.rawValue), "incidents": .array(incidents),
                "messages": .array(messages.map(WebhookPayload.render)),
            ]
            return document.encoded()
        }
    }

    /// Replays every provider's complaints from its oldest post (the warm-up), running `poll` at each
    /// interval's end, and lists the incidents raised in `[since, until)` and the messages sent then.
    ///
    /// - Parameters:
    ///   - config: the providers (names, places) and `alerts:` (common cause, statements).
    ///   - detection: each provider's detection settings (by id; the configuration's when absent).
    ///   - detectors: which detectors to run.
    /// - Returns: findings ordered by detector, then when they opened; failwatch's messages in order.
    public static func run(
        store: any DetectionStore & SourceStore, config: FeedsConfig, detection: [String: DetectionConfig] = [:],
        since: Date, until: Date, detectors: [SeriesBacktest.DetectorKind] = SeriesBacktest.DetectorKind.allCases
    ) async throws(StoreError) -> Report {
        var providers: [PollReplay.Provider] = []
        for provider in config.providers {
            guard let start = try await store.earliestPost(provider: provider.id) else { continue }
            let settings = detection[provider.id] ?? config.detection(for: provider.id)
            providers.append(
                PollReplay.Provider(
                    id: provider.id, name: provider.name, settings: settings.detectorSettings,
                    incidents: settings.incidentSettings,
                    complaints: try await store.complaints(provider: provider.id, from: start, to: until, knownAt: nil),
                    start: start))
        }
        let complaints = Dictionary(providers.map { ($0.id, $0.complaints) }, uniquingKeysWith: { first, _ in first })
        let replay = PollReplay(providers: providers, combineCommonCause: config.alerts.commonCause == .combined)
        var report = Report(commonCause: config.alerts.commonCause)
        for kind in detectors {
            let result = replay.run(kind: kind, until: until)
            let sent = result.messages.filter { $0.sentAt >= since }
            var updates: [String: Int] = [:]
            for message in sent where message.announcement.event.kind == .escalated {
                updates[message.announcement.record.id, default: 0] += 1
            }
            for record in result.incidents where record.openedAt >= since {
                let interval = providers.first { $0.id == record.providerID }?.settings.interval ?? 0
                let window = record.openedAt.addingTimeInterval(-3 * interval)..<record.openedAt
                let first =
                    complaints[record.providerID]?.first { window.contains($0.event.time) }?.event.time
                    ?? record.openedAt.addingTimeInterval(-interval)
                report.findings.append(
                    Finding(
                        detector: kind, provider: record.providerID, incidentID: record.id,
                        firstComplaint: first, raisedAt: record.openedAt,
                        officialAt: try await store.firstOfficialWord(providerID: record.providerID, after: first),
                        updates: updates[record.id] ?? 0,
                        commonCause: record.sharedCause,
                        inAlertOf: record.inAlertOf))
            }
            guard kind == .failwatch else { continue }
            report.messages = sent.compactMap { message in
                compose(
                    message, config: config, store: store,
                    interval: providers.first { $0.id == message.providerID }?.settings.interval)
            }
        }
        return report
    }

    /// The chat message `poll` writes for an announcement, as its run at `sentAt` would have.
    private static func compose(
        _ message: PollReplay.Message, config: FeedsConfig, store: any DetectionStore, interval: TimeInterval?
    ) -> AlertMessage? {
        guard let provider = config.providers.first(where: { $0.id == message.providerID }), let interval else {
            return nil
        }
        let run = IncidentRun(config: config, store: store, now: message.sentAt) { _, _ in AlertMessage.OfficialState()
        }
        let announcement = message.announcement
        return run.message(
            announcement.event, step: announcement.step, record: announcement.record, evidence: announcement.evidence,
            provider: provider, official: AlertMessage.OfficialState(), cause: announcement.cause, interval: interval,
            joined: announcement.joined)
    }
}
