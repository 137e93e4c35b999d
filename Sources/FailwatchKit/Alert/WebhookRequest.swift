// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// One HTTP request to a sink, built purely from the message and the sink, so the outbox can
/// rebuild it identically on every retry (only the signature's timestamp changes).
public struct WebhookRequest: Sendable, Equatable {
    /// `POST`, or `PATCH` to edit a message in place.
    public var method: String
    /// Holds the webhook's secret token: never log it.
    public var url: URL
    public var headers: [String: String]
    public var body: Data

    public init(method: String, url: URL, headers: [String: String], body: Data) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The request that delivers `message` to `sink`.
    ///
    /// Discord is asked to answer with the created message (`?wait=true`), whose id the
    /// outbox keeps; given that id as `updating`, later messages of the incident edit the
    /// first one (`PATCH …/messages/{id}`) instead of adding new ones. Google Chat posts
    /// follow-ups into the incident's thread. Other platforms' incoming webhooks can neither
    /// edit nor thread, so `updating` is ignored and a short follow-up is posted.
    /// - Parameters:
    ///   - now: signs `kind: webhook` requests; Alertmanager's `endsAt` of an open incident counts from it.
    ///   - updating: the platform's id of the message to replace, from an earlier ``DeliveryResult``.
    public static func make(
        for message: AlertMessage, sink: SinkConfig, now: Date, updating messageID: String? = nil
    ) -> WebhookRequest {
        let body = AlertPayload.body(message, for: sink, now: now)
        var headers = [
            "Content-Type": "application/json; charset=utf-8",
            "Idempotency-Key": message.idempotencyKey,
        ]
        var method = "POST"
        var url = sink.url
        switch sink.kind {
        case .discord:
            if let messageID, sink.kind.canEditMessages {
                method = "PATCH"
                url = url.appendingPathComponent("messages").appendingPathComponent(messageID)
            } else {
                url = adding(query: "wait", value: "true", to: url)
            }
        case .webhook:
            if let secret = sink.secret {
                headers.merge(WebhookSignature.headers(body: body, secret: secret, now: now)) { $1 }
            }
            headers["X-Failwatch-Event"] = message.kind.rawValue
        case .googlechat:
            url = adding(query: "messageReplyOption", value: "REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD", to: url)
        case .slack, .mattermost, .teams, .pagerduty, .alertmanager:
            break
        }
        return WebhookRequest(method: method, url: url, headers: headers, body: body)
    }

    private static func adding(query name: String, value: String, to url: URL) -> URL {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        var items = components.queryItems ?? []
        items.removeAll { $0.name == name }
        items.append(URLQueryItem(name: name, value: value))
        components.queryItems = items
        return components.url ?? url
    }
}

extension SinkKind {
    /// Whether an incoming webhook of this platform can edit a message it posted.
    public var canEditMessages: Bool { self == .discord }
}
