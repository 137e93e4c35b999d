// SPDX-License-Identifier: Apache-2.0
import FailwatchStore
import Foundation

/// The stores the store tests run against: SQLite always, PostgreSQL when
/// `FAILWATCH_TEST_POSTGRES_URL` names a server (`.ci/postgres.sh` starts one); each test gets
/// an empty store of its own (on PostgreSQL, a new schema).
public enum TestStore: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    /// The PostgreSQL server for tests, if one is given.
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["FAILWATCH_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The stores to run against here.
    public static var available: [TestStore] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    public var description: String { rawValue }

    /// A new, empty, migrated store.
    public func make() async throws -> any CommandStore {
        switch self {
        case .sqlite: return try AppDatabase.inMemory()
        case .postgres: return try await Self.postgres()
        }
    }

    /// A new, empty PostgreSQL store in a schema of its own.
    ///
    /// - Parameter schema: reuse a schema (several pollers on one store); a new one when `nil`.
    public static func postgres(schema: String? = nil, lease: TimeInterval = 300) async throws -> PostgresStore {
        try await PostgresStore.open(try postgresLocation(schema: schema, lease: lease))
    }

    /// Where ``postgres(schema:lease:)`` connects: the test server, in `schema` (a new one when `nil`).
    public static func postgresLocation(schema: String? = nil, lease: TimeInterval = 300) throws -> PostgresLocation {
        guard let url = postgresURL else {
            throw StoreError.failed(operation: "test", reason: "FAILWATCH_TEST_POSTGRES_URL is not set")
        }
        let name = schema ?? newSchema()
        var location = try PostgresLocation(url: url + (url.contains("?") ? "&" : "?") + "schema=" + name)
        location.lease = lease
        return location
    }

    /// A schema name no other test uses.
    public static func newSchema() -> String {
        "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
    }
}
