// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The incident half of detection, without I/O: turns each provider's detection steps into incident
/// rows and the announcements they make, from what the run loaded before (the incidents the steps
/// touch, the open ones, the complaints); the run saves what it returns.
///
/// Providers are recorded in the order given, and a provider sees the incidents recorded before it
/// in the same run as the store would show them, so a run's result does not depend on when it wrote.
public struct IncidentLedger: Sendable {
    /// One provider's steps of this run. With `combineCommonCause` a provider with nothing new to count
    /// (a longer interval, or counted by an earlier run) but an open incident comes with no steps: its
    /// incident can still lead an event that other providers join in this run.
    public struct Pass: Sendable {
        public var providerID: String
        /// The display name, for other providers' common-cause lines.
        public var providerName: String
        public var interval: TimeInterval
        public var steps: [DetectionStep]
        /// The complaints the detector counted (late ones at the interval they joined): an opening's
        /// first complaint is the earliest of them, or of the stored ones, in the window that alarmed.
        public var counted: [Complaint]
        /// The tracker's incident after the last step.
        public var final: Incident?

        public init(
            providerID: String, providerName: String, interval: TimeInterval, steps: [DetectionStep],
            counted: [Complaint], final: Incident?
        ) {
            self.providerID = providerID
            self.providerName = providerName
            self.interval = interval
            self.steps = steps
            self.counted = counted
            self.final = final
        }
    }

    /// An event worth a chat message, with the evidence the message shows.
    public struct Announcement: Sendable {
        public var event: IncidentEvent
        public var step: DetectionStep
        /// The incident as it stood after the step.
        public var record: IncidentRecord
        /// The incident's complaints from its first one to the end of the step, oldest first.
        public var evidence: [Complaint]
        public var cause: CommonCause?
        /// Providers whose spike joined this event since its last message (`combineCommonCause`):
        /// the message names them, as they get no alert of their own.
        public var joined: [Joining] = []
    }

    /// A provider whose incident opened as part of an event already announced for another provider.
    public struct Joining: Sendable {
        public var providerName: String
        /// Its incident as it stood when it opened.
        public var record: IncidentRecord
        /// The step that opened it.
        public var step: DetectionStep
        /// Its complaints from the first one to the end of that step, oldest first.
        public var evidence: [Complaint]
        public var interval: TimeInterval
        public var cause: CommonCause
    }

    /// A joining provider and the incident whose thread it joins.
    struct Join: Sendable {
        var leadID: String
        var leadProviderID: String
        var joining: Joining
    }

    /// What one provider's steps did: the incidents to save (in the order first touched), every event
    /// (for the run's summary) and the ones to announce.
    public struct Outcome: Sendable {
        public var providerID: String
        public var incidents: [IncidentRecord] = []
        public var events: [IncidentEvent] = []
        public var announcements: [Announcement] = []
        /// The number of the provider's latest message when other providers joining its event added
        /// one the incident tracker did not raise: the tracker takes it, so its next update follows.
        public var threadUpdate: Int?
        /// Providers joining an event led by another provider's incident (recorded, sent with the lead).
        var joins: [Join] = []
    }

    /// Providers in configuration order: (id, display name).
    public var providers: [(id: String, name: String)]
    /// Incidents as stored when the run began: those the steps touch and every open one.
    public var stored: [String: IncidentRecord]
    /// Each provider's outage complaints as stored, oldest first, covering ``needed(for:stored:)``.
    public var complaints: [String: [Complaint]]
    public var now: Date
    /// Incidents that opened longer ago than this (and are over by now) are recorded, not posted.
    public var announceWindow: TimeInterval
    /// One combined alert per common-cause event (feeds.yml `alerts: common_cause: combined`): an
    /// incident that opens with a common cause naming a provider whose announced incident is open
    /// (the event's lead) is recorded, not posted, and stays out of chat (updates and resolution
    /// too); the lead's thread names it instead, in the lead's message of the same run or in an
    /// update of its own. Otherwise every provider's alert says the cause on its own.
    public var combineCommonCause = false

