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
        /// What the user should know, one line each (a saved state this failwatch could not read).
        public var notes: [String] = []

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
        /// The complaints that arrived late, counted at the first interval of this pass.
        var late: [Complaint] = []
        /// Why the stored state was not used, when it could not be read.
        var note: String?
    }

    /// Detects every provider up to the last whole interval before ``now``.
    ///
    /// The store is read before detection and written after it: checkpoints and complaints, then
    /// every provider's steps (``DetectionReplay``) and incident rows (``IncidentLedger``), then the
    /// official state of each provider with something to announce (once per run), then one write per
    /// provider.
    ///
    /// - Throws: `StoreError` when the store cannot be read or written.
    public func run() async throws(StoreError) -> Summary {
        let claim = try await store.claimDetection(providers: config.providers.map(\.id))
        do throws(StoreError) {
            let summary = try await detect(config.providers.filter { claim.providers.contains($0.id) })
            await claim.release()
            return summary
        } catch {
            await claim.release()
            throw error
        }
    }

    /// Detects the claimed providers (several pollers on one store detect each provider once).
    private func detect(_ providers: [ProviderConfig]) async throws(StoreError) -> Summary {
        var passes: [Pass] = []
        for provider in providers {
            if let pass = try await advance(provider) { passes.append(pass) }
        }
        var summary = Summary()
        summary.notes = passes.compactMap(\.note)
        let ledgerPasses = passes.map { pass in
            IncidentLedger.Pass(
                providerID: pass.provider.id, providerName: pass.provider.name,
                interval: pass.checkpoint.settings.interval, steps: pass.steps, counted: pass.complaints,
                final: pass.checkpoint.tracker.incident)
        }
        let ledger = try await load(for: ledgerPasses)
        let outcomes = ledger.record(ledgerPasses)
        var officials: [String: AlertMessage.OfficialState] = [:]
        for outcome in outcomes where !outcome.announcements.isEmpty {
            officials[outcome.providerID] = await official(outcome.providerID, now)
        }
        // A provider with nothing new to count is saved only when an event's thread went on in it.
        for (pass, outcome) in zip(passes, outcomes) where !pass.steps.isEmpty || outcome.threadUpdate != nil {
            try await save(pass, outcome: outcome, official: officials[outcome.providerID], summary: &summary)
        }
        return summary
    }

    /// What the ledger reads: the incidents the steps touch, every open one, and each provider's
    /// complaints from ``IncidentLedger/needed(for:stored:)`` on (nothing when no step touches an incident).
    private func load(for passes: [IncidentLedger.Pass]) async throws(StoreError) -> IncidentLedger {
        var stored: [String: IncidentRecord] = [:]
        let ids = Set(passes.flatMap { $0.steps.filter(IncidentLedger.touches).compactMap(\.incident?.id) })
        for id in ids.sorted() { stored[id] = try await store.incident(id: id) }
        var complaints: [String: [Complaint]] = [:]
        let combined = config.alerts.commonCause == .combined
        if var from = IncidentLedger.needed(for: passes, stored: stored) {
            for incident in try await store.incidents(provider: nil) where incident.resolvedAt == nil {
                stored[incident.id] = stored[incident.id] ?? incident
                // A provider joining an open event is announced with the event's counts since its start.
                if combined && incident.announced { from = min(from, incident.firstComplaintAt) }
            }
            let to = now.addingTimeInterval(1)
            for provider in config.providers {
                complaints[provider.id] = try await store.complaints(
                    provider: provider.id, from: from, to: to, knownAt: now)
            }
        }
        var ledger = IncidentLedger(
            providers: config.providers.map { ($0.id, $0.name) }, stored: stored, complaints: complaints, now: now,
            announceWindow: announceWindow)
        ledger.combineCommonCause = combined
        return ledger
    }

    /// Feeds the provider's intervals since its checkpoint (or its oldest post) to the detector.
    private func advance(_ provider: ProviderConfig) async throws(StoreError) -> Pass? {
        let detection = config.detection(for: provider.id)
        let settings = detection.detectorSettings
        let incidentSettings = detection.incidentSettings
        var checkpoint = try await store.detectionCheckpoint(provider: provider.id)
        let note = checkpoint?.unreadable.map {
            "detection of '\(provider.id)': \($0); it warms up again from the stored posts"
        }
        let end = VoiceCounter.intervalStart(of: now, interval: settings.interval)
        // A state older than the detector's memory (the store was not polled for weeks) is
        // skipped in bulk: the provider warms up again from the stored history, as a first run
        // does, instead of stepping through every interval of the gap. A state from a replay
        // more than a day ahead of now would stop detection until then; it starts afresh too.
        let stale = checkpoint.map {
            $0.next < end.addingTimeInterval(-Self.longestWarmUp) || $0.next > end.addingTimeInterval(86_400)
        }
        if stale ?? true || checkpoint.map({ !$0.matches(settings, incidentSettings) }) ?? true {
            let oldest = try await store.earliestPost(provider: provider.id) ?? now
            let start = max(oldest, now.addingTimeInterval(-Self.longestWarmUp))
            checkpoint = DetectionCheckpoint(
                provider: provider.id, settings: settings, incidentSettings: incidentSettings, start: start)
        }
        guard var checkpoint else { return nil }
        guard checkpoint.next < end else {
            // Nothing new to count (a longer interval, or an earlier run counted it): an open incident
            // can still lead an event another provider joins in this run.
            guard config.alerts.commonCause == .combined, checkpoint.tracker.incident?.isOpen == true else {
                return nil
            }
            return Pass(provider: provider, checkpoint: checkpoint, steps: [], complaints: [], note: note)
        }
        let lookBack = checkpoint.next.addingTimeInterval(-2 * settings.interval)
        var complaints = try await store.complaints(provider: provider.id, from: lookBack, to: end, knownAt: now)
        var late: [Complaint] = []
        if let savedAt = checkpoint.savedAt {
            // A slow source delivers posts for intervals already counted: they join the first new one.
            late = try await store.lateComplaints(
                provider: provider.id, before: checkpoint.next, arrivedAfter: savedAt,
                countedThrough: checkpoint.countedThrough, knownAt: now)
            complaints += late
        }
        let steps = DetectionReplay.advance(
            &checkpoint.detector, &checkpoint.tracker, voices: &checkpoint.voices, complaints: complaints,
            from: checkpoint.next, to: end, interval: settings.interval)
        checkpoint.next = end
        checkpoint.savedAt = now
        checkpoint.countedThrough = ([checkpoint.countedThrough] + complaints.map(\.postID)).compactMap { $0 }.max()
        return Pass(
            provider: provider, checkpoint: checkpoint, steps: steps, complaints: complaints, late: late, note: note)
    }

    /// Saves a provider's incident rows and the alerts its announcements raise, with its checkpoint.
    private func save(
        _ pass: Pass, outcome: IncidentLedger.Outcome, official: AlertMessage.OfficialState?, summary: inout Summary
    ) async throws(StoreError) {
        for event in outcome.events { summary.count(event) }
        var incidents = outcome.incidents
        var alerts: [OutboxEntry] = []
        var silent: [String: Bool] = [:]
        for index in incidents.indices where incidents[index].heldBy == nil {
            // A hold covering any interval of the incident in this run marks it (the first one found).
            let id = incidents[index].id
            let starts = pass.steps.filter { IncidentLedger.touches($0) && $0.incident?.id == id }.map(\.signal.start)
            incidents[index].heldBy = starts.lazy.compactMap { hold.reason(provider: pass.provider.id, at: $0) }.first
        }
        let held = hold.reason(provider: pass.provider.id, at: now)
        for announcement in outcome.announcements {
            let official = official ?? AlertMessage.OfficialState()
            var record = announcement.record
            if announcement.event.kind == .opened { silent[record.id] = official.isSilent }
            record.silent = silent[record.id] ?? record.silent
            let message = self.message(
                announcement.event, step: announcement.step, record: record, evidence: announcement.evidence,
                provider: pass.provider, official: official, cause: announcement.cause,
                interval: pass.checkpoint.settings.interval, joined: announcement.joined)
            if let held, let index = incidents.firstIndex(where: { $0.id == record.id }), incidents[index].heldBy == nil
            {
                incidents[index].heldBy = held
            }
            for sink in config.sinks(for: pass.provider.id) {
                alerts.append(
                    OutboxEntry(
                        sinkName: sink.name, message: message, createdAt: now, nextAttemptAt: now,
                        status: held == nil ? .pending : .held, heldReason: held))
            }
        }
        for index in incidents.indices {
            if let mark = silent[incidents[index].id] { incidents[index].silent = mark }
        }
        var checkpoint = pass.checkpoint
        if let update = outcome.threadUpdate, let id = checkpoint.tracker.incident?.id {
            // Providers joined this provider's event with a message the tracker did not raise.
            checkpoint.tracker.noteMessage(update, incidentID: id)
        }
        try await store.saveDetection(
            provider: pass.provider.id, checkpoint: checkpoint, incidents: incidents, alerts: alerts, late: pass.late,
            at: now)
        summary.queued += alerts.count
    }
}
