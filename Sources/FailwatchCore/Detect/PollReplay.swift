// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Several providers' complaints replayed as `poll` run at the end of every interval would have
/// handled them: at each run every provider with a whole interval to count advances its detector and
/// incident tracker by it, and the ``IncidentLedger`` (the code `poll` decides with) turns the steps
/// into incident rows and the messages that run sends, common cause and joined threads included.
/// `backtest --db` lists what this returns, so it reports what `poll` decides.
///
/// A complaint that reached `poll` late (``Complaint/countedAt``: after a run had counted its interval)
/// is unknown to the runs before that interval and counted in it, as `poll` counted it.
public struct PollReplay: Sendable {
    /// One watched provider with its settings and complaints.
    public struct Provider: Sendable {
        public var id: String
        public var name: String
        public var settings: DetectorSettings
        public var incidents: IncidentSettings
        /// Its outage complaints, oldest first (by publication time).
        public var complaints: [Complaint]
        /// Where its detection starts (its oldest post), as a first `poll` warms up from it.
        public var start: Date

        public init(
            id: String, name: String, settings: DetectorSettings, incidents: IncidentSettings,
            complaints: [Complaint], start: Date
        ) {
            self.id = id
            self.name = name
            self.settings = settings
            self.incidents = incidents
            self.complaints = complaints
            self.start = start
        }
    }

    /// A chat message the run at `sentAt` would have written for the provider.
    public struct Message: Sendable {
        public var sentAt: Date
        public var providerID: String
        public var announcement: IncidentLedger.Announcement
    }

    /// What the replay decided: every message, and every incident as it stood at the end, in the order
    /// they opened.
    public struct Result: Sendable {
        public var messages: [Message] = []
        public var incidents: [IncidentRecord] = []
    }

    public var providers: [Provider]
    /// feeds.yml `alerts: common_cause: combined` (``IncidentLedger/combineCommonCause``).
    public var combineCommonCause: Bool

    public init(providers: [Provider], combineCommonCause: Bool) {
        self.providers = providers
        self.combineCommonCause = combineCommonCause
    }

    /// One provider's detection state between runs, as a checkpoint keeps it.
    private struct State {
        var detector: any SeriesDetector
        var tracker: IncidentTracker
        var voices: VoiceLedger
        /// The start of the first interval not yet counted.
        var next: Date
    }

    /// Runs `poll` at every interval end up to `until` with the detector `kind`.
    public func run(kind: SeriesBacktest.DetectorKind = .failwatch, until: Date) -> Result {
        var states = providers.map { provider in
            State(
                detector: kind.detector(provider.settings),
                tracker: IncidentTracker(provider: provider.id, settings: provider.incidents),
                voices: VoiceLedger(memory: provider.settings.evidenceWindows.max() ?? 3_600),
                next: VoiceCounter.intervalStart(of: provider.start, interval: provider.settings.interval))
        }
        var result = Result()
        var table: [String: IncidentRecord] = [:]
        var order: [String] = []
        let names = providers.map { (id: $0.id, name: $0.name) }
        // Complaints that arrived late, by when they were counted: few, so each run scans them.
        let late = providers.map { $0.complaints.filter { $0.countedTime > $0.event.time } }
        while let now = providers.indices.map({ states[$0].next.addingTimeInterval(providers[$0].settings.interval) })
            .filter({ $0 <= until }).min()
        {
            var passes: [IncidentLedger.Pass] = []
            var advanced: [Int] = []
            for index in providers.indices {
                let provider = providers[index]
                let interval = provider.settings.interval
                guard states[index].next.addingTimeInterval(interval) <= now else {
                    // Nothing to count in this run; an open incident can still lead an event.
                    if combineCommonCause, let open = states[index].tracker.incident, open.isOpen {
                        passes.append(
                            IncidentLedger.Pass(
                                providerID: provider.id, providerName: provider.name, interval: interval, steps: [],
                                counted: [], final: open))
                        advanced.append(index)
                    }
                    continue
                }
                var state = states[index]
                // What the run reads: the interval and the two before it (`poll`'s look-back) as known
                // then, and the late arrivals it counts in its first interval.
                let counted =
                    Self.known(
                        IncidentLedger.slice(
                            provider.complaints, from: state.next.addingTimeInterval(-2 * interval), to: now),
                        at: now, late: !late[index].isEmpty)
                    + Self.arrived(late[index], from: state.next, to: now)
                let steps = DetectionReplay.advance(
                    &state.detector, &state.tracker, voices: &state.voices, complaints: counted, from: state.next,
                    to: now, interval: interval)
                state.next = now
                states[index] = state
                passes.append(
                    IncidentLedger.Pass(
                        providerID: provider.id, providerName: provider.name, interval: interval, steps: steps,
                        counted: counted, final: state.tracker.incident))
                advanced.append(index)
            }
            guard passes.contains(where: { $0.steps.contains(where: IncidentLedger.touches) }) else { continue }
            let touched = Set(passes.flatMap { $0.steps.filter(IncidentLedger.touches).compactMap(\.incident?.id) })
            var complaints: [String: [Complaint]] = [:]
            for (index, provider) in providers.enumerated() where complaints[provider.id] == nil {
                complaints[provider.id] = Self.known(provider.complaints, at: now, late: !late[index].isEmpty)
            }
            var ledger = IncidentLedger(
                providers: names, stored: table.filter { touched.contains($0.key) || $0.value.resolvedAt == nil },
                complaints: complaints, now: now)
            ledger.combineCommonCause = combineCommonCause
            for (index, outcome) in zip(advanced, ledger.record(passes)) {
                for incident in outcome.incidents {
                    if table[incident.id] == nil { order.append(incident.id) }
                    table[incident.id] = incident
                }
                if let update = outcome.threadUpdate, let id = states[index].tracker.incident?.id {
                    states[index].tracker.noteMessage(update, incidentID: id)
                }
                result.messages += outcome.announcements.map {
                    Message(sentAt: now, providerID: outcome.providerID, announcement: $0)
                }
            }
        }
        result.incidents = order.compactMap { table[$0] }
        return result
    }

    /// The complaints a run counting up to `now` knew: all but those that arrived late, in an interval
    /// from `now` on (`late`: whether the provider has any that arrived late).
    static func known(_ complaints: [Complaint], at now: Date, late: Bool) -> [Complaint] {
        late ? complaints.filter { $0.countedTime < now } : complaints
    }

    /// The late arrivals a run counts: those counted in `[from, to)`, at `from` (the first interval the
    /// run counts), as `poll` reads them from the store.
    static func arrived(_ late: [Complaint], from: Date, to: Date) -> [Complaint] {
        late.filter { $0.countedTime >= from && $0.countedTime < to }.map { complaint in
            var moved = complaint
            moved.event.time = from
            return moved
        }
    }
}
