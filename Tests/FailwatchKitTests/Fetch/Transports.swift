// SPDX-License-Identifier: Apache-2.0
import FailwatchFetch
import Foundation
import Testing

/// A transport the fetch tests run against: every ``HTTPTransport`` conformance is listed in
/// ``all``, so each guarantee (caps, redirects, deadlines, conditional GET, redaction) is
/// checked on each of them.
struct TransportCase: Sendable, CustomTestStringConvertible {
    var name: String
    var make: @Sendable () -> any HTTPTransport

    static let all: [TransportCase] = [
        TransportCase(name: "libcurl") { CurlTransport() }
    ]

    var testDescription: String { name }

    /// A fetcher over a fresh transport of this kind.
    func fetcher(_ policy: FetchPolicy = FetchTesting.policy()) -> Fetcher {
        Fetcher(policy: policy, transport: make())
    }
}
