// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Runs an operation against a clock: when time is up the operation is cancelled, so any
/// transport that honours task cancellation honours the deadline too.
enum Deadline {
    private enum Race<Value: Sendable>: Sendable {
        case finished(Value)
        case expired
        case interrupted
    }

    /// The operation's value, or `nil` when `seconds` passed first.
    ///
    /// A caller cancelled before the deadline gets whatever the cancelled operation returns.
    static func within<Value: Sendable>(
        seconds: TimeInterval, _ operation: @escaping @Sendable () async -> Value
    ) async -> Value? {
        // A timeout of a billion seconds or more is "no timeout", and Duration cannot hold 1e300.
        let seconds = min(max(seconds, 0), 1e9)
        return await withTaskGroup(of: Race<Value>.self) { group in
            group.addTask { .finished(await operation()) }
            group.addTask {
                do {
                    try await Task.sleep(for: .seconds(seconds))
                    return .expired
                } catch {
                    return .interrupted
                }
            }
            while let next = await group.next() {
                switch next {
                case .finished(let value):
                    group.cancelAll()
                    return value
                case .expired:
                    group.cancelAll()
                    return nil
                case .interrupted:
                    continue
                }
            }
            return nil
        }
    }
}
