// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The loopback server's mutable state: routes by path and the request log, behind one lock.
final class LoopbackRouteTable: @unchecked Sendable {
    private let lock = NSLock()
    private var routes: [String: LoopbackServer.Handler] = [:]
    private var log: [RecordedRequest] = []

    func setRoute(_ path: String, _ handler: @escaping LoopbackServer.Handler) {
        lock.withLock { routes[path] = handler }
    }

    /// Records the request and returns its route, if any.
    func receive(_ request: RecordedRequest) -> LoopbackServer.Handler? {
        lock.withLock {
            log.append(request)
            return routes[request.path]
        }
    }

    var recorded: [RecordedRequest] {
        lock.withLock { log }
    }
}
