// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Runs blocking work (waiting for a child process, reading a pipe) on a thread of its own.
///
/// On Linux, Swift's task pool and `DispatchQueue.global()` draw on one set of Dispatch threads
/// that grows by about one thread a second while its threads are blocked. Sixty blocked work
/// items there delayed the next task by 44 s on this project's CI machine, and with it every
/// loopback server of the tests running alongside, until their clients timed out.
public enum OwnThread {
    /// Starts a thread that runs `body` and hands its result back to the awaiting task.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}
