// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchKit
import Foundation
import Testing

/// Fixtures under `Fixtures/api/<kind>/` and the goldens of the posts each yields
/// (`NAME.expected.json`); RECORD_SNAPSHOTS=1 rewrites the goldens after an intended change.
enum APIFixture {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/api")

    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(path))
    }

    /// A 200 body as the fetcher hands it to an adapter.
    static func body(_ data: Data, url: URL, headers: [String: String] = [:]) -> FetchedBody {
        FetchedBody(data: data, contentType: "application/json", finalURL: url, headers: headers)
    }

    static func body(_ text: String, url: URL) -> FetchedBody {
        body(Data(text.utf8), url: url)
    }

    /// The items as pretty JSON with sorted keys, dates in ISO 8601 UTC.
    static func json(_ items: [FeedItem]) -> String {
        let values: [JSONValue] = items.map { item in
            .object([
                "id": .optional(item.id), "title": .optional(item.title), "link": .optional(item.link),
                "author": .optional(item.author), "published": .optional(item.published.map(FeedDate.iso8601UTC)),
                "content": .optional(item.content), "language": .optional(item.language),
            ])
        }
        return String(decoding: JSONValue.array(values).encoded(pretty: true), as: UTF8.self) + "\n"
    }

    /// Compares the items with `<fixture>.expected.json` beside the fixture.
    static func expectGolden(_ items: [FeedItem], fixture: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let url = folder.appendingPathComponent(fixture).deletingPathExtension().appendingPathExtension("expected.json")
        let actual = json(items)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
            || !FileManager.default.fileExists(atPath: url.path)
        {
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded \(url.lastPathComponent); run again to compare", sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(
            actual == expected, "\(fixture): items differ from \(url.lastPathComponent)", sourceLocation: sourceLocation
        )
    }

    /// Parses a feeds.yml with one source (the given `key: value` lines, made a list item under `sources:`).
    static func config(_ source: String) throws -> FeedsConfig {
        let yaml = """
            version: 1
            providers:
              - name: Vodafone
              - name: Telekom
            sources:

            """
            + source.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { ($0.offset == 0 ? "  - " : "    ") + $0.element }.joined(separator: "\n")
        return try FeedsConfig.parse(
            yaml: yaml, fileName: "feeds.yml", baseDirectory: FileManager.default.temporaryDirectory, environment: [:])
    }

    /// The config problems of one source, one line each.
    static func problems(_ source: String) -> [String] {
        do {
            _ = try config(source)
            return []
        } catch let error as ConfigError {
            return error.lines
        } catch {
            return ["\(error)"]
        }
    }

    /// The query values of a request, decoded.
    static func query(_ url: URL) -> [String: String] {
        let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        return Dictionary(items.map { ($0.name, $0.value ?? "") }) { _, last in last }
    }
}
