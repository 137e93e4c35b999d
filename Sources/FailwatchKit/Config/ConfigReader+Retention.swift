// SPDX-License-Identifier: Apache-2.0
import FailwatchStore
import Foundation
import Yams

/// The `retention:` section: what `prune` (and poll, once a day) deletes.
extension ConfigReader {
    static let retentionKeys = ["posts", "runs", "alerts"]

    mutating func readRetention(_ node: Node?) -> RetentionConfig {
        guard let node,
            let fields = fields(
                of: node, allowed: Self.retentionKeys, context: "in 'retention'",
                expected: "a mapping like {posts: 180d, runs: 30d, alerts: 30d}")
        else { return RetentionConfig() }
        let longest: TimeInterval = 100 * 365 * 86_400
        return RetentionConfig(
            posts: duration(fields, "posts", minimum: RetentionConfig.minimumPosts, maximum: longest),
            runs: duration(fields, "runs", minimum: 86_400, maximum: longest),
            alerts: duration(fields, "alerts", minimum: 86_400, maximum: longest))
    }
}
