// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// Picks the renderer for a sink's platform: the one place a new ``SinkKind`` must be added.
public enum AlertPayload {
    /// The JSON document `message` becomes on `sink`.
    /// - Parameters:
    ///   - sink: its kind picks the format; its `mention:` goes before opening and test alerts on chat
    ///     platforms, its on-call settings fill PagerDuty's and Alertmanager's fields.
    ///   - now: when it is sent; Alertmanager's `endsAt` of an open incident counts from it.
    public static func render(_ message: AlertMessage, for sink: SinkConfig, now: Date) -> JSONValue {
        switch sink.kind {
        case .slack: SlackPayload.render(message, mention: sink.mention)
        case .mattermost: MattermostPayload.render(message, mention: sink.mention)
        case .discord: DiscordPayload.render(message, mention: sink.mention)
        case .teams: TeamsPayload.render(message, mention: sink.mention)
        case .googlechat: GoogleChatPayload.render(message, mention: sink.mention)
        case .webhook: WebhookPayload.render(message)
        case .pagerduty: PagerDutyPayload.render(message, settings: sink.onCall ?? OnCallSettings())
        case .alertmanager: AlertmanagerPayload.render(message, settings: sink.onCall ?? OnCallSettings(), now: now)
        }
    }

    /// The request body: compact UTF-8 JSON with sorted keys.
    public static func body(_ message: AlertMessage, for sink: SinkConfig, now: Date) -> Data {
        render(message, for: sink, now: now).encoded()
    }
}
