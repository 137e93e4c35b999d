// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

/// Shared bits of the API adapter tests: fixtures under `Fixtures/api/<kind>/` and the golden
/// form of a page (its items as `failwatch parse --json` items, its next URL and its cursor).
enum APIFixtures {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/api")

    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(path))
    }

    static func body(_ text: String, headers: [String: String] = [:]) -> FetchedBody {
        FetchedBody(
            data: Data(text.utf8), contentType: "application/json",
            finalURL: URL(fileURLWithPath: "/"), headers: headers)
    }

    /// The page as pretty JSON with sorted keys, the golden files' form.
    static func golden(_ page: APIPage) throws -> String {
        let feed = try JSONSerialization.jsonObject(
            with: Data(FeedJSON.encode(Feed(format: .jsonFeed, items: page.items)).utf8))
        let object: [String: Any] = [
            "items": (feed as? [String: Any])?["items"] ?? [],
            "next": page.next?.url.absoluteString ?? NSNull(),
            "cursor": page.cursor ?? NSNull(),
        ]
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Compares `page` with `<fixture>.expected.json`; RECORD_SNAPSHOTS=1 (or a missing file) rewrites it.
    static func expectGolden(_ page: APIPage, fixture: String) throws {
        let actual = try golden(page)
        let url = folder.appendingPathComponent(fixture).deletingPathExtension().appendingPathExtension("expected.json")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
            || !FileManager.default.fileExists(atPath: url.path)
        {
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded \(url.lastPathComponent); run again to compare")
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(fixture): page differs from \(url.lastPathComponent)")
    }
}
