// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchStore
import Foundation

/// The detection half of a poll run: per provider, counts the stored complaints of every
/// interval since the last run, advances the detector and the incident tracker from their
/// stored state, and writes incident changes and the alerts they raise in one transaction.
///
/// Each interval is counted once, with what was known then; posts a slow source delivers for
/// intervals already counted join the first interval not yet counted.
/// A first run on existing data warms up from the provider's oldest post. Incidents found
/// while catching up on old data are recorded but not posted, unless still open at the end;
/// changed detection settings warm up again the same way.
public struct IncidentRun: Sendable {
    /// What the provider says officially right now (status page, monitoring).
    public typealias OfficialLookup = @Sendable (_ providerID: String, _ now: Date) async -> AlertMessage.OfficialState

    /// What one run did with incidents.
    public struct Summary: Sendable, Equatable {
        public var opened = 0
        public var updated = 0
        public var resolved = 0
        /// Alert messages written to the outbox (one per sink).
        public var queued = 0

        public init() {}
    }

    public var config: FeedsConfig
    public var store: any DetectionStore
    public var now: Date
    public var official: OfficialLookup
    /// Incidents that opened longer ago than this (and are over by now) are recorded, not posted.
    public var announceWindow: TimeInterval = 3_600
    /// Silences and maintenance windows: while one covers a provider, its alerts are written to the
    /// outbox as held, and its incidents remember it.
    public var hold: AlertHold = .none

    /// A first run learns from at most this much history: the baseline looks back four weeks.
    static let longestWarmUp: TimeInterval = 35 * 86_400

    public init(config: FeedsConfig, store: any DetectionStore, now: Date, official: @escaping OfficialLookup) {
        self.config = config
        self.store = store
        self.now = now
        self.official = official
    }

    /// One provider's catch-up: its new state and the intervals it observed.
    private struct Pass {
        var provider: ProviderConfig
        var checkpoint: DetectionCheckpoint
        var steps: [DetectionStep]
        var complaints: [Complaint]
    }

    /// Detects every provider up to the last whole interval before ``now``.
    ///
    /// - Throws: `StoreError` when the store cannot be read or written.
    public func run() async throws(StoreError) -> Summary {
        var passes: [Pass] = []
        for provider in config.providers {
            if let pass = try advance(provider) { passes.append(pass) }
        }
        var summary = Summary()
        for pass in passes {
            try await record(pass, passes: passes, summary: &summary)
        }
        return summary
    }

    /// Feeds the provider's intervals since its checkpoint (or its oldest post) to the detector.
    private func advance(_ provider: ProviderConfig) throws(StoreError) -> Pass? {
        let detection = config.detection(for: provider.id)
        let settings = detection.detectorSettings
        let incidentSettings = detection.incidentSettings
        var checkpoint = try store.detectionCheckpoint(provider: provider.id)
        let end = VoiceCounter.intervalStart(of: now, interval: settings.interval)
        // A state older than the detector's memory (the store was not polled for weeks) is
        // skipped in bulk: the provider warms up again from the stored history, as a first run
        // does, instead of stepping through every interval of the gap. A state from a replay
        // more than a day ahead of now would stop detection until then; it starts afresh too.
        let stale = checkpoint.map {
            $0.next < end.addingTimeInterval(-Self.longestWarmUp) || $0.next > end.addingTimeInterval(86_400)
        }
        if stale ?? true || checkpoint.map({ !$0.matches(settings, incidentSettings) }) ?? true {
            let oldest = try store.earliestPost(provider: provider.id) ?? now
            let start = max(oldest, now.addingTimeInterval(-Self.longestWarmUp))
            checkpoint = DetectionCheckpoint(
                provider: provider.id, settings: settings, incidentSettings: incidentSettings, start: start)
        }
        guard var checkpoint else { return nil }
        guard checkpoint.next < end else { return nil }
        let lookBack = checkpoint.next.addingTimeInterval(-2 * settings.interval)
        var complaints = try store.complaints(provider: provider.id, from: lookBack, to: end, knownAt: now)
        if let savedAt = checkpoint.savedAt {
            // A slow source delivers posts for intervals already counted: they join the first new one.
            complaints += try store.lateComplaints(
                provider: provider.id, before: checkpoint.next, arrivedAfter: savedAt, knownAt: now)
        }
        let steps = DetectionReplay.advance(
            &checkpoint.detector, &checkpoint.tracker, voices: &checkpoint.voices, complaints: complaints,
            from: checkpoint.next, to: end, interval: settings.interval)
        checkpoint.next = end
        checkpoint.savedAt = now
        return Pass(provider: provider, checkpoint: checkpoint, steps: steps, complaints: complaints)
    }

