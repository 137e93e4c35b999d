// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import Foundation

/// Posts a ``WebhookRequest`` and turns whatever happens into a ``DeliveryResult`` value;
/// it never throws, and nothing it returns names the URL (the URL is the secret).
///
/// It goes through the same ``HTTPClient`` as fetching: one transport, one deadline for
/// the whole exchange, redirects bounded, the answer's size capped.
public struct WebhookSender: Sendable {
    /// Seconds for the whole exchange before it counts as a timeout (retried later).
    public var timeout: TimeInterval {
        get { client.policy.timeout }
        set { client.policy.timeout = newValue }
    }
    public var userAgent: String {
        get { client.policy.userAgent }
        set { client.policy.userAgent = newValue }
    }
    private var client: HTTPClient

    /// A chat platform's answer is a few hundred bytes; a megabyte is something else.
    static let maxAnswerBytes = 1024 * 1024

    public init(
        timeout: TimeInterval = 15, userAgent: String = "failwatch/\(FailwatchVersion.current) (+alerts)",
        transport: any HTTPTransport = CurlTransport()
    ) {
        client = HTTPClient(
            transport: transport,
            policy: FetchPolicy(
                timeout: timeout, maxBodyBytes: Self.maxAnswerBytes, maxDecompressedBytes: Self.maxAnswerBytes,
                userAgent: userAgent))
    }

    /// Sends one request.
    /// - Parameter now: reference time for a `Retry-After` given as a date.
    public func send(_ request: WebhookRequest, now: Date = Date()) async -> DeliveryResult {
        switch await exchange(request) {
        case .success(let response):
            return DeliveryResult.classify(
                status: response.status, body: response.body, retryAfter: response.headers["retry-after"],
                now: now, secretParts: Self.secretParts(of: request.url))
        case .failure(let error):
            return Self.result(for: error, url: request.url)
        }
    }

    /// One request and its answer, nothing judged (also for ``Announcer``, which posts to the
    /// provider's own account).
    public func exchange(_ request: WebhookRequest) async -> Result<HTTPResponse, FetchError> {
        var http = HTTPRequest(method: request.method, url: request.url, headers: request.headers, body: request.body)
        http.setting("User-Agent", to: userAgent)
        return await client.send(http)
    }

    /// Network failures in our own words: ``FetchError`` already leaves the URL out, and
    /// only what the operator can act on is said; a library message loses the URL's parts.
    static func result(for error: FetchError, url: URL) -> DeliveryResult {
        switch error {
        case .timedOut: .retryLater(reason: "timed out", retryAfter: nil)
        case .connectionRefused: .retryLater(reason: "connection refused", retryAfter: nil)
        case .hostNotFound: .retryLater(reason: "host not found", retryAfter: nil)
        case .tls: .retryLater(reason: "tls handshake failed", retryAfter: nil)
        case .unsupportedScheme, .unsupportedRedirect:
            .rejected(status: 0, reason: "the url cannot be used; hint: check the sink's url")
        case .tooManyRedirects, .redirectLoop:
            .rejected(status: 0, reason: "redirected too often; hint: use the webhook url itself")
        case .bodyTooLarge, .decompressedTooLarge:
            .retryLater(reason: "answer larger than \(FetchError.formatBytes(maxAnswerBytes))", retryAfter: nil)
        case .network(let detail):
            .retryLater(
                reason: "network error: "
                    + secretParts(of: url).reduce(detail) {
                        $1.count >= 6 ? $0.replacingOccurrences(of: $1, with: "…") : $0
                    }, retryAfter: nil)
        case .badContentEncoding, .http, .fileNotFound, .fileUnreadable, .cancelled:
            .retryLater(reason: error.description, retryAfter: nil)
        }
    }

    /// Path segments and query values of the URL, which hold webhook tokens.
    static func secretParts(of url: URL) -> [String] {
        var parts = url.pathComponents.filter { $0 != "/" }
        if let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems {
            parts += items.compactMap(\.value)
        }
        return parts + [url.absoluteString]
    }
}