    public init(
        providers: [(id: String, name: String)], stored: [String: IncidentRecord], complaints: [String: [Complaint]],
        now: Date, announceWindow: TimeInterval = 3_600
    ) {
        self.providers = providers
        self.stored = stored
        self.complaints = complaints
        self.now = now
        self.announceWindow = announceWindow
    }

    /// Whether a step changes its incident's row: it alarmed or raised an event.
    public static func touches(_ step: DetectionStep) -> Bool {
        step.incident != nil && (step.signal.alarm || step.event != nil)
    }

    /// Where the complaints the ledger reads begin: an hour before the earliest touching step (common
    /// cause looks back an hour), or a touched incident's first complaint when earlier; `nil` when no
    /// step touches an incident.
    ///
    /// - Parameters:
    ///   - passes: every provider's steps of the run.
    ///   - stored: the stored incidents the steps touch.
    public static func needed(for passes: [Pass], stored: [String: IncidentRecord]) -> Date? {
        let touching = passes.flatMap { $0.steps.filter(touches) }
        guard let earliest = touching.map(\.signal.start).min() else { return nil }
        let firsts = touching.compactMap { $0.incident.flatMap { stored[$0.id]?.firstComplaintAt } }
        return min(earliest.addingTimeInterval(-3_600), firsts.min() ?? .distantFuture)
    }

    /// Records every pass, in order.
    public func record(_ passes: [Pass]) -> [Outcome] {
        var table = stored
        let outcomes = passes.map { pass in
            let outcome = record(pass, passes: passes, table: table)
            for incident in outcome.incidents { table[incident.id] = incident }
            return outcome
        }
        return thread(outcomes, passes: passes, table: table)
    }

    /// Puts each joining provider into its lead's thread: into the lead's message of this run when
    /// there is one (one message says it all), else into an update of the lead's incident that
    /// names the providers joining in this run.
    private func thread(_ outcomes: [Outcome], passes: [Pass], table: [String: IncidentRecord]) -> [Outcome] {
        var outcomes = outcomes
        var leads: [String] = []
        var joins: [String: [Join]] = [:]
        for join in outcomes.flatMap(\.joins) {
            if joins[join.leadID] == nil { leads.append(join.leadID) }
            joins[join.leadID, default: []].append(join)
        }
        for leadID in leads {
            guard let group = joins[leadID], let first = group.first,
                let index = passes.firstIndex(where: { $0.providerID == first.leadProviderID }),
                let final = passes[index].final, final.id == leadID
            else { continue }
            let joined = group.map(\.joining)
            if let last = outcomes[index].announcements.lastIndex(where: { $0.record.id == leadID }) {
                outcomes[index].announcements[last].joined += joined
                continue
            }
            let pass = passes[index]
            guard var record = outcomes[index].incidents.first(where: { $0.id == leadID }) ?? table[leadID] else {
                continue
            }
            let leadStep = pass.steps.last ?? lastCounted(record, final: final, interval: pass.interval)
            let update = final.update + 1
            record.updates = update
            if let at = outcomes[index].incidents.firstIndex(where: { $0.id == leadID }) {
                outcomes[index].incidents[at] = record
            } else {
                outcomes[index].incidents.append(record)
            }
            let event = IncidentEvent(
                kind: .escalated, incidentID: leadID, update: update, time: leadStep.signal.start,
                count: leadStep.signal.count, expected: leadStep.signal.expected, sources: record.sources)
            let end = leadStep.signal.start.addingTimeInterval(pass.interval)
            let evidence = Self.slice(complaints[pass.providerID] ?? [], from: record.firstComplaintAt, to: end)
            var others: [String] = []
            for name in joined.flatMap({ [$0.providerName] + $0.cause.others })
            where name != pass.providerName && !others.contains(name) {
                others.append(name)
            }
            var cause = first.joining.cause
            cause.others = others
            outcomes[index].events.append(event)
            outcomes[index].threadUpdate = update
            outcomes[index].announcements.append(
                Announcement(
                    event: event, step: leadStep, record: record, evidence: evidence, cause: cause, joined: joined))
        }
        return outcomes
    }

