// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Receives one response under a ``FetchPolicy``: a declared length over the cap ends it at
/// the head, a body over the cap at the chunk that passes it, so a 2 GiB gzip bomb never
/// holds more than the cap in memory, whichever transport inflates it.
///
/// Its callbacks come one at a time from the transport's thread and its results are read
/// after ``HTTPTransport/exchange(_:receiver:)`` returned, which orders them.
final class BodyCollector: HTTPReceiver, @unchecked Sendable {
    private let policy: FetchPolicy
    private let wantsBody: @Sendable (HTTPResponseHead) -> Bool
    private(set) var head: HTTPResponseHead?
    private(set) var body = Data()
    /// Why the body was refused, once it was.
    private(set) var failure: FetchError?
    private var limit = 0
    private var isEncoded = false

    /// - Parameter wantsBody: asked only for a response that is not a redirect to follow.
    init(policy: FetchPolicy, wantsBody: @escaping @Sendable (HTTPResponseHead) -> Bool) {
        self.policy = policy
        self.wantsBody = wantsBody
    }

    func head(_ head: HTTPResponseHead) -> Bool {
        self.head = head
        if HTTPClient.isRedirect(head) || !wantsBody(head) { return false }
        // For an encoded body this is its size on the wire; its decoded size is checked below.
        if let length = head.contentLength, length > policy.maxBodyBytes {
            failure = .bodyTooLarge(limit: policy.maxBodyBytes)
            return false
        }
        isEncoded = head.isContentEncoded
        limit = isEncoded ? policy.maxDecompressedBytes : policy.maxBodyBytes
        return true
    }

    func body(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard body.count + chunk.count <= limit else {
            failure = isEncoded ? .decompressedTooLarge(limit: limit) : .bodyTooLarge(limit: limit)
            body = Data()
            return false
        }
        if let base = chunk.baseAddress {
            body.append(base.assumingMemoryBound(to: UInt8.self), count: chunk.count)
        }
        return true
    }
}
