// SPDX-License-Identifier: Apache-2.0

/// Why the store could not be used. A run that meets one of these cannot run at all.
///
/// `location` names the store the way its user wrote it: the SQLite file's path, or the
/// PostgreSQL URL without its password (``PostgresLocation/redacted``).
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(location: String, reason: String)
    /// SQLite only: the file or its folder cannot be written.
    case readOnly(location: String)
    case locked(location: String)
    case failed(operation: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(location, reason):
            return "store: cannot open \(location): \(reason)"
        case let .readOnly(location):
            return "store: \(location) is read-only; failwatch needs to write beside it (check permissions of the file and its folder)"
        case let .locked(location):
            return "store: \(location) is locked by another process for too long"
        case let .failed(operation, reason):
            return "store: \(operation) failed: \(reason)"
        }
    }
}
