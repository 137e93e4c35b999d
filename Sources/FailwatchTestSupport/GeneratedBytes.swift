// SPDX-License-Identifier: Apache-2.0
import FlyingSocks
import Foundation

/// A byte stream made on the fly, so the loopback server can send huge bodies in constant memory.
struct GeneratedBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    var count: Int
    var chunkDelay: Duration?

    func makeAsyncIterator() -> Iterator {
        Iterator(remaining: count, chunkDelay: chunkDelay)
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var remaining: Int
        var chunkDelay: Duration?

        mutating func next() async throws -> UInt8? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            return UInt8(ascii: "x")
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            guard remaining > 0 else { return nil }
            if let chunkDelay { try await Task.sleep(for: chunkDelay) }
            let size = Swift.min(remaining, Swift.max(count, 1))
            remaining -= size
            return [UInt8](repeating: UInt8(ascii: "x"), count: size)
        }
    }
}
