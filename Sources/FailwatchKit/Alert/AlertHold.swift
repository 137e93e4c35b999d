// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchStore
import Foundation

/// Whether alerts about a provider wait at a given time, and why: a stored silence
/// (`failwatch silence`) or a maintenance window from feeds.yml. Pure: the run loads the
/// silences once and asks it per provider and time.
public struct AlertHold: Sendable, Equatable {
    public var silences: [Silence]
    /// Maintenance windows by provider id.
    public var maintenance: [String: [MaintenanceWindow]]

    public init(silences: [Silence] = [], providers: [ProviderConfig] = []) {
        self.silences = silences
        self.maintenance = Dictionary(
            providers.filter { !$0.maintenance.isEmpty }.map { ($0.id, $0.maintenance) }) { first, _ in first }
    }

    /// Nothing is held.
    public static let none = AlertHold()

    /// Why alerts about `provider` are held at `date`; `nil` when they are not.
    public func reason(provider: String, at date: Date) -> String? {
        if let silence = silences.last(where: { $0.providerID == provider && $0.isActive(at: date) }) {
            return silence.summary
        }
        return maintenance[provider]?.first { $0.contains(date) }?.summary
    }
}
