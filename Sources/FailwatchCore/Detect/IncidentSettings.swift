// SPDX-License-Identifier: Apache-2.0
import Foundation

/// When an incident counts as over, and how long a flapping signal stays part of the same incident.
public struct IncidentSettings: Codable, Hashable, Sendable {
    /// Seconds without an alarm after which an open incident is resolved (half an hour by default).
    public var quietTime: TimeInterval
    /// Seconds after a resolution during which a new alarm reopens the same incident silently.
    public var coolDown: TimeInterval
    /// An open incident is escalated when its volume reaches this multiple of the last announced volume.
    public var escalationFactor: Double
    /// Volume is the sum of counts over this many seconds up to the current interval; 0 (the default)
    /// is the people of the detector's last hour.
    public var volumeWindow: TimeInterval
    /// Escalate when a source not yet heard in this incident joins it (after ``settleTime``, with
    /// ``newSourcePosts`` complaints).
    public var escalateOnNewSources: Bool
    /// After a message, the next update waits this long unless the people doubled (15 minutes): an
    /// opening followed at once by "update 1" tells the reader nothing.
    public var settleTime: TimeInterval
    /// A source joining an incident is news only with this many complaints (one post is not).
    public var newSourcePosts: Int

    public init(
        quietTime: TimeInterval = 1_800, coolDown: TimeInterval = 12 * 3_600,
        escalationFactor: Double = 2, volumeWindow: TimeInterval = 0,
        escalateOnNewSources: Bool = true, settleTime: TimeInterval = 900, newSourcePosts: Int = 2
    ) {
        self.quietTime = quietTime
        self.coolDown = coolDown
        self.escalationFactor = escalationFactor
        self.volumeWindow = volumeWindow
        self.escalateOnNewSources = escalateOnNewSources
        self.settleTime = settleTime
        self.newSourcePosts = newSourcePosts
    }
}
