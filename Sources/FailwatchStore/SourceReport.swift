// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// What one run did with one source: a failure here is data, not an exit.
public struct SourceReport: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// The source answered; the harvest holds all it gave (before dedupe).
        case fetched(Harvest)
        /// 304: nothing changed since the validators we sent.
        case notModified(etag: String?, lastModified: String?)
        /// Rate-limited or unavailable (429/503): asked again after `until`, not a failure.
        case postponed(until: Date, reason: String)
        case failed(reason: String)
    }

    /// What a source that answered gave this run, and what the next run needs from it.
    public struct Harvest: Sendable, Equatable {
        public var posts: [Post]
        /// What the provider said: status page incidents and state, posts of official sources.
        public var statements: [OfficialStatement]
        /// Validators for the next conditional GET.
        public var etag: String?
        public var lastModified: String?
        /// Where a paged API continues next run; `nil` keeps the stored cursor.
        public var cursor: String?
        /// The API's rate limit is used up: ask again no earlier than this.
        public var notBefore: Date?
        /// Problems that did not stop the source, e.g. a later page that failed.
        public var warnings: [String]
        /// Items left out on the source's first run because they are older than its `backfill:` window.
        public var skippedOld = 0

        public init(
            posts: [Post], etag: String? = nil, lastModified: String? = nil, cursor: String? = nil,
            notBefore: Date? = nil, warnings: [String] = [], statements: [OfficialStatement] = []
        ) {
            self.posts = posts
            self.statements = statements
            self.etag = etag
            self.lastModified = lastModified
            self.cursor = cursor
            self.notBefore = notBefore
            self.warnings = warnings
        }
    }

    public var name: String
    public var kind: String
    /// The source's URL with secrets shown as `${VAR}`.
    public var url: String
    public var outcome: Outcome
    public var duration: TimeInterval
    /// Filled in when stored: posts that were new, and those already known.
    public var postsNew = 0
    public var postsDuplicate = 0
    /// What is news about the source's health (set by the run before storing; see ``SourceNotice``).
    public var notice: SourceNotice?

    public init(name: String, kind: String, url: String, outcome: Outcome, duration: TimeInterval) {
        self.name = name
        self.kind = kind
        self.url = url
        self.outcome = outcome
        self.duration = duration
    }

    /// The stable word `status`, `--json` and the store use for the outcome.
    public var outcomeName: String {
        switch outcome {
        case .fetched: return "ok"
        case .notModified: return "not-modified"
        case .postponed: return "postponed"
        case .failed: return "failed"
        }
    }

    /// The one line a user reads about a failed or postponed source; `nil` when all is well.
    public var problem: String? {
        switch outcome {
        case let .failed(reason): return reason
        case let .postponed(_, reason): return reason
        case let .fetched(harvest) where !harvest.warnings.isEmpty:
            return "warning: " + harvest.warnings.joined(separator: "; ")
        default: return nil
        }
    }
}
