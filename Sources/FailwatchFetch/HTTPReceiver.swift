// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Takes a response while it arrives, so limits act on the bytes as they come, not after.
///
/// A transport calls ``head(_:)`` once, then ``body(_:)`` per decoded chunk, one call at a
/// time and in order, on a thread of its own: implementations do no blocking work.
public protocol HTTPReceiver: AnyObject, Sendable {
    /// The final (non-1xx) response's status and headers.
    /// - Returns: `false` when the body is not wanted; the transport then stops before it.
    func head(_ head: HTTPResponseHead) -> Bool
    /// A chunk of the body, content-decoded.
    /// - Returns: `false` to stop the transfer now (a cap was passed).
    func body(_ chunk: UnsafeRawBufferPointer) -> Bool
}
