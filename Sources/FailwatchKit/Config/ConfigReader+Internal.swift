// SPDX-License-Identifier: Apache-2.0
import Foundation
import Yams

/// `internal:` under a provider: its own monitoring, an Alertmanager or a health URL.
extension ConfigReader {
    static let internalKeys = ["alertmanager", "health", "filter", "headers", "timeout"]

    /// Reads `internal:`; `nil` (reported) when it is malformed, `nil` silently when absent.
    mutating func readInternalMonitor(_ provider: Fields) -> InternalMonitor? {
        guard let node = provider["internal"] else { return nil }
        let context = "in 'internal' \(provider.context)"
        guard
            let fields = fields(
                of: node, allowed: Self.internalKeys, context: context,
                expected: "a mapping with alertmanager: or health:")
        else { return nil }
        let alertmanager = text(fields, "alertmanager")
        let health = text(fields, "health")
        let filter = textList(fields, "filter").map(\.value)
        let headers = headers(fields, "headers")
        let timeout = duration(fields, "timeout", minimum: 1, maximum: 60)
        let check: InternalMonitor.Check
        let scalar: Scalar
        switch (alertmanager, health) {
        case let (url?, nil):
            (check, scalar) = (.alertmanager(filter: filter), url)
        case let (nil, url?):
            if let node = fields["filter"] {
                report("'filter' \(context) only applies to alertmanager:; hint: remove it", at: node.mark)
                return nil
            }
            (check, scalar) = (.health, url)
        case (.some, .some):
            report(
                "'internal' \(provider.context) has both alertmanager: and health:; hint: keep one", at: fields.mark)
            return nil
        case (nil, nil):
            if fields["alertmanager"] == nil && fields["health"] == nil {
                report(
                    "'internal' \(provider.context) needs alertmanager: or health:; hint: e.g. "
                        + "alertmanager: http://alertmanager:9093 or health: https://probe.example.net/healthz",
                    at: fields.mark)
            }
            return nil
        }
        guard let url = URL(string: scalar.value), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            !(url.host ?? "").isEmpty
        else {
            report(
                "invalid url '\(scalar.raw)' \(context); hint: write http://host:port or https://host/path",
                at: scalar.mark)
            return nil
        }
        return InternalMonitor(
            check: check, url: url, displayURL: scalar.usesVariables ? scalar.raw : url.absoluteString,
            headers: headers, timeout: timeout ?? InternalMonitor.defaultTimeout)
    }
}
