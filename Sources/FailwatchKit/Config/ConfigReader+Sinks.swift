// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import Yams

/// The `sinks:` section: chat webhooks that alerts are posted to. Optional, so a config
/// without any secret in the environment still loads. Webhook URLs are secrets: messages
/// quote them only in their `${VAR}` form, never expanded and never a literal URL.
extension ConfigReader {
    static let sinkKeys = ["name", "kind", "url", "providers", "secret", "mention", "routing_key", "severity", "expire_after"]

    /// Reads every sink; names are unique, kinds known, provider references exist.
    mutating func readSinks(_ top: Fields, providerIDs: Set<String>) -> [SinkConfig] {
        guard let node = top["sinks"] else { return [] }
        guard case .sequence(let sequence) = node else {
            report(
                "expected a list for 'sinks' \(top.context), found \(Self.shape(of: node))"
                    + "; hint: list sinks as '- name: ...' lines, or remove the key",
                at: node.mark)
            return []
        }
        return uniquelyNamed(Array(sequence), kind: "sink") { reader, node, index in
            // A command that sends nothing loads without the sink's secrets, and without the sink.
            let unset = reader.unsetSecrets.count
            reader.deferring = true
            defer { reader.deferring = false }
            let read = reader.readSink(node, index: index, providerIDs: providerIDs)
            return reader.unsetSecrets.count > unset ? (nil, read.name) : read
        }
    }

    /// - Returns: the sink when valid, and its name (for the duplicate check) when readable.
    private mutating func readSink(
        _ node: Node, index: Int, providerIDs: Set<String>
    ) -> (sink: SinkConfig?, name: Scalar?) {
        let context = Self.label("sink", node, index: index)
        guard
            let fields = fields(
                of: node, allowed: Self.sinkKeys, context: context, expected: "a mapping with name:, kind: and url:")
        else { return (nil, nil) }
        let name = text(fields, "name")
        if fields["name"] == nil { reportMissing("name", in: fields) }
        let kind = readSinkKind(fields)
        var url: (url: URL, display: String)?
        if let scalar = text(fields, "url") {
            url = readSinkURL(scalar, context: context).map { (Self.onCallEndpoint($0.url, kind: kind), $0.display) }
        } else if fields["url"] == nil, kind == .pagerduty, let events = OnCallSettings.pagerDutyURL {
            url = (events, "https://events.pagerduty.com/…")
        } else if fields["url"] == nil {
            reportMissing(
                "url", in: fields,
                hint: kind == .alertmanager
                    ? "the Alertmanager's address, e.g. url: http://alertmanager.internal:9093"
                    : "keep the webhook URL in the environment, e.g. url: ${SLACK_WEBHOOK_URL}")
        }
        let scope = readScope(fields, providerIDs: providerIDs)
        let secret = readSecret(fields, kind: kind)
        let mention = text(fields, "mention")
        if let mention, let kind, !kind.isChat {
            report(
                "'mention' \(fields.context) is not used by kind \(kind.rawValue); hint: remove it, or notify in the receiving program",
                at: mention.mark)
        }
        let onCall = readOnCall(fields, kind: kind)
        guard let name, let kind, let url, let scope, let secret, let onCall else { return (nil, name) }
        let sink = SinkConfig(
            name: name.value, kind: kind, url: url.url, providers: scope, secret: secret,
            mention: mention?.value, displayURL: url.display, onCall: onCall)
        return (sink, name)
    }

    private mutating func readSinkKind(_ fields: Fields) -> SinkKind? {
        let kinds = SinkKind.allCases.map(\.rawValue)
        guard let scalar = text(fields, "kind") else {
            if fields["kind"] == nil {
                reportMissing("kind", in: fields, hint: "one of \(kinds.joined(separator: ", "))")
            }
            return nil
        }
        if let kind = SinkKind(rawValue: scalar.value) { return kind }
        let guess = ConfigSuggestion.closest(to: scalar.value, among: kinds)
        report(
            "unknown kind '\(scalar.raw)' \(fields.context)"
                + (guess.map { " (did you mean '\($0)'?)" }
                    ?? "; hint: supported kinds are \(kinds.joined(separator: ", "))"),
            at: scalar.mark)
        return nil
    }

