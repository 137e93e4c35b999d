// SPDX-License-Identifier: Apache-2.0
import Foundation

/// feeds.yml `alerts:`: what every alert carries besides the evidence, and how long it may wait.
public struct AlertsConfig: Sendable, Equatable {
    /// `more_link:` where readers find more (a dashboard, a report page); `nil` for none.
    public var moreLink: URL?
    /// `give_up_after:` an alert still undelivered this long after it was raised is dropped from
    /// the outbox with one line, so a sink that stays down for days does not replay a stale
    /// conversation when it comes back, nor keep the outbox growing.
    public var giveUpAfter: TimeInterval
    /// `common_cause:` how providers spiking together with one cause reach chat.
    public var commonCause: CommonCauseAlerts = .each

    /// `each`: every provider's alert says the cause ("WhatsApp named in 60% of posts; Kabelfix
    /// spikes too"); `combined`: the first alert of the event says it, the others' incidents are
    /// recorded without alerts of their own.
    public enum CommonCauseAlerts: String, Sendable, CaseIterable {
        case each, combined
    }
    /// `holding_statement:` the suggested first statement per language for every provider
    /// without its own; languages without one use ``HoldingTemplate/builtIn``.
    public var holdingStatements: [String: HoldingTemplate] = [:]

    /// Three days: long enough to ride out a weekend-long webhook outage.
    public static let defaultGiveUpAfter: TimeInterval = 3 * 86_400

    public init(moreLink: URL? = nil, giveUpAfter: TimeInterval = Self.defaultGiveUpAfter) {
        self.moreLink = moreLink
        self.giveUpAfter = giveUpAfter
    }
}
