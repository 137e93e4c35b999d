// SPDX-License-Identifier: Apache-2.0
import FailwatchKit
import Foundation
import Testing

/// The feeds.yml at the repository root is documentation users copy; it must always load.
@Suite struct ShippedFeedsConfigTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func shippedFeedsYmlLoadsWithoutAnyEnvironment() throws {
        let config = try FeedsConfig.load(path: Self.root.appendingPathComponent("feeds.yml").path, environment: [:])
        #expect(config.timezone.identifier == "Europe/Berlin")
        #expect(Set(config.providers.map(\.id)).isSuperset(of: ["vodafone", "telekom", "1und1", "hetzner"]))
        #expect(config.providers.first { $0.id == "telekom" }?.exclude.contains("Telekom Baskets") == true)
        #expect(config.store.path == Self.root.appendingPathComponent("failwatch.sqlite").path)
    }

    @Test func demoSourceReadsTheShippedDemoFeed() throws {
        let config = try FeedsConfig.load(path: Self.root.appendingPathComponent("feeds.yml").path, environment: [:])
        let demo = try #require(config.sources.first { $0.url.isFileURL })
        #expect(FileManager.default.fileExists(atPath: demo.url.path))
        let feed = try String(contentsOf: demo.url, encoding: .utf8)
        #expect(feed.components(separatedBy: "<item>").count - 1 >= 8)
    }

    @Test func redditIsNotPolledMoreOftenThanEveryFifteenMinutes() throws {
        let config = try FeedsConfig.load(path: Self.root.appendingPathComponent("feeds.yml").path, environment: [:])
        let reddit = config.sources.filter { $0.url.host?.hasSuffix("reddit.com") == true }
        #expect(!reddit.isEmpty)
        #expect(reddit.allSatisfy { $0.interval >= 900 })
    }
}
