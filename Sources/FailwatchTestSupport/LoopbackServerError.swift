// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Why the loopback server could not start.
public enum LoopbackServerError: Error, CustomStringConvertible {
    case noListeningAddress

    public var description: String { "loopback: server has no ipv4 listening address" }
}
