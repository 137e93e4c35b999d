// SPDX-License-Identifier: Apache-2.0
import Foundation

/// When an incident counts as over, and how long a flapping signal stays part of the same incident.
public struct IncidentSettings: Codable, Hashable, Sendable {
    /// Seconds without an alarm after which an open incident is resolved.
    public var quietTime: TimeInterval
    /// Seconds after a resolution during which a new alarm reopens the same incident silently.
    public var coolDown: TimeInterval
    /// An open incident is escalated when its volume reaches this multiple of the last announced volume.
    public var escalationFactor: Double
    /// Volume is the sum of counts over this many seconds up to the current interval; 0 (the default,
    /// which measured better on NAB) is the current interval alone.
    public var volumeWindow: TimeInterval
    /// Escalate when a source not yet heard in this incident joins it.
    public var escalateOnNewSources: Bool

    public init(
        quietTime: TimeInterval = 3_600, coolDown: TimeInterval = 12 * 3_600,
        escalationFactor: Double = 2, volumeWindow: TimeInterval = 0,
        escalateOnNewSources: Bool = true
    ) {
        self.quietTime = quietTime
        self.coolDown = coolDown
        self.escalationFactor = escalationFactor
        self.volumeWindow = volumeWindow
        self.escalateOnNewSources = escalateOnNewSources
    }
}
