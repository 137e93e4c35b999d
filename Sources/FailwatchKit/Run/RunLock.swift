// SPDX-License-Identifier: Apache-2.0
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps two cron runs against one store from overlapping.
///
/// An advisory `flock` on a file beside the store: the kernel drops it when the process ends,
/// however it ends, so a killed run never leaves a stale lock behind.
public final class RunLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        _ = flock(descriptor, LOCK_UN)
        _ = close(descriptor)
    }

    /// Takes the lock, waiting up to `wait` seconds for a running poll to finish.
    ///
    /// - Parameters:
    ///   - path: the lock file, created when missing.
    ///   - wait: how long to keep trying before giving up.
    /// - Throws: `RunLockError.held` when another run still holds it after `wait`.
    public static func acquire(path: String, wait: TimeInterval) throws(RunLockError) -> RunLock {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(wait * 1000)))
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, ContinuousClock.now < deadline else {
                close(descriptor)
                throw .held(path: path, waited: wait)
            }
            usleep(50_000)
        }
        return RunLock(descriptor: descriptor)
    }
}

/// Why a run could not take the lock.
public enum RunLockError: Error, CustomStringConvertible, Equatable {
    case held(path: String, waited: TimeInterval)
    case cannotCreate(path: String, reason: String)

    public var description: String {
        switch self {
        case let .held(path, waited):
            return "lock: another failwatch run holds \(path); gave up after \(Int(waited)) s"
        case let .cannotCreate(path, reason):
            return "lock: cannot create \(path): \(reason)"
        }
    }
}
