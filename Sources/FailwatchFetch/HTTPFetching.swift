// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// The seam between the poll run and the network, so runs can be driven by a loopback server or a stub.
public protocol HTTPFetching: Sendable {
    /// Fetches one URL; never throws, every failure is a `FetchResult.failed`.
    func fetch(_ request: FetchRequest) async -> FetchResult
}
