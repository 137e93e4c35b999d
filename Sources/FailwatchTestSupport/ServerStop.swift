// SPDX-License-Identifier: Apache-2.0
import FlyingFox
import Synchronization

/// Stops a FlyingFox server, waiting at most `limit` for it.
///
/// FlyingFox closes the listening socket and then waits for its accept loop. When that loop tries
/// one more `accept` after the close, and a server starting in a parallel test has just been given
/// the same descriptor (still blocking, before FlyingFox makes it non-blocking), the `accept` blocks
/// for good and so would the stop: one full local run hung so under load. The test goes on after
/// `limit`; the blocked accept keeps one thread, which the test process loses until it exits.
enum ServerStop {
    static func stop(_ server: HTTPServer, within limit: Duration = .seconds(10)) async {
        let once = Once()
        await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
            Task {
                await server.stop(timeout: 0)
                if once.claim() { finished.resume() }
            }
            Task {
                try? await Task.sleep(for: limit)
                if once.claim() { finished.resume() }
            }
        }
    }

    /// True for the first caller only.
    private final class Once: Sendable {
        private let done = Mutex(false)

        func claim() -> Bool {
            done.withLock { wasDone in
                defer { wasDone = true }
                return !wasDone
            }
        }
    }
}
