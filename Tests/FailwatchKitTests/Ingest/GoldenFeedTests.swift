// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

/// Representative feeds under `Fixtures/ingest/`, each pinned by `NAME.expected.json` (the
/// `failwatch parse --json` object, pretty-printed with sorted keys). Set RECORD_SNAPSHOTS=1
/// to rewrite the expectations after an intended change, then review the diff.
@Suite struct GoldenFeedTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ingest")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasSuffix(".expected.json") && !$0.hasPrefix(".") }.sorted()
    }()

    @Test(arguments: cases)
    func matchesExpectedJSON(_ name: String) throws {
        let input = GoldenFeedTests.folder.appendingPathComponent(name)
        let expectedURL = input.deletingPathExtension().appendingPathExtension("expected.json")
        let feed = try FeedParser.parse(
            Data(contentsOf: input), baseURL: URL(string: "https://feeds.example/\(name)"))
        let actual = try pretty(FeedJSON.encode(feed))
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
        if record || !FileManager.default.fileExists(atPath: expectedURL.path) {
            try Data(actual.utf8).write(to: expectedURL)
            Issue.record("recorded \(expectedURL.lastPathComponent); run again to compare")
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "\(name): output differs from \(expectedURL.lastPathComponent)")
    }

    @Test func hasFixtures() {
        #expect(GoldenFeedTests.cases.count >= 4)
    }

    private func pretty(_ json: String) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