    /// One provider's steps against the incidents as they stand (`table`).
    private func record(_ pass: Pass, passes: [Pass], table: [String: IncidentRecord]) -> Outcome {
        var outcome = Outcome(providerID: pass.providerID)
        var records: [String: IncidentRecord] = [:]
        var touched: [String] = []
        let own = complaints[pass.providerID] ?? []
        for step in pass.steps {
            guard let incident = step.incident, Self.touches(step) else { continue }
            let stepEnd = step.signal.start.addingTimeInterval(pass.interval)
            let stillOpen = pass.final?.id == incident.id && pass.final?.isOpen == true
            var record =
                records[incident.id] ?? table[incident.id]
                ?? opening(incident, step: step, pass: pass, stillOpen: stillOpen)
            let evidence = Self.slice(own, from: record.firstComplaintAt, to: stepEnd)
            let cause = commonCause(of: pass, at: step.signal.start, passes: passes, table: table, evidence: evidence)
            Self.update(
                &record, incident: incident, step: step, evidence: evidence, cause: cause, interval: pass.interval)
            if !touched.contains(incident.id) { touched.append(incident.id) }
            records[incident.id] = record
            guard let event = step.event else { continue }
            outcome.events.append(event)
            // Old news is not posted (a catch-up after a long pause or new settings): an event long
            // past goes out only while its incident is still open, or when it ends an incident the
            // chat last saw open.
            let wasOpen = stored[incident.id].map { $0.resolvedAt == nil } ?? false
            let lateResolution = event.kind == .resolved && wasOpen
            let recent = stepEnd >= now.addingTimeInterval(-announceWindow)
            guard record.announced && (stillOpen || lateResolution || recent) else { continue }
            if combineCommonCause, event.kind == .opened, let cause,
                let lead = lead(of: cause, passes: passes, table: table)
            {
                // The event is in `lead`'s thread: this incident is kept for status and reports.
                record.announced = false
                record.commonCause = (record.commonCause ?? cause.summary) + IncidentRecord.inAlertOfMarker + lead.id
                records[incident.id] = record
                outcome.joins.append(
                    Join(
                        leadID: lead.id, leadProviderID: lead.providerID,
                        joining: Joining(
                            providerName: pass.providerName, record: record, step: step, evidence: evidence,
                            interval: pass.interval, cause: cause)))
                continue
            }
            outcome.announcements.append(
                Announcement(event: event, step: step, record: record, evidence: evidence, cause: cause))
        }
        outcome.incidents = touched.compactMap { records[$0] }
        return outcome
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
        record.sources = rankedSources(
            evidence.filter { !$0.repost }, adding: record.sources + incident.sources.sorted())
        record.resolvedAt = incident.resolvedAt
        if record.commonCause == nil, let cause { record.commonCause = cause.summary }
    }

    /// Other providers spiking within a quarter hour before this interval (in this run: alarming, or as
    /// loud as an ongoing alarm needs; or with an incident opened and still open), judged with their
    /// posts of the last hour.
    ///
    /// A provider on the rise counts as spiking: an app outage reaches its ISPs' customers minutes apart,
    /// and the first ISP to alarm would otherwise be told it is alone while the others are a step away.
    private func commonCause(
        of pass: Pass, at start: Date, passes: [Pass], table: [String: IncidentRecord], evidence: [Complaint]
    ) -> CommonCause? {
        let recent = start.addingTimeInterval(-CommonCause.window)...start
        var others: [(id: String, name: String)] = []
        for other in passes where other.providerID != pass.providerID {
            let rising = other.steps.contains { $0.signal.elevated && recent.contains($0.signal.start) }
            // One event in one thread: an open incident that alarmed within the quarter hour spikes
            // still, though this run has no loud step of it (it eased a moment ago, or had nothing
            // new to count), so a provider spiking now joins its thread instead of opening its own.
            let alarmed = combineCommonCause && other.final.map { $0.isOpen && recent.contains($0.lastAlarmAt) } == true
            if rising || alarmed { others.append((other.providerID, other.providerName)) }
        }
        let opened = start.addingTimeInterval(-CommonCause.window)...start.addingTimeInterval(CommonCause.window)
        for other in providers where other.id != pass.providerID && !others.contains(where: { $0.id == other.id }) {
            let open = table.values.contains { incident in
                incident.providerID == other.id && incident.resolvedAt == nil && opened.contains(incident.openedAt)
            }
            if open { others.append(other) }
        }
        guard !others.isEmpty else { return nil }
        let hour = start.addingTimeInterval(-3_600)
        var complaints = evidence.filter { $0.event.time >= hour }
        for other in others {
            complaints += Self.slice(
                self.complaints[other.id] ?? [], from: hour, to: start.addingTimeInterval(pass.interval))
        }
        return CommonCause.assess(others: others.map(\.name), complaints: complaints.filter { !$0.repost })
    }

