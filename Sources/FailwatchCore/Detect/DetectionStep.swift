// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One interval as detection saw it: the signal, the incident after it, and the evidence behind it.
public struct DetectionStep: Sendable {
    public var signal: SpikeSignal
    /// The tracker's event for the interval (opened, escalated, resolved), if any.
    public var event: IncidentEvent?
    /// The tracker's incident after the interval (open, or resolved and cooling down).
    public var incident: Incident?
    /// Outage complaints (posts) in the interval.
    public var posts: Int
    /// Distinct authors of those posts.
    public var authors: Int
    /// Sources that carried them, with their post counts.
    public var sources: [String: Int]

    public init(
        signal: SpikeSignal, event: IncidentEvent?, incident: Incident?, posts: Int, authors: Int,
        sources: [String: Int]
    ) {
        self.signal = signal
        self.event = event
        self.incident = incident
        self.posts = posts
        self.authors = authors
        self.sources = sources
    }
}
