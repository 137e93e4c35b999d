// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

/// Every file of feedparser's test corpus (public data, never copied into the project) goes
/// through the parser: each must either parse or fail with a one-line error, never crash.
/// Skipped when FAILWATCH_CORPORA is unset.
@Suite struct CorpusSweepTests {
    static let corpus: URL? = ProcessInfo.processInfo.environment["FAILWATCH_CORPORA"]
        .map { URL(fileURLWithPath: $0).appendingPathComponent("feedparser") }

    @Test(.enabled(if: CorpusSweepTests.corpus != nil, "FAILWATCH_CORPORA is not set"))
    func neverCrashesOnFeedparserCorpus() throws {
        let root = try #require(CorpusSweepTests.corpus)
        let walker = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        var parsed = 0
        var rejected = 0
        while let url = walker.nextObject() as? URL {
            guard ["xml", "rss", "rdf", "atom", "json"].contains(url.pathExtension) else { continue }
            let data = try Data(contentsOf: url)
            do {
                let feed = try FeedParser.parse(data)
                #expect(feed.warnings.allSatisfy { !$0.contains("\n") }, "\(url.path)")
                parsed += 1
            } catch {
                #expect(!error.description.contains("\n"), "\(url.path)")
                rejected += 1
            }
        }
        #expect(parsed > 1_500)
        #expect(parsed + rejected > 2_000)
    }
}
