// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The one seam to the network: sends a single request and streams its answer.
///
/// Everything a user relies on — redirects, size caps, the deadline of a redirect chain,
/// conditional GET, what an error may print — is ``HTTPClient``'s, over any transport, so
/// a transport only moves bytes: it follows no redirect, decodes gzip/deflate as they
/// arrive, and stops at once when the receiver says so, the deadline passes or the calling
/// task is cancelled.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and hands its response to `receiver`.
    ///
    /// The transport keeps the deadline itself, on its own clock: a timer on Swift's
    /// cooperative threads fires late when they are busy, and a poll run keeps them busy.
    /// Returns once the exchange is over: the body complete, or the receiver stopped it.
    /// - Throws: a `FetchError` for a transport failure (refused, DNS, TLS, broken encoding…),
    ///   worded without the URL's query or user info; `.timedOut` once `deadline` passed;
    ///   `.cancelled` when the task was cancelled.
    func exchange(
        _ request: HTTPRequest, deadline: ContinuousClock.Instant, receiver: any HTTPReceiver
    ) async throws(FetchError)
}
