// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// Reading every stored post back and writing new verdicts, for `failwatch reclassify` (see
/// ``SourceStore`` on why a protocol).
public protocol ReclassifyStore: Sendable {
    /// Up to `limit` posts with ids above `id`, in id order.
    func postTexts(after id: Int64, limit: Int) async throws(StoreError) -> [StoredPostText]
    /// Replaces these posts' verdicts in one transaction.
    ///
    /// - Returns: how many of them changed label.
    func saveVerdicts(_ verdicts: [(post: StoredPostText, verdict: Classification)]) async throws(StoreError) -> Int
}

extension ReclassifyStore {
    /// Replaces every stored post's classification with `judge`'s, page by page, each page in
    /// one transaction, so a run killed half-way leaves every post with one consistent verdict.
    ///
    /// - Parameters:
    ///   - pageSize: posts read and written per transaction.
    ///   - judge: the new verdict for one post.
    /// - Returns: posts visited, and how many of them changed label.
    public func reclassify(
        pageSize: Int = 5000, _ judge: (StoredPostText) -> Classification
    ) async throws(StoreError) -> (posts: Int, changed: Int) {
        var lastID: Int64 = 0
        var posts = 0
        var changed = 0
        while true {
            let page = try await postTexts(after: lastID, limit: pageSize)
            guard let last = page.last else { break }
            lastID = last.id
            changed += try await saveVerdicts(page.map { ($0, judge($0)) })
            posts += page.count
        }
        return (posts, changed)
    }
}
