// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

@Suite struct FeedsConfigParseTests {
    @Test func minimalFileGetsDocumentedDefaults() throws {
        let config = try ConfigTestSupport.parse(ConfigTestSupport.minimal)
        #expect(config.version == 1)
        #expect(config.timezone.identifier == TimeZone(secondsFromGMT: 0)?.identifier)
        #expect(config.store.path == "/srv/failwatch/failwatch.sqlite")
        #expect(
            config.fetch
                == FetchSettings(
                    concurrency: 8, timeout: 20, maxBodyBytes: 20 << 20, maxDecompressedBytes: 50 << 20,
                    maxRedirects: 5,
                    userAgent: nil))
        let source = try #require(config.sources.first)
        #expect(source.kind == .feed)
        #expect(source.providers == .any)
        #expect(source.interval == 300)
        #expect(source.maxPages == 5)
        #expect(source.backfill == 14 * 86_400)
        #expect(source.headers.isEmpty)
        #expect(source.displayURL == "https://example.org/feed.xml")
    }

    @Test func readsEveryFieldAsTypedValues() throws {
        let config = try ConfigTestSupport.parse(
            """
            version: 1
            timezone: Europe/Berlin
            store: {path: data/watch.sqlite}
            fetch: {concurrency: 3, timeout: 1m30s, max_body: 500KB, max_decompressed: 2MiB, max_redirects: 0,
                    user_agent: "failwatch-test/1"}
            providers:
              - id: telekom
                name: Deutsche Telekom
                aliases: [Telekom, T-Online]
                handles: [Telekom_hilft, "@deutschetelekom"]
                hashtags: ["#telekomstörung", telekom]
                domains: [Telekom.DE]
                exclude: [Telekom Baskets]
                languages: [DE, en]
                outage_terms: [kein Netz]
                negative_terms: [Warteschleife]
            sources:
              - name: news
                kind: feed
                url: https://news.example.org/rss?q=Telekom+St%C3%B6rung
                providers: [telekom]
                interval: 15m
                headers: {Accept-Language: de}
                max_pages: 2
                backfill: 3d
            """)
        #expect(config.timezone.identifier == "Europe/Berlin")
        #expect(config.store.path == "/srv/failwatch/data/watch.sqlite")
        #expect(
            config.fetch
                == FetchSettings(
                    concurrency: 3, timeout: 90, maxBodyBytes: 500_000, maxDecompressedBytes: 2 << 20, maxRedirects: 0,
                    userAgent: "failwatch-test/1"))
        #expect(
            config.providers == [
                ProviderConfig(
                    id: "telekom", name: "Deutsche Telekom", aliases: ["Telekom", "T-Online"],
                    handles: ["@Telekom_hilft", "@deutschetelekom"], hashtags: ["#telekomstörung", "#telekom"],
                    domains: ["telekom.de"], exclude: ["Telekom Baskets"], languages: ["de", "en"],
                    outageTerms: ["kein Netz"], negativeTerms: ["Warteschleife"])
            ])
        let source = try #require(config.sources.first)
        #expect(source.url.absoluteString == "https://news.example.org/rss?q=Telekom+St%C3%B6rung")
        #expect(source.providers == .only(["telekom"]))
        #expect(source.interval == 900)
        #expect(source.headers == ["Accept-Language": "de"])
        #expect(source.maxPages == 2)
        #expect(source.backfill == 3 * 86_400)
    }

    @Test(arguments: [
        ("file:examples/demo-feed.xml", "/srv/failwatch/examples/demo-feed.xml"),
        ("file:../shared/feed.xml", "/srv/shared/feed.xml"),
        ("file:///var/lib/feeds/a.xml", "/var/lib/feeds/a.xml"),
        ("file:/var/lib/feeds/b.xml", "/var/lib/feeds/b.xml"),
    ])
    func fileURLsAreResolvedAgainstTheConfigDirectory(written: String, path: String) throws {
        let yaml = ConfigTestSupport.minimal.replacingOccurrences(of: "https://example.org/feed.xml", with: written)
        let source = try #require(try ConfigTestSupport.parse(yaml).sources.first)
        #expect(source.url.isFileURL)
        #expect(source.url.path == path)
    }

    @Test func absoluteStorePathIsKept() throws {
        let config = try ConfigTestSupport.parse(
            "store:\n  path: /var/lib/failwatch/db.sqlite\n" + ConfigTestSupport.minimal)
        #expect(config.store.path == "/var/lib/failwatch/db.sqlite")
    }

    @Test func providerIdDefaultsToSlugOfName() throws {
        let yaml = ConfigTestSupport.minimal.replacingOccurrences(
            of: "  - name: Vodafone", with: "  - name: Vodafone Kabel Deutschland\n  - name: Störungsmelder Österreich")
        let ids = try ConfigTestSupport.parse(yaml).providers.map(\.id)
        #expect(ids == ["vodafone-kabel-deutschland", "stoerungsmelder-oesterreich"])
    }

    @Test(arguments: [
        ("Deutsche Telekom", "deutsche-telekom"), ("1&1", "1-1"), ("  A1 Telekom Austria ", "a1-telekom-austria"),
        ("Grüße aus Köln", "gruesse-aus-koeln"), ("Orange Belgïque", "orange-belgique"), ("&&&", ""),
    ])
    func slugRule(name: String, slug: String) {
        #expect(ProviderConfig.slug(of: name) == slug)
    }

    @Test func variablesAreExpandedButDisplayURLKeepsThem() throws {
        let yaml = ConfigTestSupport.minimal.replacingOccurrences(
            of: "url: https://example.org/feed.xml",
            with:
                "url: https://example.org/feed.xml?token=${FEED_TOKEN}\n    headers: {Authorization: \"Bearer ${FEED_TOKEN}\"}"
        )
        let config = try ConfigTestSupport.parse(yaml, environment: ["FEED_TOKEN": "s3cr3t"])
        let source = try #require(config.sources.first)
        #expect(source.url.absoluteString == "https://example.org/feed.xml?token=s3cr3t")
        #expect(source.headers == ["Authorization": "Bearer s3cr3t"])
        #expect(source.displayURL == "https://example.org/feed.xml?token=${FEED_TOKEN}")
    }

    @Test func doubleDollarIsALiteralDollarBrace() throws {
        let yaml = ConfigTestSupport.minimal.replacingOccurrences(
            of: "  - name: Vodafone", with: "  - name: Vodafone\n    aliases: [\"$${NOT_A_VAR}\", cost $5]")
        let provider = try #require(try ConfigTestSupport.parse(yaml).providers.first)
        #expect(provider.aliases == ["${NOT_A_VAR}", "cost $5"])
    }

    @Test func variablesWorkInStorePath() throws {
        let config = try ConfigTestSupport.parse(
            "store: {path: \"${STATE_DIRECTORY}/failwatch.sqlite\"}\n" + ConfigTestSupport.minimal,
            environment: ["STATE_DIRECTORY": "/var/lib/failwatch"])
        #expect(config.store.path == "/var/lib/failwatch/failwatch.sqlite")
    }

    @Test func yamlAnchorsAndMergeKeysShareSettings() throws {
        let config = try ConfigTestSupport.parse(
            """
            version: 1
            x-slow: &slow {interval: 30m, backfill: 2d}
            providers: [{name: Hetzner}]
            sources:
              - name: a
                url: https://a.example.org/feed
                <<: *slow
              - name: b
                url: https://b.example.org/feed
                <<: *slow
                interval: 1h
            """)
        #expect(config.sources.map(\.interval) == [1_800, 3_600])
        #expect(config.sources.map(\.backfill) == [2 * 86_400, 2 * 86_400])
    }

    @Test func singleProviderIdNeedsNoBrackets() throws {
        let yaml = ConfigTestSupport.minimal + "    providers: vodafone\n"
        #expect(try ConfigTestSupport.parse(yaml).sources.first?.providers == .only(["vodafone"]))
    }

    @Test func scopeIncludesOnlyListedProviders() {
        #expect(ProviderScope.any.includes("vodafone"))
        #expect(ProviderScope.only(["telekom"]).includes("telekom"))
        #expect(!ProviderScope.only(["telekom"]).includes("vodafone"))
    }
}
