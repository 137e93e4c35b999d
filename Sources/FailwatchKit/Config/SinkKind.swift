// SPDX-License-Identifier: Apache-2.0

/// Which chat platform (or plain webhook) a sink posts to, so each gets its own payload
/// format; a closed enum so a new platform is a compile error wherever it is not yet rendered.
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
}