    /// The event's lead: the earliest-opened open, announced incident of a provider the cause names
    /// as spiking too, whose provider is detected in this run (its thread numbering is the tracker's,
    /// which this run saves).
    private func lead(of cause: CommonCause, passes: [Pass], table: [String: IncidentRecord]) -> IncidentRecord? {
        let leads = passes.filter { cause.others.contains($0.providerName) }.compactMap { pass -> IncidentRecord? in
            guard let final = pass.final, final.isOpen, let record = table[final.id] else { return nil }
            return record.resolvedAt == nil && record.announced ? record : nil
        }
        return leads.min { ($0.openedAt, $0.id) < ($1.openedAt, $1.id) }
    }

    /// The interval a lead with nothing new to count in this run counted last (its latest one ending by
    /// ``now``), at its peak's usual: the update naming the providers that joined reports it with.
    private func lastCounted(_ record: IncidentRecord, final: Incident, interval: TimeInterval) -> DetectionStep {
        let start = VoiceCounter.intervalStart(of: now, interval: interval).addingTimeInterval(-interval)
        let signal = SpikeSignal(
            start: start, count: 0, expected: record.peakExpected ?? 0, dispersion: 0, tailProbability: 1, surprise: 0,
            alarm: false)
        return DetectionStep(signal: signal, event: nil, incident: final, posts: 0, authors: 0, sources: [:])
    }

    /// A new incident's row: its first complaint is the earliest in the evidence window that alarmed
    /// (the burst's start), so the opening message counts everyone since then. The window may reach
    /// back an hour, past what this run counted (a poll every interval counts its last three), so the
    /// stored complaints are searched too, with the late ones this run counted.
    private func opening(_ incident: Incident, step: DetectionStep, pass: Pass, stillOpen: Bool) -> IncidentRecord {
        let raised = incident.openedAt.addingTimeInterval(pass.interval)
        let span = max(step.signal.window, pass.interval)
        let window = raised.addingTimeInterval(-span)..<raised
        let stored = Self.slice(complaints[pass.providerID] ?? [], from: window.lowerBound, to: raised)
        let voiced = (stored + pass.counted).filter { window.contains($0.event.time) && !$0.repost }
        let first = voiced.map(\.event.time).min() ?? incident.openedAt
        return IncidentRecord(
            id: incident.id, providerID: pass.providerID, firstComplaintAt: first, openedAt: raised,
            announced: stillOpen || raised >= now.addingTimeInterval(-announceWindow))
    }

    /// Source names by how many complaints each carried, most first; `known` ones without any stay last.
    static func rankedSources(_ complaints: [Complaint], adding known: [String]) -> [String] {
        var counts: [String: Int] = [:]
        for complaint in complaints { counts[complaint.source, default: 0] += 1 }
        for source in known where counts[source] == nil { counts[source] = 0 }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
    }

    /// The complaints (oldest first) published in `[from, to)`, found by bisection.
    static func slice(_ complaints: [Complaint], from: Date, to: Date) -> [Complaint] {
        func firstIndex(notBefore time: Date) -> Int {
            var low = 0
            var high = complaints.count
            while low < high {
                let middle = (low + high) / 2
                if complaints[middle].event.time < time { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let lower = firstIndex(notBefore: from)
        let upper = max(lower, firstIndex(notBefore: to))
        return Array(complaints[lower..<upper])
    }
}
