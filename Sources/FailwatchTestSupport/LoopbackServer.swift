// SPDX-License-Identifier: Apache-2.0
import FlyingFox
import FlyingSocks
import Foundation

/// A real HTTP server on 127.0.0.1 with a free port, so fetch, poll and webhook tests talk
/// to an actual socket instead of a mock.
///
/// Routes are matched by exact path (the query is ignored) and may be added or replaced
/// while the server runs; unknown paths answer 404. Every request is recorded. Instances
/// are independent, so parallel tests each start their own.
///
/// ```swift
/// try await LoopbackServer.with { server in
///     server.feed("/feed.xml", body: rss, etag: "\"v1\"")
///     let result = await fetcher.fetch(FetchRequest(url: server.url("/feed.xml")))
///     #expect(server.requests(to: "/feed.xml").first?.header("User-Agent") != nil)
/// }
/// ```
public final class LoopbackServer: Sendable {
    /// Answers one request; receives the request as recorded.
    public typealias Handler = @Sendable (RecordedRequest) async -> LoopbackResponse

    /// The port the OS picked.
    public let port: UInt16
    private let server: HTTPServer
    private let table: LoopbackRouteTable

    private init(port: UInt16, server: HTTPServer, table: LoopbackRouteTable) {
        self.port = port
        self.server = server
        self.table = table
    }

    /// Binds 127.0.0.1 on a free port and waits until it accepts connections.
    public static func start() async throws -> LoopbackServer {
        let table = LoopbackRouteTable()
        // The long handler timeout lets `.never` routes really never answer; `stop` ends them.
        let server = HTTPServer(
            address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), timeout: 3600, logger: .disabled,
            handler: LoopbackHandler(table: table))
        Task { try? await server.run() }
        try await server.waitUntilListening(timeout: 60)
        guard case .ip4(_, let port) = await server.listeningAddress else {
            await server.stop()
            throw LoopbackServerError.noListeningAddress
        }
        return LoopbackServer(port: port, server: server, table: table)
    }

    /// Starts a server, runs `body` with it and always stops it afterwards.
    public static func with<T: Sendable>(_ body: (LoopbackServer) async throws -> T) async throws -> T {
        let server = try await start()
        do {
            let value = try await body(server)
            await server.stop()
            return value
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Closes the listening socket and cancels open connections, including never-answering ones.
    public func stop() async {
        await ServerStop.stop(server)
    }

    /// `http://127.0.0.1:<port>` followed by `path`, which may carry a query.
    public func url(_ path: String) -> URL {
        let suffix = path.hasPrefix("/") ? path : "/" + path
        // The string is built from a valid origin and a caller path; a bad path is a test bug.
        return URL(string: "http://127.0.0.1:\(port)\(suffix)") ?? URL(fileURLWithPath: "/invalid-loopback-path")
    }

    // MARK: - Routes

    /// Answers requests to `path` with `handler`.
    public func route(_ path: String, handler: @escaping Handler) {
        table.setRoute(path, handler)
    }

    /// Answers every request to `path` with the same response.
    public func route(_ path: String, _ response: LoopbackResponse) {
        table.setRoute(path) { _ in response }
    }

    /// Answers successive requests to `path` with successive responses, repeating the last one;
    /// e.g. a feed that changes between two polls.
    public func route(_ path: String, sequence responses: [LoopbackResponse]) {
        let counter = LoopbackCounter()
        table.setRoute(path) { _ in
            let index = min(counter.next(), responses.count - 1)
            return responses.indices.contains(index) ? responses[index] : LoopbackResponse(status: 404)
        }
    }

    /// A feed that honours conditional GET like a well-behaved server: 304 when `If-None-Match`
    /// matches `etag`, or, without `If-None-Match`, when `If-Modified-Since` equals `lastModified`.
    public func feed(
        _ path: String, body: String, contentType: String = "application/rss+xml; charset=utf-8",
        etag: String? = nil, lastModified: String? = nil
    ) {
        var validators: [String: String] = [:]
        validators["ETag"] = etag
        validators["Last-Modified"] = lastModified
        let headers = validators.merging(["Content-Type": contentType]) { $1 }
        table.setRoute(path) { [validators] request in
            let unchanged: Bool
            if let ifNoneMatch = request.header("If-None-Match") {
                let tags = ifNoneMatch.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                unchanged = etag.map { tags.contains($0) || tags.contains("*") } ?? false
            } else if let ifModifiedSince = request.header("If-Modified-Since") {
                unchanged = lastModified == ifModifiedSince
            } else {
                unchanged = false
            }
            return unchanged
                ? LoopbackResponse(status: 304, headers: validators)
                : LoopbackResponse(status: 200, headers: headers, body: body)
        }
    }

    /// Makes each path redirect to the next one (absolute `Location`); the last path is left
    /// for the caller to route. Repeat a path to build a loop: `["/a", "/b", "/a"]`.
    public func redirectChain(_ paths: [String], status: Int = 302) {
        for (from, to) in zip(paths, paths.dropFirst()) {
            route(from, .redirect(to: url(to).absoluteString, status: status))
        }
    }

    // MARK: - Recorded requests

    /// Every request received so far, oldest first.
    public var requests: [RecordedRequest] { table.recorded }

    /// The requests received for `path` (query ignored), oldest first.
    public func requests(to path: String) -> [RecordedRequest] {
        table.recorded.filter { $0.path == path }
    }
}
