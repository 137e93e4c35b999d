// SPDX-License-Identifier: Apache-2.0

/// Why the store could not be used. A run that meets one of these cannot run at all.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    case readOnly(path: String)
    case locked(path: String)
    case failed(operation: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "store: cannot open \(path): \(reason)"
        case let .readOnly(path):
            return "store: \(path) is read-only; failwatch needs to write beside it (check permissions of the file and its folder)"
        case let .locked(path):
            return "store: \(path) is locked by another process for too long"
        case let .failed(operation, reason):
            return "store: \(operation) failed: \(reason)"
        }
    }
}
