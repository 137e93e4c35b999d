// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Posts a ``WebhookRequest`` and turns whatever happens into a ``DeliveryResult`` value;
/// it never throws, and nothing it returns names the URL (the URL is the secret).
public struct WebhookSender: Sendable {
    /// Seconds for the whole exchange before it counts as a timeout (retried later).
    public var timeout: TimeInterval
    public var userAgent: String

    public init(timeout: TimeInterval = 15, userAgent: String = "failwatch/\(FailwatchVersion.current) (+alerts)") {
        self.timeout = timeout
        self.userAgent = userAgent
    }

    /// Sends one request.
    /// - Parameter now: reference time for a `Retry-After` given as a date.
    public func send(_ request: WebhookRequest, now: Date = Date()) async -> DeliveryResult {
        do {
            let (data, response) = try await exchange(request)
            guard let http = response as? HTTPURLResponse else {
                return .retryLater(reason: "no http response", retryAfter: nil)
            }
            return DeliveryResult.classify(
                status: http.statusCode, body: data, retryAfter: http.value(forHTTPHeaderField: "Retry-After"),
                now: now, secretParts: Self.secretParts(of: request.url))
        } catch let error as URLError {
            return Self.result(for: error.code)
        } catch {
            return .retryLater(reason: "network error", retryAfter: nil)
        }
    }

    /// One request and its answer, nothing judged: the status and body, or the `URLError`
    /// (also for ``Announcer``, which posts to the provider's own account).
    public func exchange(_ request: WebhookRequest) async throws -> (Data, URLResponse) {
        var urlRequest = URLRequest(
            url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        return try await session.data(for: urlRequest)
    }

    /// Network failures in our own words: `URLError`'s descriptions embed the URL.
    static func result(for code: URLError.Code) -> DeliveryResult {
        switch code {
        case .timedOut: .retryLater(reason: "timed out", retryAfter: nil)
        case .cannotConnectToHost: .retryLater(reason: "connection refused", retryAfter: nil)
        case .cannotFindHost, .dnsLookupFailed: .retryLater(reason: "host not found", retryAfter: nil)
        case .networkConnectionLost: .retryLater(reason: "connection lost", retryAfter: nil)
        case .notConnectedToInternet: .retryLater(reason: "no network", retryAfter: nil)
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            .retryLater(reason: "tls handshake failed", retryAfter: nil)
        case .badURL, .unsupportedURL:
            .rejected(status: 0, reason: "the url cannot be used; hint: check the sink's url")
        case .httpTooManyRedirects, .redirectToNonExistentLocation:
            .rejected(status: 0, reason: "redirected too often; hint: use the webhook url itself")
        default: .retryLater(reason: "network error \(code.rawValue)", retryAfter: nil)
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
