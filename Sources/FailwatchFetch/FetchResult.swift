// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// What became of one fetch; every outcome is a value so one failing source never aborts a poll run.
public enum FetchResult: Sendable, Equatable {
    /// A 2xx with a changed body.
    case fetched(FetchedBody)
    /// A 304, or a 200 whose validators match the stored ones; keep these validators.
    case notModified(etag: String?, lastModified: String?)
    /// The server asked us to back off (429 or 503).
    case retryLater(status: Int, retryAfter: RetryAfter?)
    /// Anything else; the error's description is safe to print.
    case failed(FetchError)
}
