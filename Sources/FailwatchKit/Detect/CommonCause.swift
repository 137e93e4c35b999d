// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Several providers spiking in the same interval: the cause is likely upstream of all of them.
///
/// When a messenger app is down, people blame their ISPs; the alert should say so.
public struct CommonCause: Codable, Hashable, Sendable {
    /// The providers alarming together, sorted.
    public var providers: [String]
    /// The interval they share.
    public var start: Date

    /// One line for the alert, e.g. "likely upstream: 3 providers at once (a, b, c)".
    public var summary: String {
        "likely upstream: \(providers.count) providers at once (\(providers.joined(separator: ", ")))"
    }

    /// Finds a common cause among the providers' signals for one interval.
    ///
    /// - Parameters:
    ///   - signals: each provider's signal for the same interval.
    ///   - minimumProviders: how many must alarm together (at least 2).
    /// - Returns: the common cause, or `nil` when fewer providers alarm.
    public static func assess(_ signals: [String: SpikeSignal], minimumProviders: Int = 3) -> CommonCause? {
        let alarming = signals.filter(\.value.alarm)
        guard alarming.count >= max(minimumProviders, 2), let start = alarming.values.map(\.start).min()
        else { return nil }
        return CommonCause(providers: alarming.keys.sorted(), start: start)
    }
}
