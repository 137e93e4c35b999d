// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// One place alerts are posted to, with the providers it wants to hear about.
public struct SinkConfig: Sendable, Equatable {
    /// Unique name, used in output (`slack-noc: delivered (HTTP 200)`) and as the outbox key.
    public var name: String
    /// The platform, which decides the payload format.
    public var kind: SinkKind
    /// The webhook URL, `${VAR}`s expanded. A secret (it carries the token): never log it, log
    /// ``displayURL`` instead.
    public var url: URL
    /// Providers whose incidents go to this sink (`providers:`, default `any`).
    public var providers: ProviderScope
    /// HMAC-SHA256 key for `kind: webhook` (required there, refused elsewhere); never printed.
    public var secret: String?
    /// Text put before an opening alert to notify people, in the platform's own syntax
    /// (`<!here>` on Slack, `<@&ROLE_ID>` on Discord, `@channel` on Mattermost); trusted, as written.
    public var mention: String?
    /// The URL as written in feeds.yml when it uses `${VAR}`, else only its scheme and host,
    /// so it is safe for logs and errors.
    public var displayURL: String
    /// The on-call settings of `kind: pagerduty` and `kind: alertmanager`; `nil` for chat and webhook sinks.
    public var onCall: OnCallSettings?

    public init(
        name: String, kind: SinkKind, url: URL, providers: ProviderScope = .any, secret: String? = nil,
        mention: String? = nil, displayURL: String? = nil, onCall: OnCallSettings? = nil
    ) {
        self.name = name
        self.kind = kind
        self.url = url
        self.providers = providers
        self.secret = secret
        self.mention = mention
        self.displayURL = displayURL ?? "\(url.scheme ?? "https")://\(url.host ?? "")/…"
        self.onCall = onCall
    }

    /// Values that must never appear in output: the secret and the routing key.
    public var secrets: [String] { [secret, onCall?.routingKey].compactMap { $0 } }
}

extension FeedsConfig {
    /// The sinks that want alerts about the provider `id`, in file order.
    public func sinks(for providerID: String) -> [SinkConfig] {
        sinks.filter { $0.providers.includes(providerID) }
    }
}
