// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchStore
import Foundation

extension SourceReport.Outcome {
    /// What a fetch that brought no new body means for a source, the same for feeds, APIs
    /// and status pages: a 304 keeps the validators, a 429/503 postpones the source, a
    /// failure is its one line. `nil` when the fetch brought a body, which the caller reads.
    ///
    /// - Parameters:
    ///   - state: the stored validators, kept when the server sent none.
    ///   - explain: the failure's line; an API adds what the status means for it.
    init?(
        unread result: FetchResult, source: SourceConfig, state: SourceState?, now: Date,
        explain: (FetchError) -> String = { $0.description }
    ) {
        switch result {
        case .fetched:
            return nil
        case let .notModified(etag, lastModified):
            self = .notModified(etag: etag ?? state?.etag, lastModified: lastModified ?? state?.lastModified)
        case let .retryLater(status, retryAfter):
            self = .postponed(source, status: status, retryAfter: retryAfter, now: now)
        case let .failed(error):
            self = .failed(reason: explain(error))
        }
    }
}
