// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Everything failwatch promises about HTTP, over any ``HTTPTransport``: a deadline for the
/// whole exchange, redirects followed a bounded number of times and never to another scheme
/// or in a loop, credentials kept from other hosts, bodies capped while they arrive, and
/// errors that never print a URL's query or user info.
///
/// Feeds, APIs, status pages, internal monitoring and webhooks all go through it.
public struct HTTPClient: Sendable {
    public var transport: any HTTPTransport
    public var policy: FetchPolicy

    /// Caller headers that carry no credentials, so they follow a redirect to another host;
    /// every other one (`Authorization`, `Cookie`, an API key header) stays with its origin.
    static let crossOriginHeaders: Set<String> = ["accept", "content-type", "if-modified-since", "if-none-match"]

    public init(transport: any HTTPTransport = CurlTransport(), policy: FetchPolicy = FetchPolicy()) {
        self.transport = transport
        self.policy = policy
    }

    /// Sends `request`, following redirects, within `policy.timeout` for all of it.
    ///
    /// - Parameter wantsBody: decides from the final response's head whether its body is
    ///   received (a 304, an error page or an unchanged feed need none).
    /// - Returns: the final response, or why there is none.
    public func send(
        _ request: HTTPRequest, wantsBody: @escaping @Sendable (HTTPResponseHead) -> Bool = { _ in true }
    ) async -> Result<HTTPResponse, FetchError> {
        // A timeout of a billion seconds or more is "no timeout", and Duration cannot hold 1e300.
        let deadline = ContinuousClock.now + .seconds(min(max(policy.timeout, 0), 1e9))
        switch await follow(request, deadline: deadline, wantsBody: wantsBody) {
        case .failure(.timedOut): return .failure(.timedOut(seconds: policy.timeout))
        case let other: return other
        }
    }

    /// Follows the chain; every hop gets what is left of the one deadline.
    private func follow(
        _ original: HTTPRequest, deadline: ContinuousClock.Instant,
        wantsBody: @escaping @Sendable (HTTPResponseHead) -> Bool
    ) async -> Result<HTTPResponse, FetchError> {
        var request = withDefaults(original)
        var visited: Set<String> = [original.url.absoluteString]
        var redirects = 0
        while true {
            let collector = BodyCollector(policy: policy, wantsBody: wantsBody)
            do {
                try await transport.exchange(request, deadline: deadline, receiver: collector)
            } catch {
                return .failure(error)
            }
            if let failure = collector.failure { return .failure(failure) }
            guard let head = collector.head else { return .failure(.network("no response")) }
            guard Self.isRedirect(head), let location = head.headers["location"] else {
                return .success(
                    HTTPResponse(status: head.status, headers: head.headers, body: collector.body, url: request.url))
            }
            guard let next = URL(string: location, relativeTo: request.url)?.absoluteURL,
                let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https"
            else {
                let shown = URL(string: location, relativeTo: request.url)?.absoluteURL.redactedDescription
                return .failure(.unsupportedRedirect(to: shown ?? "<unreadable location>"))
            }
            if visited.contains(next.absoluteString) { return .failure(.redirectLoop(at: next.redactedDescription)) }
            if redirects >= policy.maxRedirects { return .failure(.tooManyRedirects(limit: policy.maxRedirects)) }
            redirects += 1
            visited.insert(next.absoluteString)
            request = hop(to: next, status: head.status, from: request, original: original)
        }
    }

    /// The default headers under the caller's: the caller's win, whatever their case.
    private func withDefaults(_ request: HTTPRequest) -> HTTPRequest {
        var request = request
        if request.header("User-Agent") == nil { request.setting("User-Agent", to: policy.userAgent) }
        return request
    }

    /// The next request of a redirect chain, as browsers and libcurl make it: a 303, or a
    /// 301/302 answering a POST, continues as a GET without body; the caller's credentials
    /// go only to the origin they were given for.
    private func hop(to next: URL, status: Int, from current: HTTPRequest, original: HTTPRequest) -> HTTPRequest {
        var request = HTTPRequest(method: current.method, url: next, headers: original.headers, body: current.body)
        if status == 303 || (status == 301 || status == 302) && current.method.uppercased() == "POST" {
            request.method = "GET"
            request.body = nil
            request.setting("Content-Type", to: nil)
        }
        if !Self.sameOrigin(next, original.url) {
            request.headers = request.headers.filter { Self.crossOriginHeaders.contains($0.key.lowercased()) }
        }
        return withDefaults(request)
    }

    static func isRedirect(_ head: HTTPResponseHead) -> Bool {
        [301, 302, 303, 307, 308].contains(head.status) && head.headers["location"] != nil
    }

    private static func sameOrigin(_ one: URL, _ other: URL) -> Bool {
        one.scheme?.lowercased() == other.scheme?.lowercased() && one.host?.lowercased() == other.host?.lowercased()
            && one.port == other.port
    }
}
