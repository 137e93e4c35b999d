// SPDX-License-Identifier: Apache-2.0

/// Which chat platform, plain webhook or on-call system a sink posts to, so each gets its own
/// payload format; a closed enum so a new platform is a compile error wherever it is not yet rendered.
public enum SinkKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// Slack incoming webhook, Block Kit with a `text` fallback.
    case slack
    /// Mattermost incoming webhook, `text` plus Slack-style `attachments`.
    case mattermost
    /// Discord webhook, embeds; mentions disabled unless configured.
    case discord
    /// Microsoft Teams workflow ("When a Teams webhook request is received"), an Adaptive Card.
    case teams
    /// Google Chat space webhook, `cardsV2` with a `text` line.
    case googlechat
    /// Any HTTP endpoint: failwatch's own versioned JSON, signed with HMAC-SHA256.
    case webhook
    /// PagerDuty Events API v2: trigger, then resolve, with the incident as `dedup_key`.
    case pagerduty
    /// Prometheus Alertmanager API v2 (`POST /api/v2/alerts`): one alert per incident, `endsAt` on resolve.
    case alertmanager

    /// Whether the sink pages people on call (PagerDuty, Alertmanager): it takes incidents, never a digest.
    public var isOnCall: Bool { self == .pagerduty || self == .alertmanager }

    /// Whether the sink is a chat room that people read (mentions, message text), rather than a program.
    public var isChat: Bool {
        switch self {
        case .slack, .mattermost, .discord, .teams, .googlechat: true
        case .webhook, .pagerduty, .alertmanager: false
        }
    }
}
