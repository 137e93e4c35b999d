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

    /// The commented social examples (X to the announce accounts) are valid once uncommented.
    @Test func commentedSocialExamplesParseWhenUncommented() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("feeds.yml"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let first = try #require(lines.firstIndex { $0.contains("# - name: x-telekom ") })
        let last = try #require(lines.firstIndex { $0.contains("pds: https://bsky.social") })
        let sources = lines[first...last].filter { $0.hasPrefix("  # - ") || $0.hasPrefix("  #   ") }
            .map { "  " + $0.dropFirst(4) }
        let yaml =
            "version: 1\nproviders:\n  - name: Deutsche Telekom\n    id: telekom\nsources:\n"
            + sources.joined(separator: "\n")
        let environment = [
            "X_BEARER_TOKEN": "x", "FACEBOOK_PAGE_TOKEN": "f", "INSTAGRAM_TOKEN": "i", "THREADS_TOKEN": "t",
            "TELEKOM_MASTODON_TOKEN": "m", "TELEKOM_BLUESKY_APP_PASSWORD": "b",
        ]
        let config = try ConfigTestSupport.parse(yaml, environment: environment)
        #expect(
            config.sources.map(\.kind.rawValue) == [
                "x", "x", "facebook", "instagram", "threads", "threads", "mastodon", "bluesky",
            ])
        #expect(
            config.sources.last?.announce
                == .bluesky(handle: "telekom.bsky.social", appPassword: "b", pds: AnnounceConfig.defaultPDS))
        #expect(config.sources.dropLast().last?.announce == .mastodon(token: "m"))
    }
}
