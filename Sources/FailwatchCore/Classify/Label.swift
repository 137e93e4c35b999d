// SPDX-License-Identifier: Apache-2.0

/// What a post says about a provider, from most to least alarming; later stages count outages.
public enum Label: String, Codable, Sendable, CaseIterable {
    /// The service is down or not working.
    case outage
    /// Another grievance: billing, support, speed, delays.
    case complaint
    /// Negative, but no grievance with a service.
    case negative
    case neutral
    case positive

    /// Whether the label counts as a complaint (outages are complaints too).
    public var isComplaint: Bool { self == .outage || self == .complaint }
}
