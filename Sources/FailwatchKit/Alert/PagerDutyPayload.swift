// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchStore
import Foundation

/// An event for PagerDuty's Events API v2 (`kind: pagerduty`): an opening or update triggers
/// (PagerDuty folds every trigger with the same `dedup_key` into one alert), a resolution resolves.
/// The incident id is the `dedup_key`, so a retried or replayed message never opens a second alert.
///
/// Spec: https://developer.pagerduty.com/docs/events-api-v2/trigger-events/ — `summary` at most
/// 1,024 characters, `dedup_key` at most 255; the answer is 202 when taken, 400 for an invalid
/// event (not retried soon), 429 when rate limited and 5xx when down (both retried).
enum PagerDutyPayload {
    static let summaryLimit = 1024

    static func render(_ message: AlertMessage, settings: OnCallSettings) -> JSONValue {
        let key = JSONValue.string(settings.routingKey ?? "")
        guard message.kind != .resolved else {
            return ["routing_key": key, "event_action": "resolve", "dedup_key": .string(message.incidentID)]
        }
        var details: [String: JSONValue] = [
            "complaints": .int(message.complaints),
            "people": .int(message.authors),
            "usual": .double(message.usual),
            "interval_minutes": .int(Int(message.interval / 60)),
            "first_complaint": .string(FeedDate.iso8601UTC(message.firstComplaint)),
            "sources": .array(message.sources.map { .string($0) }),
            "official": .string(AlertText.clean(message.officialLine, limit: 500)),
            "notes": .array(message.notes.map { .string(AlertText.clean($0, limit: 500)) }),
            "samples": .array(message.shownSamples.map { post in
                [
                    "author": .string(AlertText.clean(post.author, limit: 100)),
                    "text": .string(AlertText.clean(post.text, limit: 300)),
                    "link": .optional(post.link?.absoluteString),
                ]
            }),
            "incident_id": .string(message.incidentID),
            "update_number": .int(message.updateNumber),
        ]
        if let symptoms = message.symptoms { details["symptoms"] = .string(symptoms) }
        if let places = message.places { details["places"] = .string(places) }
        var event: [String: JSONValue] = [
            "routing_key": key,
            "event_action": "trigger",
            "dedup_key": .string(message.incidentID),
            "client": "failwatch",
            "payload": [
                "summary": .string(AlertText.clean(message.headline, limit: summaryLimit)),
                "source": .string(AlertText.clean(message.provider.name, limit: 200)),
                "severity": .string(message.kind == .test ? "info" : settings.severity),
                "timestamp": .string(FeedDate.iso8601UTC(message.createdAt)),
                "component": .string(message.provider.id),
                "group": "failwatch",
                "class": "customer-reported outage",
                "custom_details": .object(details),
            ],
        ]
        if let link = message.moreLink?.absoluteString {
            event["client_url"] = .string(link)
            event["links"] = [["href": .string(link), "text": "more about this incident"]]
        }
        return .object(event)
    }
}
