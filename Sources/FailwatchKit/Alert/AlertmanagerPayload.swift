// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchStore
import Foundation

/// The body of `POST /api/v2/alerts` for `kind: alertmanager`: a list of one `postableAlert`
/// whose labels name the incident, so Alertmanager groups, routes, silences and inhibits it like
/// any alert of Prometheus.
///
/// Labels (the alert's identity, the same in every post of an incident): `alertname`
/// (`CustomerReportedOutage`, `FailwatchTestAlert` for test-alert), `provider`, `incident`,
/// `severity`. Annotations: `summary` (the headline), `description` (counts, official word,
/// notes) and `samples` (the complaints an alert shows, with their links, one a line). `startsAt` is the first complaint. While the incident is open `endsAt` lies
/// ``OnCallSettings/expireAfter`` ahead and every poll run posts the alert again; the
/// resolution posts `endsAt` = the time it resolved.
///
/// Spec: https://github.com/prometheus/alertmanager/blob/main/api/v2/openapi.yaml (`postableAlerts`).
enum AlertmanagerPayload {
    static let outageName = "CustomerReportedOutage"
    static let testName = "FailwatchTestAlert"
    /// How long a test alert fires before it ends by itself.
    static let testDuration: TimeInterval = 300

    /// - Parameter now: when the post is made; `endsAt` of an open incident counts from it.
    static func render(_ message: AlertMessage, settings: OnCallSettings, now: Date) -> JSONValue {
        let test = message.kind == .test
        let ends: Date =
            switch message.kind {
            case .resolved: message.createdAt
            case .test: now.addingTimeInterval(testDuration)
            case .opened, .updated: now.addingTimeInterval(settings.expireAfter)
            }
        let description = ([message.countsLine, message.officialLine, message.sourcesLine] + message.notes)
            .map { AlertText.clean($0, limit: 500) }.joined(separator: "\n")
        let samples = message.shownSamples.map { post in
            AlertText.clean("\(post.author): \(post.text)", limit: 300) + (post.link.map { " \($0.absoluteString)" } ?? "")
        }
        var alert: [String: JSONValue] = [
            "labels": [
                "alertname": .string(test ? testName : outageName),
                "provider": .string(message.provider.id),
                "incident": .string(message.incidentID),
                "severity": .string(test ? "info" : settings.severity),
            ],
            "annotations": [
                "summary": .string(AlertText.clean(message.headline, limit: 1024)),
                "description": .string(AlertText.truncate(description, limit: 2000)),
                "samples": .string(samples.joined(separator: "\n")),
            ],
            "startsAt": .string(FeedDate.iso8601UTC(test ? now : message.firstComplaint)),
            "endsAt": .string(FeedDate.iso8601UTC(max(ends, test ? now : message.firstComplaint))),
        ]
        if let link = message.moreLink?.absoluteString { alert["generatorURL"] = .string(link) }
        return [.object(alert)]
    }
}
