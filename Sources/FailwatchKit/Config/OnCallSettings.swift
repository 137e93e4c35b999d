// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What an on-call sink (`kind: pagerduty`, `kind: alertmanager`) needs beyond a URL: how
/// urgent an outage is to the team, PagerDuty's routing key, and how long Alertmanager keeps
/// an alert firing without hearing from failwatch again.
public struct OnCallSettings: Sendable, Equatable {
    /// The severities both systems know, most urgent first.
    public static let severities = ["critical", "error", "warning", "info"]
    /// Where PagerDuty takes events when `url:` is not given.
    public static let pagerDutyURL = URL(string: "https://events.pagerduty.com/v2/enqueue")
    /// The path Alertmanager takes alerts at, added to a `url:` given without a path.
    public static let alertmanagerPath = "/api/v2/alerts"
    /// The path PagerDuty takes events at, added to a `url:` given without a path.
    public static let pagerDutyPath = "/v2/enqueue"

    /// `severity:` of openings and updates (`critical` unless set); test alerts are always `info`.
    public var severity: String
    /// PagerDuty's integration key (`routing_key:`, from `${ENV}`); a secret, never printed.
    public var routingKey: String?
    /// Alertmanager: each post of an open incident sets `endsAt` this far ahead, and every poll run
    /// posts it again, so the alert stays firing while failwatch runs and ends by itself this long
    /// after failwatch stopped (`expire_after:`, default 1h; Alertmanager's own `resolve_timeout`
    /// then never applies, since every post carries `endsAt`).
    public var expireAfter: TimeInterval

    public init(severity: String = "critical", routingKey: String? = nil, expireAfter: TimeInterval = 3_600) {
        self.severity = severity
        self.routingKey = routingKey
        self.expireAfter = expireAfter
    }
}