    /// Turns a provider's steps into incident rows and outbox alerts, saved with its checkpoint.
    private func record(_ pass: Pass, passes: [Pass], summary: inout Summary) async throws(StoreError) {
        let interval = pass.checkpoint.settings.interval
        var records: [String: IncidentRecord] = [:]
        var openInStore = Set<String>()  // open when this run began: its resolution is news however late
        var touched: [String] = []
        var alerts: [OutboxEntry] = []
        let final = pass.checkpoint.tracker.incident
        for step in pass.steps {
            guard let incident = step.incident, step.signal.alarm || step.event != nil else { continue }
            let stepEnd = step.signal.start.addingTimeInterval(interval)
            if records[incident.id] == nil {
                let stored = try store.incident(id: incident.id)
                records[incident.id] = stored
                if let stored, stored.resolvedAt == nil { openInStore.insert(incident.id) }
            }
            let stillOpen = final?.id == incident.id && final?.isOpen == true
            var record = records[incident.id] ?? opening(incident, step: step, pass: pass, stillOpen: stillOpen)
            let evidence = try store.complaints(
                provider: pass.provider.id, from: record.firstComplaintAt, to: stepEnd, knownAt: now)
            let cause = try commonCause(of: pass, at: step.signal.start, passes: passes, evidence: evidence)
            Self.update(&record, incident: incident, step: step, evidence: evidence, cause: cause, interval: interval)
            if record.heldBy == nil { record.heldBy = hold.reason(provider: pass.provider.id, at: step.signal.start) }
            if !touched.contains(incident.id) { touched.append(incident.id) }
            records[incident.id] = record
            guard let event = step.event else { continue }
            summary.count(event)
            // Old news is not posted (a catch-up after a long pause or new settings): an event long
            // past goes out only while its incident is still open, or when it ends an incident the
            // chat last saw open.
            let lateResolution = event.kind == .resolved && openInStore.contains(incident.id)
            let recent = stepEnd >= now.addingTimeInterval(-announceWindow)
            guard record.announced && (stillOpen || lateResolution || recent) else { continue }
            let official = await self.official(pass.provider.id, now)
            if event.kind == .opened {
                record.silent = official.isSilent
                records[incident.id] = record
            }
            let message = self.message(
                event, step: step, record: record, evidence: evidence, provider: pass.provider, official: official,
                cause: cause, interval: interval)
            let held = hold.reason(provider: pass.provider.id, at: now)
            if let held, record.heldBy == nil {
                record.heldBy = held
                records[incident.id] = record
            }
            for sink in config.sinks(for: pass.provider.id) {
                alerts.append(
                    OutboxEntry(
                        sinkName: sink.name, message: message, createdAt: now, nextAttemptAt: now,
                        status: held == nil ? .pending : .held, heldReason: held))
            }
        }
        try store.saveDetection(
            provider: pass.provider.id, checkpoint: pass.checkpoint, incidents: touched.compactMap { records[$0] },
            alerts: alerts, at: now)
        summary.queued += alerts.count
    }

    /// Folds one interval of an incident into its row: peak, people, updates, sources, cause.
    private static func update(
        _ record: inout IncidentRecord, incident: Incident, step: DetectionStep, evidence: [Complaint],
        cause: CommonCause?, interval: TimeInterval
    ) {
        if step.signal.count > (record.peakCount ?? -1) {
            record.peakAt = step.signal.start
            record.peakCount = step.signal.count
            record.peakExpected = step.signal.expected
        }
        record.authors = max(record.authors, VoiceLedger.people(in: evidence, interval: interval))
        record.updates = incident.update
        record.sources = rankedSources(evidence.filter { !$0.repost }, adding: record.sources + incident.sources.sorted())
        record.resolvedAt = incident.resolvedAt
        if record.commonCause == nil, let cause { record.commonCause = cause.summary }
    }

    /// Other providers alarming within a quarter hour before this interval (in this run, or with an
    /// incident opened in the store), judged with their posts of the last hour.
    private func commonCause(of pass: Pass, at start: Date, passes: [Pass], evidence: [Complaint]) throws(StoreError)
        -> CommonCause?
    {
        let recent = start.addingTimeInterval(-CommonCause.window)...start
        var others: [ProviderConfig] = []
        for other in passes where other.provider.id != pass.provider.id {
            if other.steps.contains(where: { $0.signal.alarm && recent.contains($0.signal.start) }) {
                others.append(other.provider)
            }
        }
        for other in config.providers where other.id != pass.provider.id && !others.contains(other) {
            let open = try store.incidents(provider: other.id).contains { incident in
                incident.resolvedAt == nil && incident.openedAt <= start.addingTimeInterval(CommonCause.window)
                    && incident.openedAt >= start.addingTimeInterval(-CommonCause.window)
            }
            if open { others.append(other) }
        }
        guard !others.isEmpty else { return nil }
        let hour = start.addingTimeInterval(-3_600)
        var complaints = evidence.filter { $0.event.time >= hour }
        for other in others {
            complaints += try store.complaints(
                provider: other.id, from: hour, to: start.addingTimeInterval(pass.checkpoint.settings.interval),
                knownAt: now)
        }
        return CommonCause.assess(others: others.map(\.name), complaints: complaints.filter { !$0.repost })
    }

    /// A new incident's row: its first complaint is the earliest in the evidence window that alarmed
    /// (the burst's start), so the opening message counts everyone since then.
    private func opening(_ incident: Incident, step: DetectionStep, pass: Pass, stillOpen: Bool) -> IncidentRecord {
        let interval = pass.checkpoint.settings.interval
        let raised = incident.openedAt.addingTimeInterval(interval)
        let span = max(step.signal.window, interval)
        let window = raised.addingTimeInterval(-span)..<raised
        let first =
            pass.complaints.first { window.contains($0.event.time) && !$0.repost }?.event.time ?? incident.openedAt
        return IncidentRecord(
            id: incident.id, providerID: pass.provider.id, firstComplaintAt: first, openedAt: raised,
            announced: stillOpen || raised >= now.addingTimeInterval(-announceWindow))
    }
}
