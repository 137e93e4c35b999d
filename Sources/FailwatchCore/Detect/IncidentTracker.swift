// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Turns a stream of detector signals into one conversation per outage: open, escalate, resolve.
///
/// A pure state machine: the value is the state (`Codable`, for the store to keep between cron runs),
/// ``step(_:sources:)`` takes one interval's signal and returns at most one event.
/// - opened: the first alarm (outside a cool-down);
/// - escalated: the people of the last hour (``SpikeSignal/lastHourPeople``, or the counts over
///   ``IncidentSettings/volumeWindow`` when one is set) reached ``IncidentSettings/escalationFactor``
///   times the last announced number; or, once ``IncidentSettings/settleTime`` has passed since the last
///   message, a source not yet announced carried ``IncidentSettings/newSourcePosts`` complaints;
/// - resolved: no alarm for ``IncidentSettings/quietTime``.
/// An alarm within ``IncidentSettings/coolDown`` after a resolution reopens the same incident
/// silently, so a flapping signal does not post a new incident every run.
public struct IncidentTracker: Codable, Sendable {
    public private(set) var settings: IncidentSettings
    public private(set) var provider: String
    /// The latest incident, open or recently resolved.
    public private(set) var incident: Incident?
    /// Recent intervals (start, count) within ``IncidentSettings/volumeWindow``: the volume.
    private var recent: [RecentCount] = []
    /// Complaints per source heard in the incident but not yet announced.
    private var unannounced: [String: Int] = [:]

    private struct RecentCount: Codable, Sendable {
        var start: Date
        var count: Double
    }

    public init(provider: String, settings: IncidentSettings = IncidentSettings()) {
        self.provider = provider
        self.settings = settings
    }

    /// Advances the state machine by one interval.
    ///
    /// - Parameters:
    ///   - signal: the detector's signal for the interval.
    ///   - sources: complaints per source in the interval (for updates and evidence).
    /// - Returns: the event to announce, if any.
    public mutating func step(_ signal: SpikeSignal, sources: [String: Int] = [:]) -> IncidentEvent? {
        recent.removeAll { signal.start.timeIntervalSince($0.start) >= settings.volumeWindow }
        recent.append(RecentCount(start: signal.start, count: signal.count))
        let volume = settings.volumeWindow > 0 ? recent.reduce(0) { $0 + $1.count } : signal.lastHourPeople
        guard signal.alarm else { return resolveIfQuiet(at: signal) }
        guard var current = incident, isAlive(current, at: signal.start) else {
            unannounced = [:]
            return open(signal, volume: volume, sources: Set(sources.keys))
        }
        for (source, posts) in sources where !current.sources.contains(source) {
            unannounced[source, default: 0] += posts
        }
        current.resolvedAt = nil
        current.lastAlarmAt = signal.start
        current.peakCount = max(current.peakCount, signal.count)
        let louder = volume >= settings.escalationFactor * current.announcedVolume
        let settled = signal.start.timeIntervalSince(current.announcedAt ?? current.openedAt) >= settings.settleTime
        let joined = unannounced.filter { $0.value >= settings.newSourcePosts }
        let news = settings.escalateOnNewSources && settled && !joined.isEmpty
        defer { incident = current }
        guard louder || news else { return nil }
        current.sources.formUnion(joined.keys)
        for source in joined.keys { unannounced[source] = nil }
        current.update += 1
        current.announcedVolume = max(volume, current.announcedVolume)
        current.announcedAt = signal.start
        current.announcedActive = true
        return event(.escalated, current, signal)
    }

    /// Takes the number of a message sent in the incident's thread that the tracker did not raise
    /// (another provider joining its event), so the next update follows it instead of repeating it.
    public mutating func noteMessage(_ update: Int, incidentID: String) {
        guard var current = incident, current.id == incidentID, update > current.update else { return }
        current.update = update
        incident = current
    }

    /// An incident is alive while open, or resolved less than the cool-down ago.
    private func isAlive(_ incident: Incident, at time: Date) -> Bool {
        guard let resolvedAt = incident.resolvedAt else { return true }
        return time.timeIntervalSince(resolvedAt) <= settings.coolDown
    }

    private mutating func open(_ signal: SpikeSignal, volume: Double, sources: Set<String>) -> IncidentEvent {
        let opened = Incident(
            id: "\(provider)-\(Int(signal.start.timeIntervalSince1970))", openedAt: signal.start,
            lastAlarmAt: signal.start, resolvedAt: nil, update: 0, announcedVolume: volume,
            peakCount: signal.count, sources: sources, announcedActive: true, announcedAt: signal.start)
        incident = opened
        return event(.opened, opened, signal)
    }

    private mutating func resolveIfQuiet(at signal: SpikeSignal) -> IncidentEvent? {
        guard var current = incident, current.isOpen,
            signal.start.timeIntervalSince(current.lastAlarmAt) >= settings.quietTime
        else { return nil }
        current.resolvedAt = signal.start
        defer { incident = current }
        guard current.announcedActive else { return nil }
        current.announcedActive = false
        current.update += 1
        return event(.resolved, current, signal)
    }

    private func event(_ kind: IncidentEvent.Kind, _ incident: Incident, _ signal: SpikeSignal) -> IncidentEvent {
        IncidentEvent(
            kind: kind, incidentID: incident.id, update: incident.update, time: signal.start,
            count: signal.count, expected: signal.expected, sources: incident.sources.sorted())
    }
}
