// SPDX-License-Identifier: Apache-2.0
import FlyingSocks
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A loopback port that refuses connections, for "connection refused" tests.
///
/// The port stays bound (but never listens) until `close()`, so no other server started by
/// a parallel test can take it over, which a stopped server's port would allow.
public final class RefusedPort: Sendable {
    public let port: UInt16
    private let socket: Socket

    public init() throws {
        socket = try Socket(domain: Int32(AF_INET))
        try socket.bind(to: sockaddr_in.inet(ip4: "127.0.0.1", port: 0))
        guard case .ip4(_, let port) = try socket.sockname() else {
            try? socket.close()
            throw LoopbackServerError.noListeningAddress
        }
        self.port = port
    }

    /// `http://127.0.0.1:<port>` followed by `path`.
    public func url(_ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path.hasPrefix("/") ? path : "/" + path)")
            ?? URL(fileURLWithPath: "/invalid-refused-port-path")
    }

    /// Releases the port.
    public func close() {
        try? socket.close()
    }
}
