// SPDX-License-Identifier: Apache-2.0
import Foundation

/// feeds.yml `retention:`: how long the store keeps what grows with every run. Incidents and
/// official statements are always kept (they are small, and reports of any week show them).
/// Without the section nothing is deleted.
public struct RetentionConfig: Sendable, Equatable {
    /// `posts:` posts (and their provider labels) published (or, without a date, fetched) longer
    /// ago are deleted, and items that old are no longer stored when a feed still lists them.
    public var posts: TimeInterval?
    /// `runs:` the run log (`status`'s last runs) older than this.
    public var runs: TimeInterval?
    /// `alerts:` outbox rows delivered or given up on longer ago, once their incident has resolved.
    public var alerts: TimeInterval?

    /// Detection warms up from 35 days of stored posts, and a weekly report compares with the
    /// week before: posts must be kept at least this long.
    public static let minimumPosts: TimeInterval = 35 * 86_400

    public init(posts: TimeInterval? = nil, runs: TimeInterval? = nil, alerts: TimeInterval? = nil) {
        self.posts = posts
        self.runs = runs
        self.alerts = alerts
    }

    /// Whether anything is ever deleted.
    public var isEnabled: Bool { posts != nil || runs != nil || alerts != nil }
}
