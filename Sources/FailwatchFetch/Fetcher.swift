// SPDX-License-Identifier: Apache-2.0
public import FailwatchCore
import Foundation

/// The production fetcher: conditional GETs over an ``HTTPClient`` and `file://` reads,
/// safe to call from many tasks at once.
public struct Fetcher: HTTPFetching {
    public var client: HTTPClient

    /// - Parameters:
    ///   - policy: timeouts, size caps, redirect limit and User-Agent for every request.
    ///   - transport: libcurl unless a test asks for another.
    public init(policy: FetchPolicy = FetchPolicy(), transport: any HTTPTransport = CurlTransport()) {
        client = HTTPClient(transport: transport, policy: policy)
    }

    public func fetch(_ request: FetchRequest) async -> FetchResult {
        switch request.url.scheme?.lowercased() {
        case "http", "https":
            return await fetchHTTP(request)
        case "file":
            return FileFetcher.fetch(request, policy: client.policy)
        case let scheme:
            return .failed(.unsupportedScheme(scheme ?? ""))
        }
    }

    private func fetchHTTP(_ request: FetchRequest) async -> FetchResult {
        if Task.isCancelled { return .failed(.cancelled) }
        switch await client.send(Self.httpRequest(for: request), wantsBody: { Self.bodyMatters($0, request) }) {
        case .success(let response): return Self.result(of: response, for: request)
        case .failure(let error): return .failed(error)
        }
    }

    /// The GET for a fetch: validators first, the caller's headers over them.
    static func httpRequest(for request: FetchRequest) -> HTTPRequest {
        var http = HTTPRequest(url: request.url)
        if let etag = request.etag, !etag.isEmpty { http.setting("If-None-Match", to: etag) }
        if let lastModified = request.lastModified, !lastModified.isEmpty {
            http.setting("If-Modified-Since", to: lastModified)
        }
        for (name, value) in request.headers { http.setting(name, to: value) }
        return http
    }

    /// Only a changed 2xx body is read; an error page or an unchanged feed is cut at its head.
    private static func bodyMatters(_ head: HTTPResponseHead, _ request: FetchRequest) -> Bool {
        (200..<300).contains(head.status)
            && ConditionalGET.isModified(
                status: head.status, responseETag: head.headers["etag"],
                responseLastModified: head.headers["last-modified"], storedETag: request.etag,
                storedLastModified: request.lastModified)
    }

    /// What the final response means for the source.
    static func result(of response: HTTPResponse, for request: FetchRequest) -> FetchResult {
        let etag = response.headers["etag"]
        let lastModified = response.headers["last-modified"]
        switch response.status {
        case 200..<300:
            let head = HTTPResponseHead(status: response.status, headers: response.headers)
            guard bodyMatters(head, request) else {
                return .notModified(etag: etag ?? request.etag, lastModified: lastModified ?? request.lastModified)
            }
            return .fetched(
                FetchedBody(
                    data: response.body, contentType: response.headers["content-type"], etag: etag,
                    lastModified: lastModified, finalURL: response.url, status: response.status,
                    headers: response.headers))
        case 304:
            return .notModified(etag: etag ?? request.etag, lastModified: lastModified ?? request.lastModified)
        case 429, 503:
            let retryAfter =
                response.headers["retry-after"].flatMap(RetryAfter.init(headerValue:))
                ?? RateLimit(headers: response.headers).resetAfter
            return .retryLater(status: response.status, retryAfter: retryAfter)
        default:
            return .failed(.http(status: response.status))
        }
    }
}
