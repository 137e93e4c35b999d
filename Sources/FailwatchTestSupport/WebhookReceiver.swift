// SPDX-License-Identifier: Apache-2.0
import FlyingFox
import FlyingSocks
import Foundation

/// A chat webhook stand-in on 127.0.0.1 with a free port: it records every request and
/// answers from a script (e.g. 503 three times, then 200), so delivery and retry tests
/// talk to a real socket.
///
/// ```swift
/// let receiver = try await WebhookReceiver.start(replies: [.status(503), .status(503)])
/// defer { Task { await receiver.stop() } }
/// // send to receiver.url("/hook") …
/// #expect(receiver.requests.count == 3)
/// ```
public final class WebhookReceiver: Sendable {
    /// A request as it arrived.
    public struct Request: Sendable {
        public var method: String
        public var path: String
        /// The raw query string, without `?`.
        public var query: String
        /// Header names lower-cased.
        public var headers: [String: String]
        public var body: Data

        /// The value of header `name` (any case).
        public func header(_ name: String) -> String? { headers[name.lowercased()] }

        /// The body as a JSON object, when it is one.
        public var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }

        /// The body as text.
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// One scripted answer.
    public struct Reply: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: String
        /// Seconds to wait before answering, to make a client time out.
        public var delay: TimeInterval

        public init(status: Int, headers: [String: String] = [:], body: String = "", delay: TimeInterval = 0) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
        }

        /// `status` with a short body.
        public static func status(_ status: Int, body: String = "") -> Reply { Reply(status: status, body: body) }
        /// 200 "ok", what Slack answers.
        public static let ok = Reply(status: 200, body: "ok")
        /// 429 with `Retry-After: seconds`.
        public static func rateLimited(retryAfter seconds: Int) -> Reply {
            Reply(status: 429, headers: ["Retry-After": String(seconds)], body: "rate limited")
        }
        /// 200 after `seconds`: longer than the client's timeout, it is a timeout.
        public static func slow(_ seconds: TimeInterval) -> Reply { Reply(status: 200, body: "ok", delay: seconds) }
    }

    /// The port the OS picked.
    public let port: UInt16
    private let server: HTTPServer
    private let state: State

    private init(port: UInt16, server: HTTPServer, state: State) {
        self.port = port
        self.server = server
        self.state = state
    }

    /// Binds 127.0.0.1 on a free port and waits until it accepts connections.
    /// - Parameters:
    ///   - replies: answers for the first requests, in order.
    ///   - fallback: the answer once the script is used up.
    public static func start(replies: [Reply] = [], fallback: Reply = .ok) async throws -> WebhookReceiver {
        let state = State(replies: replies, fallback: fallback)
        let server = HTTPServer(
            address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), timeout: 120, logger: .disabled,
            handler: Handler(state: state))
        Task { try? await server.run() }
        try await server.waitUntilListening(timeout: 60)
        guard case .ip4(_, let port) = await server.listeningAddress else {
            await server.stop()
            throw WebhookReceiverError.noListeningAddress
        }
        return WebhookReceiver(port: port, server: server, state: state)
    }

    /// Starts a receiver, runs `body` with it and always stops it afterwards.
    public static func with<T: Sendable>(
        replies: [Reply] = [], fallback: Reply = .ok, _ body: (WebhookReceiver) async throws -> T
    ) async throws -> T {
        let receiver = try await start(replies: replies, fallback: fallback)
        do {
            let value = try await body(receiver)
            await receiver.stop()
            return value
        } catch {
            await receiver.stop()
            throw error
        }
    }

    /// Closes the socket and cancels open connections.
    public func stop() async {
        await ServerStop.stop(server)
    }

    /// `http://127.0.0.1:<port>` followed by `path`.
    public func url(_ path: String = "/hook") -> URL {
        let suffix = path.hasPrefix("/") ? path : "/" + path
        return URL(string: "http://127.0.0.1:\(port)\(suffix)") ?? URL(fileURLWithPath: "/invalid-receiver-path")
    }

    /// Replaces the remaining script.
    public func script(_ replies: [Reply]) { state.script(replies) }

    /// Every request so far, oldest first.
    public var requests: [Request] { state.recorded }

    private struct Handler: HTTPHandler {
        let state: State

        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            var headers: [String: String] = [:]
            for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
            let recorded = Request(
                method: request.method.rawValue, path: request.path, query: request.target.query(percentEncoded: true),
                headers: headers, body: try await request.bodyData)
            let reply = state.record(recorded)
            if reply.delay > 0 { try? await Task.sleep(nanoseconds: UInt64(reply.delay * 1_000_000_000)) }
            var responseHeaders = HTTPHeaders()
            for (name, value) in reply.headers { responseHeaders[HTTPHeader(name)] = value }
            return HTTPResponse(
                statusCode: HTTPStatusCode(reply.status, phrase: "Scripted"), headers: responseHeaders,
                body: Data(reply.body.utf8))
        }
    }

    /// Recorded requests and the remaining script, behind a lock.
    private final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var replies: [Reply]
        private let fallback: Reply
        private var requests: [Request] = []

        init(replies: [Reply], fallback: Reply) {
            self.replies = replies
            self.fallback = fallback
        }

        func record(_ request: Request) -> Reply {
            lock.withLock {
                requests.append(request)
                return replies.isEmpty ? fallback : replies.removeFirst()
            }
        }

        func script(_ new: [Reply]) { lock.withLock { replies = new } }

        var recorded: [Request] { lock.withLock { requests } }
    }
}

/// Why the receiver could not start.
public enum WebhookReceiverError: Error, CustomStringConvertible {
    case noListeningAddress

    public var description: String { "webhook receiver: no ipv4 listening address" }
}
