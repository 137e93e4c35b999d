// SPDX-License-Identifier: Apache-2.0
import FailwatchStore
import Foundation

/// Where failwatch keeps posts, cursors and incidents between cron runs.
public struct StoreConfig: Sendable, Equatable {
    /// Absolute path of the SQLite file; a relative `store.path` in feeds.yml is resolved
    /// against the directory of feeds.yml, so cron's working directory does not matter.
    public var path: String
    /// A PostgreSQL database instead (`store: {url: …}` or `FAILWATCH_STORE_URL`), shared by
    /// several pollers; `nil` for the SQLite file.
    public var postgres: PostgresLocation?

    public init(path: String, postgres: PostgresLocation? = nil) {
        self.path = path
        self.postgres = postgres
    }

    /// The store the configuration names.
    public var location: StoreLocation { postgres.map(StoreLocation.postgres) ?? .sqlite(path: path) }
}
