// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The production transport: libcurl's multi interface on one thread for every request.
///
/// Chosen over URLSession, whose Linux implementation spins while it waits (a source that
/// accepts and never answers cost 3.9 s of CPU in a 5 s timeout); here the thread sleeps in
/// `curl_multi_poll`. Connections are kept alive between requests of one transport.
public final class CurlTransport: HTTPTransport {
    private let multi = CurlMulti()

    public init() {}

    public func exchange(
        _ request: HTTPRequest, deadline: ContinuousClock.Instant, receiver: any HTTPReceiver
    ) async throws(FetchError) {
        let left = ContinuousClock.now.duration(to: deadline)
        guard left > .zero else { throw .timedOut(seconds: 0) }
        let transfer = try CurlTransfer(request, timeout: left, receiver: receiver)
        let multi = self.multi
        let error = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                transfer.start(continuation)
                multi.add(transfer)
            }
        } onCancel: {
            multi.cancel(transfer)
        }
        if let error { throw error }
    }
}
