// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import Foundation

/// What one delivery attempt came to, as data the outbox stores: sent, try again later, or
/// give up. Reasons never contain the webhook URL.
public enum DeliveryResult: Sendable, Equatable, CustomStringConvertible {
    /// The sink accepted the message (2xx). `messageID` is the platform's id of the posted
    /// message when it returns one (Discord with `?wait=true`), for editing it later.
    case delivered(status: Int, messageID: String?)
    /// Worth retrying: 5xx, 408, 429, a timeout or a refused connection. `retryAfter` is the
    /// server's `Retry-After` in seconds, when it sent one.
    case retryLater(reason: String, retryAfter: TimeInterval?)
    /// The sink refused it (4xx other than 408/429, e.g. 404 for a deleted or mistyped webhook):
    /// retrying the same URL soon cannot help, the configuration must change. The outbox still
    /// tries again on ``DeliveryBackoff``'s slow schedule until `give_up_after`, so a fixed URL
    /// delivers. `status` is 0 when no HTTP answer came.
    case rejected(status: Int, reason: String)

    public var isDelivered: Bool {
        if case .delivered = self { return true }
        return false
    }

    /// Whether the sink refused (``rejected(status:reason:)``) rather than being down for a while.
    public var isRefusal: Bool {
        if case .rejected = self { return true }
        return false
    }

    /// `delivered (HTTP 200)`, `failed: http 503 … (will retry)`, `failed: http 404 …`.
    public var description: String {
        switch self {
        case .delivered(let status, _):
            return "delivered (HTTP \(status))"
        case .retryLater(let reason, let retryAfter):
            let wait = retryAfter.flatMap { UntrustedNumber.integer($0.rounded(.up)) }.map { ", retry after \($0)s" } ?? ""
            return "failed: \(reason) (temporary\(wait))"
        case .rejected(_, let reason):
            return "failed: \(reason)"
        }
    }

    /// The same result with every secret of the sink (a routing key sent in the body, which an
    /// answer may echo) replaced by `…` in its reason.
    public func hiding(_ secrets: [String]) -> DeliveryResult {
        func clean(_ reason: String) -> String {
            secrets.filter { $0.count >= 6 }.reduce(reason) { $0.replacingOccurrences(of: $1, with: "…") }
        }
        switch self {
        case .delivered: return self
        case .retryLater(let reason, let retryAfter): return .retryLater(reason: clean(reason), retryAfter: retryAfter)
        case .rejected(let status, let reason): return .rejected(status: status, reason: clean(reason))
        }
    }

    /// Classifies an HTTP answer.
    /// - Parameters:
    ///   - body: the response body; a short, one-line excerpt goes into the reason, with
    ///     anything looking like `secretParts` (the URL's path segments) removed.
    ///   - retryAfter: the `Retry-After` header, if any.
    ///   - now: for `Retry-After` given as an HTTP date.
    public static func classify(
        status: Int, body: Data, retryAfter: String?, now: Date, secretParts: [String] = []
    ) -> DeliveryResult {
        if (200..<300).contains(status) {
            return .delivered(status: status, messageID: messageID(in: body))
        }
        let reason = "http \(status)" + (excerpt(body, hiding: secretParts).map { ": \($0)" } ?? "")
        if status == 429 || status == 408 || status >= 500 {
            let wait =
                retryAfter.flatMap { RetryAfter(headerValue: $0)?.until(now: now).timeIntervalSince(now) }
                ?? bodyRetryAfter(body)
            return .retryLater(reason: reason, retryAfter: wait)
        }
        return .rejected(status: status, reason: reason + hint(status))
    }

    private static func hint(_ status: Int) -> String {
        switch status {
        case 404, 410: "; hint: the webhook no longer exists, create a new one and update the sink's url"
        case 401, 403: "; hint: the webhook refused the token, check the sink's url"
        default: ""
        }
    }

    /// Discord answers `?wait=true` with the message object, whose `id` is a string.
    private static func messageID(in body: Data) -> String? {
        guard !body.isEmpty, let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            return nil
        }
        return object["id"] as? String
    }

    /// Discord puts the wait into the 429 body as `retry_after` (seconds, fractional).
    private static func bodyRetryAfter(_ body: Data) -> TimeInterval? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
            let seconds = object["retry_after"] as? Double, seconds.isFinite, seconds >= 0
        else { return nil }
        return min(seconds, RetryAfter.longest)
    }

    /// At most 120 characters of the body, one line, secrets removed.
    private static func excerpt(_ body: Data, hiding secretParts: [String]) -> String? {
        var text = String(decoding: body.prefix(2048), as: UTF8.self)
        for part in secretParts where part.count >= 6 {
            text = text.replacingOccurrences(of: part, with: "…")
        }
        let line = AlertText.clean(text, limit: 120)
        return line.isEmpty ? nil : line
    }
}
