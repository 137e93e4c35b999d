// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One outage as chat sees it: a single conversation, opened once, updated, resolved.
public struct Incident: Codable, Hashable, Sendable {
    /// Stable id: the provider and the opening interval.
    public var id: String
    public var openedAt: Date
    /// The latest interval that alarmed.
    public var lastAlarmAt: Date
    /// Set while the incident is resolved (it may still reopen during the cool-down).
    public var resolvedAt: Date?
    /// The number of the latest announced update (0 = the opening message).
    public var update: Int
    /// The volume in the latest announcement: escalation compares against it.
    public var announcedVolume: Double
    /// The largest count seen in the incident.
    public var peakCount: Double
    /// Sources announced in the incident's messages.
    public var sources: Set<String>
    /// The latest announcement said "active" (so a resolution is worth a message).
    public var announcedActive: Bool
    /// When the latest message went out (the opening or an update).
    public var announcedAt: Date?

    public var isOpen: Bool { resolvedAt == nil }
}
