// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// failwatch's own JSON for `kind: webhook`, schema `failwatch.alert.v1`, for receivers that
/// are programs rather than chat rooms.
///
/// Fields (all present; absent values are `null`):
/// - `schema`: `"failwatch.alert.v1"`; a new major version gets a new name.
/// - `event`: `opened` | `updated` | `resolved` | `test`.
/// - `idempotency_key`: `<incident_id>-<update_number>`, also sent as `Idempotency-Key`;
///   a receiver that saw it already should answer 2xx and ignore the repeat.
/// - `incident_id` (string), `update_number` (int, 0 = opening), `created_at` (ISO 8601 UTC).
/// - `provider`: `{id, name}`; `headline`: the one-line summary.
/// - `complaints`: `{count, usual, interval_seconds, authors, first_at}`.
/// - `sources`: source names; `samples`: `[{text, author, link, time, source}]`.
/// - `official`: `{status_page, last_official_post, monitoring, last_official_channel,
///   last_official_text, last_word}`: when and where (X, Facebook, the status page…) the
///   provider last spoke, what it said, and the alert's sentence about it ("last official post on
///   X 3 days ago (…): … · no official word yet, 23 min after the first complaint").
/// - `holding_statements`: `[{language, text}]`, suggested first statements (opening and test only).
/// - `silent_outage` (bool), `providers_at_once` (int), `more_link` (string or null).
/// - `common_cause`, `symptoms`, `places`: one line each ("WhatsApp named in 60% of posts; Kabelfix
///   spikes too", "most reported: SMS 70%, calls 20%", "reports from: Graz 4, Linz 2") or null.
/// - `opening_lost` (bool): true on the first update or resolution a receiver gets of an
///   incident whose opening could not be delivered (given up after `alerts: give_up_after`).
/// - `joined` (only in a message that names providers joining the event, with `alerts:
///   common_cause: combined`; absent otherwise): `[{provider: {id, name}, incident_id, complaints:
///   {count, usual, interval_seconds, authors}}]`, the providers whose spike is part of this
///   incident's event and that get no alert of their own.
///
/// Post texts are raw (only control and direction-override characters removed, cut to 2000
/// characters): escape them before display. Every request is signed, see ``WebhookSignature``.
enum WebhookPayload {
    static let schema = "failwatch.alert.v1"
    static let sampleLimit = 2000

    static func render(_ message: AlertMessage) -> JSONValue {
        let samples: [JSONValue] = message.samples.prefix(AlertMessage.maximumSamples).map { post in
            [
                "text": .string(AlertText.clean(post.text, limit: sampleLimit)),
                "author": .string(AlertText.clean(post.author, limit: 200)),
                "link": .optional(post.link?.absoluteString),
                "time": .string(FeedDate.iso8601UTC(post.time)),
                "source": .string(post.source),
            ]
        }
        var payload: JSONValue = [
            "schema": .string(schema),
            "event": .string(message.kind.rawValue),
            "idempotency_key": .string(message.idempotencyKey),
            "incident_id": .string(message.incidentID),
            "update_number": .int(message.updateNumber),
            "created_at": .string(FeedDate.iso8601UTC(message.createdAt)),
            "provider": ["id": .string(message.provider.id), "name": .string(message.provider.name)],
            "headline": .string(message.headline),
            "complaints": [
                "count": .int(message.complaints),
                "usual": .double(message.usual),
                "interval_seconds": .int(Int(message.interval)),
                "authors": .int(message.authors),
                "first_at": .string(FeedDate.iso8601UTC(message.firstComplaint)),
            ],
            "sources": .array(message.sources.map { .string($0) }),
            "samples": .array(samples),
            "official": [
                "status_page": .optional(message.official.statusPage.map { AlertText.clean($0, limit: 500) }),
                "last_official_post": .optional(message.official.lastOfficialPost.map(FeedDate.iso8601UTC)),
                "monitoring": .optional(message.official.monitoring.map { AlertText.clean($0, limit: 500) }),
                "last_official_channel": .optional(message.official.lastOfficialChannel),
                "last_official_text": .optional(
                    message.official.lastOfficialText.map { AlertText.clean($0, limit: 500) }),
                "last_word": .string(AlertText.clean(message.lastWordPhrase, limit: 1000)),
            ],
            "holding_statements": .array(
                message.holdingLines.isEmpty
                    ? []
                    : (message.holdingStatements ?? []).map { statement in
                        [
                            "language": .string(statement.language),
                            "text": .string(AlertText.clean(statement.text, limit: 1000)),
                        ]
                    }),
            "silent_outage": .bool(message.silentOutage),
            "providers_at_once": .int(message.providersAtOnce),
            "common_cause": .optional(message.commonCause),
            "symptoms": .optional(message.symptoms),
            "places": .optional(message.places),
            "more_link": .optional(message.moreLink?.absoluteString),
            "opening_lost": .bool(message.openingLost),
        ]
        if let joined = message.joined, !joined.isEmpty, case .object(var fields) = payload {
            fields["joined"] = .array(
                joined.map { other in
                    [
                        "provider": ["id": .string(other.provider.id), "name": .string(other.provider.name)],
                        "incident_id": .string(other.incidentID),
                        "complaints": [
                            "count": .int(other.complaints), "usual": .double(other.usual),
                            "interval_seconds": .int(Int(other.interval)), "authors": .int(other.authors),
                        ],
                    ]
                })
            payload = .object(fields)
        }
        return payload
    }
}
