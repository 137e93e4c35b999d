// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A thread-safe counter for sequenced routes.
final class LoopbackCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// Returns 0, 1, 2, … on successive calls.
    func next() -> Int {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}
