// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A change of an incident worth one chat message, with the key that makes sending it idempotent.
public struct IncidentEvent: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case opened, escalated, resolved
    }

    public var kind: Kind
    public var incidentID: String
    /// 0 for the opening, then 1, 2, … for each later message of the same incident.
    public var update: Int
    /// The interval that caused the event.
    public var time: Date
    /// The count of that interval.
    public var count: Double
    /// The baseline of that interval.
    public var expected: Double
    /// Sources heard in the incident so far.
    public var sources: [String]

    /// "incident id#update": the outbox sends each key once.
    public var idempotencyKey: String { "\(incidentID)#\(update)" }

    public init(
        kind: Kind, incidentID: String, update: Int, time: Date, count: Double, expected: Double,
        sources: [String] = []
    ) {
        self.kind = kind
        self.incidentID = incidentID
        self.update = update
        self.time = time
        self.count = count
        self.expected = expected
        self.sources = sources
    }
}
