// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// Picks the renderer for a sink's platform: the one place a new ``SinkKind`` must be added.
public enum AlertPayload {
    /// The JSON document `message` becomes on `kind`.
    /// - Parameters:
    ///   - mention: the sink's `mention:`, put before opening and test alerts; ignored by `webhook`.
    public static func render(_ message: AlertMessage, for kind: SinkKind, mention: String? = nil) -> JSONValue {
        switch kind {
        case .slack: SlackPayload.render(message, mention: mention)
        case .mattermost: MattermostPayload.render(message, mention: mention)
        case .discord: DiscordPayload.render(message, mention: mention)
        case .teams: TeamsPayload.render(message, mention: mention)
        case .googlechat: GoogleChatPayload.render(message, mention: mention)
        case .webhook: WebhookPayload.render(message)
        }
    }

    /// The request body: compact UTF-8 JSON with sorted keys.
    public static func body(_ message: AlertMessage, for kind: SinkKind, mention: String? = nil) -> Data {
        render(message, for: kind, mention: mention).encoded()
    }
}
