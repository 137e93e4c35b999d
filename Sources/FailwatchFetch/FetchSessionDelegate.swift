// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The session-level delegate that enforces `FetchPolicy` while bytes arrive.
///
/// It keeps one `Transfer` per task, decides each task's `FetchResult` exactly once
/// (`finish`) and cancels the task as soon as the answer is known: a cap passed, a redirect
/// refused, the deadline hit, or a status that needs no body. Callbacks run inline on
/// FoundationNetworking's thread (``InlineOperationQueue``), `start` and the deadline timer on others, hence the lock.
final class FetchSessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// What is known about one running task.
    private struct Transfer {
        var request: FetchRequest
        var continuation: CheckedContinuation<FetchResult, Never>
        var deadline: DispatchWorkItem
        var visited: Set<String>
        var redirects = 0
        var body = Data()
        var isEncoded = false
        /// Decided from the headers (a 304) but left to complete so the connection is reused.
        var pending: FetchResult?
    }

    private let policy: FetchPolicy
    private let transfers = Locked<[Int: Transfer]>([:])

    init(policy: FetchPolicy) {
        self.policy = policy
    }

    /// Registers the task, arms its deadline and starts it.
    func start(
        _ task: URLSessionDataTask, request: FetchRequest, continuation: CheckedContinuation<FetchResult, Never>
    ) {
        let id = task.taskIdentifier
        let seconds = policy.timeout
        let deadline = DispatchWorkItem { [weak self, weak task] in
            self?.finish(id, .failed(.timedOut(seconds: seconds)))
            task?.cancel()
        }
        transfers.withLock {
            $0[id] = Transfer(
                request: request, continuation: continuation, deadline: deadline,
                visited: [request.url.absoluteString])
        }
        if Task.isCancelled {
            // The caller was cancelled before the task started; `resume` would not report back.
            finishAndCancel(task, .failed(.cancelled))
            return
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: deadline)
        task.resume()
    }

    /// Resumes the caller with `result` unless the task already has a result.
    private func finish(_ id: Int, _ result: FetchResult) {
        guard let transfer = transfers.withLock({ $0.removeValue(forKey: id) }) else { return }
        transfer.deadline.cancel()
        transfer.continuation.resume(returning: result)
    }

    private func finishAndCancel(_ task: URLSessionTask, _ result: FetchResult) {
        finish(task.taskIdentifier, result)
        Self.cancelLater(task)
    }

    /// Cancels from another thread: callbacks run on the task's own queue (inline), and
    /// `cancel()` waits for that queue, so calling it there would never return.
    private static func cancelLater(_ task: URLSessionTask) {
        DispatchQueue.global().async { task.cancel() }
    }

    // MARK: - Redirects

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        let id = task.taskIdentifier
        let verdict: Result<URLRequest, FetchError> = transfers.withLock { transfers in
            guard var transfer = transfers[id] else { return .failure(.cancelled) }
            guard let next = newRequest.url, let scheme = next.scheme?.lowercased(),
                scheme == "http" || scheme == "https"
            else {
                return .failure(.unsupportedRedirect(to: newRequest.url?.redactedDescription ?? "<none>"))
            }
            if transfer.visited.contains(next.absoluteString) {
                return .failure(.redirectLoop(at: next.redactedDescription))
            }
            if transfer.redirects >= policy.maxRedirects {
                return .failure(.tooManyRedirects(limit: policy.maxRedirects))
            }
            transfer.redirects += 1
            transfer.visited.insert(next.absoluteString)
            transfers[id] = transfer
            return .success(Self.redirected(newRequest, from: transfer.request, policy: policy))
        }
        switch verdict {
        case .success(let request):
            completionHandler(request)
        case .failure(let error):
            finish(id, .failed(error))
            completionHandler(nil)
            Self.cancelLater(task)
        }
    }

    /// The next hop's request: our defaults and validators again, the caller's own headers
    /// (often credentials) only while the host stays the same.
    private static func redirected(_ next: URLRequest, from original: FetchRequest, policy: FetchPolicy) -> URLRequest {
        var request = next
        var hop = original
        if next.url?.host?.lowercased() != original.url.host?.lowercased() {
            for name in original.headers.keys { request.setValue(nil, forHTTPHeaderField: name) }
            hop.headers = [:]
        }
        for (name, value) in URLSessionFetcher.urlRequest(for: hop, policy: policy).allHTTPHeaderFields ?? [:] {
            request.setValue(value, forHTTPHeaderField: name)
        }
        request.timeoutInterval = policy.timeout
        return request
    }

    // MARK: - Response and body

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let id = dataTask.taskIdentifier
        guard let http = response as? HTTPURLResponse else {
            finish(id, .failed(.network("not an http response")))
            completionHandler(.cancel)
            return
        }
        let decision: FetchResult? = transfers.withLock { transfers in
            guard var transfer = transfers[id] else { return .failed(.cancelled) }
            let result = decide(http, transfer: &transfer)
            transfers[id] = transfer
            return result
        }
        guard let decision else {
            completionHandler(.allow)
            return
        }
        if case .notModified = decision, http.statusCode == 304 {
            // Let the empty 304 complete so the keep-alive connection is reused.
            transfers.withLock { $0[id]?.pending = decision }
            completionHandler(.allow)
            return
        }
        finish(id, decision)
        completionHandler(.cancel)
    }

    /// The result the headers alone determine, or `nil` to receive the body.
    private func decide(_ http: HTTPURLResponse, transfer: inout Transfer) -> FetchResult? {
        let status = http.statusCode
        let etag = http.value(forHTTPHeaderField: "ETag")
        let lastModified = http.value(forHTTPHeaderField: "Last-Modified")
        let request = transfer.request
        switch status {
        case 200..<300:
            let modified = ConditionalGET.isModified(
                status: status, responseETag: etag, responseLastModified: lastModified,
                storedETag: request.etag, storedLastModified: request.lastModified)
            if !modified {
                return .notModified(etag: etag ?? request.etag, lastModified: lastModified ?? request.lastModified)
            }
            let encoding = http.value(forHTTPHeaderField: "Content-Encoding")?.lowercased() ?? "identity"
            transfer.isEncoded = encoding != "identity" && !encoding.isEmpty
            if http.expectedContentLength > Int64(policy.maxBodyBytes) {
                return .failed(.bodyTooLarge(limit: policy.maxBodyBytes))
            }
            return nil
        case 304:
            return .notModified(etag: etag ?? request.etag, lastModified: lastModified ?? request.lastModified)
        case 429, 503:
            let retryAfter =
                http.value(forHTTPHeaderField: "Retry-After").flatMap(RetryAfter.init(headerValue:))
                ?? RateLimit(headers: Self.headers(of: http)).resetAfter
            return .retryLater(status: status, retryAfter: retryAfter)
        default:
            return .failed(.http(status: status))
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let id = dataTask.taskIdentifier
        let overflow: FetchError? = transfers.withLock { transfers in
            // Only scalars are read out: a live copy of the transfer would share the body's
            // buffer and turn the in-place append below into a full copy per chunk, quadratic
            // in the body's size (a 50 MiB gzip bomb then outlasted the timeout).
            guard let isEncoded = transfers[id]?.isEncoded, transfers[id]?.pending == nil,
                let received = transfers[id]?.body.count
            else { return nil }
            // Bytes arrive decoded; for an encoded body the wire size was checked via Content-Length.
            let limit = isEncoded ? policy.maxDecompressedBytes : policy.maxBodyBytes
            if received + data.count > limit {
                return isEncoded ? .decompressedTooLarge(limit: limit) : .bodyTooLarge(limit: limit)
            }
            transfers[id]?.body.append(data)
            return nil
        }
        if let overflow { finishAndCancel(dataTask, .failed(overflow)) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let id = task.taskIdentifier
        guard let transfer = transfers.withLock({ $0[id] }) else { return }
        if let pending = transfer.pending {
            finish(id, pending)
            return
        }
        if let error {
            finish(id, .failed(Self.fetchError(for: error, url: transfer.request.url, policy: policy)))
            return
        }
        guard let http = task.response as? HTTPURLResponse else {
            finish(id, .failed(.network("no response")))
            return
        }
        finish(
            id,
            .fetched(
                FetchedBody(
                    data: transfer.body,
                    contentType: http.value(forHTTPHeaderField: "Content-Type"),
                    etag: http.value(forHTTPHeaderField: "ETag"),
                    lastModified: http.value(forHTTPHeaderField: "Last-Modified"),
                    finalURL: http.url ?? task.currentRequest?.url ?? transfer.request.url,
                    status: http.statusCode,
                    headers: Self.headers(of: http))))
    }

    /// The response's headers with lower-cased names, as `FetchedBody.headers` promises.
    static func headers(of http: HTTPURLResponse) -> [String: String] {
        var headers: [String: String] = [:]
        for case let (name as String, value as String) in http.allHeaderFields {
            headers[name.lowercased()] = value
        }
        return headers
    }

    // MARK: - Errors

    /// Maps URLSession's errors to one-line `FetchError`s without URLs or header values.
    static func fetchError(for error: any Error, url: URL, policy: FetchPolicy) -> FetchError {
        let nsError = error as NSError
        guard nsError.domain == NSURLErrorDomain else {
            return .network(redact(nsError.localizedDescription, url: url))
        }
        switch URLError.Code(rawValue: nsError.code) {
        case .timedOut:
            return .timedOut(seconds: policy.timeout)
        case .cannotConnectToHost:
            return .connectionRefused
        case .cannotFindHost, .dnsLookupFailed:
            return .hostNotFound
        case .httpTooManyRedirects, .redirectToNonExistentLocation:
            return .tooManyRedirects(limit: policy.maxRedirects)
        case .cancelled:
            return .cancelled
        case .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
            .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid, .clientCertificateRejected,
            .clientCertificateRequired:
            return .tls(redact(nsError.localizedDescription, url: url))
        case .cannotDecodeContentData, .cannotDecodeRawData:
            return .badContentEncoding
        case .networkConnectionLost:
            return .network("connection lost")
        case .notConnectedToInternet:
            return .network("not connected to the internet")
        case .badServerResponse, .cannotParseResponse, .zeroByteResource:
            return .network("bad server response")
        case .unsupportedURL:
            return .unsupportedScheme(url.scheme ?? "")
        default:
            let detail = redact(nsError.localizedDescription, url: url)
            // libcurl reports TLS trouble (e.g. https to a plain-HTTP port) as code -1.
            if detail.localizedCaseInsensitiveContains("ssl") || detail.localizedCaseInsensitiveContains("tls") {
                return .tls(detail)
            }
            return .network("error \(nsError.code): \(detail)")
        }
    }

    /// Replaces any spelled-out request URL in a library message with its redacted form.
    private static func redact(_ message: String, url: URL) -> String {
        let line = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? message
        return line.replacingOccurrences(of: url.absoluteString, with: url.redactedDescription)
            .trimmingCharacters(in: .whitespaces)
    }
}