    /// An on-call system's endpoint: a `url:` given as the bare address (no path) gets the API's path.
    static func onCallEndpoint(_ url: URL, kind: SinkKind?) -> URL {
        let path: String
        switch kind {
        case .pagerduty: path = OnCallSettings.pagerDutyPath
        case .alertmanager: path = OnCallSettings.alertmanagerPath
        default: return url
        }
        guard url.path.isEmpty || url.path == "/", var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        else { return url }
        components.path = path
        return components.url ?? url
    }

    /// `routing_key:`, `severity:` and `expire_after:`: `.some(nil)` for sinks that are no on-call
    /// system (where these keys are refused), `nil` when wrong (reported).
    private mutating func readOnCall(_ fields: Fields, kind: SinkKind?) -> OnCallSettings?? {
        let keys: [(String, Set<SinkKind>)] = [
            ("routing_key", [.pagerduty]), ("severity", [.pagerduty, .alertmanager]), ("expire_after", [.alertmanager]),
        ]
        var refused = false
        for (key, kinds) in keys {
            guard let kind, let node = fields[key], !kinds.contains(kind) else { continue }
            let users = kinds.map(\.rawValue).sorted().joined(separator: " and ")
            report("'\(key)' \(fields.context) is only used by kind \(users); hint: remove it", at: node.mark)
            refused = true
        }
        guard let kind, kind == .pagerduty || kind == .alertmanager else { return refused ? nil : .some(nil) }
        var settings = OnCallSettings()
        var valid = !refused
        if let severity = text(fields, "severity") {
            if OnCallSettings.severities.contains(severity.value) {
                settings.severity = severity.value
            } else {
                report(
                    "unknown severity '\(severity.raw)' \(fields.context); hint: one of "
                        + OnCallSettings.severities.joined(separator: ", "), at: severity.mark)
                valid = false
            }
        } else if fields["severity"] != nil {
            valid = false
        }
        if kind == .pagerduty {
            if let key = text(fields, "routing_key") {
                settings.routingKey = key.value
            } else {
                if fields["routing_key"] == nil {
                    reportMissing(
                        "routing_key", in: fields,
                        hint: "the integration key of an Events API v2 integration, e.g. routing_key: ${PAGERDUTY_ROUTING_KEY}")
                }
                valid = false
            }
        }
        if fields["expire_after"] != nil {
            if let seconds = duration(fields, "expire_after", minimum: 5 * 60, maximum: 7 * 86_400) {
                settings.expireAfter = seconds
            } else {
                valid = false
            }
        }
        return valid ? .some(settings) : nil
    }

    /// An http(s) URL with a host. The value is never quoted unless written as `${VAR}`.
    private mutating func readSinkURL(_ scalar: Scalar, context: String) -> (url: URL, display: String)? {
        let quoted = scalar.usesVariables ? " '\(scalar.raw)'" : ""
        guard let url = URL(string: scalar.value), let scheme = url.scheme?.lowercased() else {
            report(
                "invalid webhook url\(quoted) \(context); hint: it should look like https://hooks.example.com/...",
                at: scalar.mark)
            return nil
        }
        guard scheme == "http" || scheme == "https" else {
            report("unsupported url scheme '\(scheme)' \(context); hint: use https", at: scalar.mark)
            return nil
        }
        guard let host = url.host, !host.isEmpty else {
            report("webhook url\(quoted) \(context) has no host", at: scalar.mark)
            return nil
        }
        let display = scalar.usesVariables ? scalar.raw : "\(scheme)://\(host)/…"
        return (url, display)
    }

    /// `.some(nil)` when no secret applies, `.some(value)` when given, `nil` when wrong (reported).
    private mutating func readSecret(_ fields: Fields, kind: SinkKind?) -> String?? {
        let secret = text(fields, "secret")
        switch (kind, secret) {
        case (.webhook, .some(let secret)):
            return .some(secret.value)
        case (.webhook, nil):
            if fields["secret"] == nil {
                reportMissing(
                    "secret", in: fields,
                    hint: "kind webhook signs every request with it; e.g. secret: ${FAILWATCH_WEBHOOK_SECRET}")
            }
            return nil
        case (_, .some(let secret)):
            report(
                "'secret' \(fields.context) is only used by kind webhook; hint: remove it", at: secret.mark)
            return nil
        case (_, nil):
            return fields["secret"] == nil ? .some(nil) : nil
        }
    }
}
