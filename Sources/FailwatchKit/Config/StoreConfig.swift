// SPDX-License-Identifier: Apache-2.0

/// Where failwatch keeps posts, cursors and incidents between cron runs.
public struct StoreConfig: Sendable, Equatable {
    /// Absolute path of the SQLite file; a relative `store.path` in feeds.yml is resolved
    /// against the directory of feeds.yml, so cron's working directory does not matter.
    public var path: String

    public init(path: String) {
        self.path = path
    }
}
