// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One alert of Prometheus Alertmanager's `GET /api/v2/alerts` (a JSON array of
/// `gettableAlert`); only what a one-line summary needs.
///
/// Spec: https://github.com/prometheus/alertmanager/blob/main/api/v2/openapi.yaml
public struct AlertmanagerAlert: Decodable {
    struct Status: Decodable {
        /// `active`, `suppressed` or `unprocessed`.
        var state: String?
    }

    var labels: [String: String]?
    var annotations: [String: String]?
    var status: Status?
    var startsAt: String?

    /// `alertname`, else `summary`, else a placeholder: what an on-call reader recognises.
    public var name: String {
        labels?["alertname"]?.nonEmpty ?? annotations?["summary"]?.nonEmpty ?? "unnamed alert"
    }

    /// Counted unless Alertmanager says it is silenced or inhibited (the query asks for
    /// active ones only; older versions ignore the filter, so it is checked again here).
    public var isActive: Bool { (status?.state ?? "active") == "active" }
}
