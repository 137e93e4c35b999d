// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// A PostgreSQL server and database from a `postgres://user:password@host:port/database` URL
/// (`store: {url: …}` or `FAILWATCH_STORE_URL`). A Unix socket is `?host=/run/postgresql`, as
/// libpq writes it; `?sslmode=disable|prefer|require` (default: disable on loopback and
/// sockets, prefer elsewhere); `?schema=NAME` keeps failwatch's tables in their own schema.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable { case disable, prefer, require }

    public var host: String
    public var port: Int
    public var socketPath: String?
    public var username: String
    /// Never printed: ``description`` and ``redacted`` leave it out.
    public var password: String?
    public var database: String
    public var schema: String?
    public var tls: TLSMode
    /// How long a poller holds the sources and alerts it claimed (`store: {lease: 5m}`): longer
    /// than any fetch or send takes, short enough that a killed poller's sources are soon fetched again.
    public var lease: TimeInterval = 300

    /// Whether a `--db`/`store` value names a PostgreSQL server rather than a file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses the URL; the error names what is wrong without repeating the password.
    public init(url text: String) throws(StoreError) {
        guard Self.isURL(text), let components = URLComponents(string: text) else {
            throw .cannotOpen(location: Self.redact(text), reason: "not a postgres://user@host/database URL")
        }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }
        ) { _, last in last }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard let user = components.user?.removingPercentEncoding, !user.isEmpty else {
            throw .cannotOpen(
                location: Self.redact(text), reason: "the URL names no user (postgres://USER@host/database)")
        }
        guard !database.isEmpty else {
            throw .cannotOpen(
                location: Self.redact(text), reason: "the URL names no database (postgres://user@host/DATABASE)")
        }
        let socketFolder = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        port = components.port ?? 5432
        socketPath = socketFolder.map { "\($0)/.s.PGSQL.\(components.port ?? 5432)" }
        username = user
        password = components.password?.removingPercentEncoding
        self.database = database.removingPercentEncoding ?? database
        schema = query["schema"].flatMap { $0.isEmpty ? nil : $0 }
        let local = socketPath != nil || ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host)
        guard let mode = TLSMode(rawValue: query["sslmode"] ?? (local ? "disable" : "prefer")) else {
            throw .cannotOpen(
                location: Self.redact(text),
                reason: "sslmode must be disable, prefer or require, found '\(query["sslmode"] ?? "")'")
        }
        tls = mode
    }

    /// The URL without its password, for messages and `status`.
    public var redacted: String {
        let at = socketPath.map { "?host=" + URL(fileURLWithPath: $0).deletingLastPathComponent().path } ?? ""
        let server = socketPath == nil ? "\(host):\(port)" : ""
        return "postgres://\(username)@\(server)/\(database)\(at)"
            + (schema.map { (at.isEmpty ? "?" : "&") + "schema=\($0)" } ?? "")
    }

    public var description: String { redacted }

    /// A URL as the user wrote it, with anything between `://user:` and `@` blanked.
    public static func redact(_ text: String) -> String {
        guard let scheme = text.range(of: "://"),
            let at = text.range(of: "@", range: scheme.upperBound..<text.endIndex),
            let colon = text.range(of: ":", range: scheme.upperBound..<at.lowerBound)
        else { return text }
        return String(text[..<colon.lowerBound]) + String(text[at.lowerBound...])
    }
}
