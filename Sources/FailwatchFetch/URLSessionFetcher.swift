// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The production fetcher: one shared URLSession, safe to call from many tasks at once.
///
/// On Linux per-task delegates are ignored, so one session-level delegate
/// (`FetchSessionDelegate`) enforces redirects, size caps and the deadline for every task.
public final class URLSessionFetcher: HTTPFetching {
    private let policy: FetchPolicy
    private let session: URLSession
    private let delegate: FetchSessionDelegate

    /// - Parameter policy: timeouts, size caps, redirect limit and User-Agent for every request.
    public init(policy: FetchPolicy = FetchPolicy()) {
        self.policy = policy
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.timeoutIntervalForRequest = policy.timeout
        configuration.timeoutIntervalForResource = policy.timeout
        // Inline: the size caps must act while libcurl inflates (see InlineOperationQueue).
        let queue = InlineOperationQueue()
        queue.name = "failwatch.fetch"
        queue.maxConcurrentOperationCount = 1
        delegate = FetchSessionDelegate(policy: policy)
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
    }

    deinit {
        session.invalidateAndCancel()
    }

    public func fetch(_ request: FetchRequest) async -> FetchResult {
        switch request.url.scheme?.lowercased() {
        case "http", "https":
            return await fetchHTTP(request)
        case "file":
            return FileFetcher.fetch(request, policy: policy)
        case let scheme:
            return .failed(.unsupportedScheme(scheme ?? ""))
        }
    }

    private func fetchHTTP(_ request: FetchRequest) async -> FetchResult {
        let task = session.dataTask(with: Self.urlRequest(for: request, policy: policy))
        let delegate = self.delegate
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                delegate.start(task, request: request, continuation: continuation)
            }
        } onCancel: {
            // Before `start` this makes the task finish at once with "cancelled".
            task.cancel()
        }
    }

    /// The URLRequest for a fetch: defaults first, then validators, then the caller's headers.
    static func urlRequest(for request: FetchRequest, policy: FetchPolicy) -> URLRequest {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = "GET"
        urlRequest.timeoutInterval = policy.timeout
        urlRequest.cachePolicy = .reloadIgnoringLocalCacheData
        urlRequest.setValue(policy.userAgent, forHTTPHeaderField: "User-Agent")
        if let etag = request.etag, !etag.isEmpty {
            urlRequest.setValue(etag, forHTTPHeaderField: "If-None-Match")
        }
        if let lastModified = request.lastModified, !lastModified.isEmpty {
            urlRequest.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since")
        }
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        return urlRequest
    }
}
