// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

/// Each rule of feeds.yml with the exact one-line message a user sees.
@Suite struct FeedsConfigValidationTests {
    private func errors(_ yaml: String, environment: [String: String] = [:]) -> [String] {
        ConfigTestSupport.errors(yaml, environment: environment)
    }

    @Test func yamlSyntaxErrorPointsAtLineAndColumn() {
        let lines = errors(
            """
            version: 1
            providers:
              - name: Vodafone
                aliases: [Kabel Deutschland
            sources: []
            """)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("feeds.yml:5:") == true)
        #expect(lines.first?.contains("invalid yaml:") == true)
    }

    @Test func tabIndentationIsASyntaxError() {
        let lines = errors("version: 1\nproviders:\n\t- name: x\n")
        #expect(lines.first?.hasPrefix("feeds.yml:3:1: invalid yaml:") == true)
    }

    @Test func duplicateKeyIsReported() {
        let lines = errors(ConfigTestSupport.minimal + "    url: https://other.example.org/\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("duplicate key 'url'") == true)
        #expect(lines.first?.hasPrefix("feeds.yml:6:") == true)
    }

    @Test func unknownKeyInSourceSuggestsTheRightOne() {
        #expect(
            errors(ConfigTestSupport.minimal + "    intervall: 15m\n") == [
                "feeds.yml:7:5: unknown key 'intervall' in source 'demo' (did you mean 'interval'?)"
            ])
    }

    @Test(arguments: [
        ("sorces: []\n", "feeds.yml:7:1: unknown key 'sorces' at the top level (did you mean 'sources'?)"),
        (
            "fetch: {concurency: 4}\n",
            "feeds.yml:7:9: unknown key 'concurency' in 'fetch' (did you mean 'concurrency'?)"
        ),
        ("store: {pth: x.sqlite}\n", "feeds.yml:7:9: unknown key 'pth' in 'store' (did you mean 'path'?)"),
    ])
    func unknownKeysAreErrorsAtEveryLevel(appended: String, expected: String) {
        #expect(errors(ConfigTestSupport.minimal + appended) == [expected])
    }

    @Test func unknownKeyInProviderWithoutCloseMatchListsAllowedKeys() {
        let yaml = ConfigTestSupport.minimal.replacingOccurrences(
            of: "  - name: Vodafone", with: "  - name: Vodafone\n    colour: red")
        #expect(
            errors(yaml) == [
                "feeds.yml:4:5: unknown key 'colour' in provider 'Vodafone'; hint: allowed keys are id, name, aliases, "
                    + "handles, hashtags, domains, exclude, languages, places, outage_terms, negative_terms, internal, detection, "
                    + "maintenance, status_url, holding_statement"
            ])
    }

    @Test func missingRequiredKeys() {
        #expect(
            errors(
                """
                providers:
                  - aliases: [x]
                sources:
                  - interval: 5m
                """) == [
                    "feeds.yml:1:1: missing required key 'version' at the top level; hint: add 'version: 1' as the first line",
                    "feeds.yml:2:5: missing required key 'name' in provider #1",
                    "feeds.yml:4:5: missing required key 'name' in source #1",
                    "feeds.yml:4:5: missing required key 'url' in source #1; hint: e.g. url: https://example.org/feed.xml "
                        + "or url: file:examples/demo-feed.xml",
                ])
    }

    @Test func missingOrEmptySections() {
        #expect(
            errors("version: 1\nsources: []\n") == [
                "feeds.yml:1:1: missing required key 'providers' at the top level; hint: list at least one provider with a 'name:'",
                "feeds.yml:2:10: expected a non-empty list for 'sources' at the top level, found a list; "
                    + "hint: list at least one source with a 'name:' and a 'url:'",
            ])
    }

    @Test func listItemsMustBeMappings() {
        #expect(
            errors("version: 1\nproviders: [Vodafone]\nsources: [demo]\n") == [
                "feeds.yml:2:13: expected a mapping with a name: in provider #1, found a single value",
                "feeds.yml:3:11: expected a mapping with name: and url: in source #1, found a single value",
            ])
    }

    @Test func emptyFileSaysHowToStart() {
        #expect(errors("# nothing yet\n") == ["feeds.yml:1:1: the file is empty; hint: start with 'version: 1'"])
    }

    @Test(arguments: ["version: 2", "version: \"1.0\"", "version: one"])
    func versionOtherThanOneIsRefused(line: String) {
        let yaml = ConfigTestSupport.minimal.replacingOccurrences(of: "version: 1", with: line)
        let lines = errors(yaml)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("feeds.yml:1:10: unsupported version") == true)
    }

    @Test(arguments: [
        (
            "    interval: 15\n",
            "expected a duration like 15m for 'interval' in source 'demo', found '15'; hint: add a unit, e.g. '15s' or '15m'"
        ),
        (
            "    interval: soon\n",
            "expected a duration like 15m for 'interval' in source 'demo', found 'soon'; hint: units are s, m, h, d, w; e.g. 30s, 15m, 1h30m, 14d"
        ),
        ("    interval: 30s\n", "'interval' in source 'demo' must be between 1m and 7d, found '30s'"),
        ("    interval: [5m]\n", "expected a duration like 15m for 'interval' in source 'demo', found a list"),
        ("    max_pages: many\n", "expected a whole number for 'max_pages' in source 'demo', found 'many'"),
        ("    max_pages: 0\n", "'max_pages' in source 'demo' must be between 1 and 100, found '0'"),
        (
            "    backfill: 2y\n",
            "expected a duration like 15m for 'backfill' in source 'demo', found '2y'; hint: units are s, m, h, d, w; e.g. 30s, 15m, 1h30m, 14d"
        ),
        ("    headers: [Accept]\n", "expected a mapping of header names to values for 'headers' in source 'demo'"),
        ("    name2: x\n", "unknown key 'name2' in source 'demo' (did you mean 'name'?)"),
        (
            "    kind: rss\n",
            "unknown kind 'rss' in source 'demo'; hint: supported kinds are "
                + SourceKind.allCases.map(\.rawValue).joined(separator: ", ") + " (feed reads RSS, Atom, RDF and JSON Feed)"
        ),
        ("    kind: feeds\n", "unknown kind 'feeds' in source 'demo' (did you mean 'feed'?)"),
    ])
    func wrongTypesInSourcesSayWhatIsExpected(appended: String, message: String) {
        let column = appended.firstIndex(of: ":").map { appended.distance(from: appended.startIndex, to: $0) + 3 } ?? 0
        let expected =
            appended.hasPrefix("    name2") ? "feeds.yml:7:5: " + message : "feeds.yml:7:\(column): " + message
        #expect(errors(ConfigTestSupport.minimal + appended) == [expected])
    }

    @Test(arguments: [
        ("fetch: {timeout: 0s}\n", "'timeout' in 'fetch' must be between 1s and 10m, found '0s'"),
        (
            "fetch: {max_body: big}\n",
            "expected a size like 20MiB or 500KB for 'max_body' in 'fetch', found 'big'; hint: units are B, KB, MB, GB (1000) and KiB, MiB, GiB (1024)"
        ),
        (
            "fetch: {max_body: 10MB, max_decompressed: 5MB}\n",
            "'max_decompressed' in 'fetch' must not be smaller than 'max_body'"
        ),
        ("fetch: {concurrency: 0}\n", "'concurrency' in 'fetch' must be between 1 and 64, found '0'"),
        ("fetch: {max_redirects: -1}\n", "'max_redirects' in 'fetch' must be between 0 and 20, found '-1'"),
        ("fetch: 8\n", "expected a mapping in 'fetch', found a single value"),
        ("timezone: Europe/Berln\n", "unknown time zone 'Europe/Berln' (did you mean 'Europe/Berlin'?)"),
        (
            "store: {path: ~/failwatch.sqlite}\n",
            "'~' is not expanded in 'path' in 'store'; hint: write ${HOME}/... instead"
        ),
    ])
    func wrongTopLevelSettings(appended: String, message: String) {
        let lines = errors(ConfigTestSupport.minimal + appended)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("feeds.yml:7:") == true)
        #expect(lines.first?.hasSuffix(": " + message) == true, "\(lines)")
    }

    @Test func duplicateSourceNamesAndProviderIds() {
        #expect(
            errors(
                """
                version: 1
                providers:
                  - name: Vodafone
                  - {id: vodafone, name: Vodafone Kabel}
                sources:
                  - {name: news, url: "https://a.example.org/"}
                  - {name: news, url: "https://b.example.org/"}
                """) == [
                    "feeds.yml:4:10: duplicate provider id 'vodafone' (first defined on line 3); hint: give each provider its own 'id:'",
                    "feeds.yml:7:12: duplicate source name 'news' (first defined on line 6)",
                ])
    }

    @Test func sourceReferencingUnknownProvider() {
        #expect(
            errors(ConfigTestSupport.minimal + "    providers: [vodafon, hetzner]\n") == [
                "feeds.yml:7:17: unknown provider 'vodafon' in source 'demo' (did you mean 'vodafone'?)",
                "feeds.yml:7:26: unknown provider 'hetzner' in source 'demo'; hint: known ids are vodafone",
            ])
    }

    @Test(arguments: [
        ("ftp://example.org/feed", "unsupported url scheme 'ftp' in source 'demo'; hint: use http, https or file"),
        (
            "example.org/feed.xml",
            "invalid url 'example.org/feed.xml' in source 'demo'; hint: write https://... for the web or file:path/to/feed.xml for a local file"
        ),
        ("https:///feed.xml", "url 'https:///feed.xml' in source 'demo' has no host"),
        (
            "file://server/feed.xml",
            "invalid file url 'file://server/feed.xml' in source 'demo'; hint: write file:///absolute/path or file:relative/path"
        ),
        ("\"file:\"", "file url 'file:' in source 'demo' names no file"),
    ])
    func invalidURLsAndSchemes(url: String, message: String) {
        let yaml = ConfigTestSupport.minimal.replacingOccurrences(of: "https://example.org/feed.xml", with: url)
        #expect(errors(yaml) == ["feeds.yml:6:10: " + message])
    }

    @Test(arguments: [
        (
            "    domains: [https://vodafone.de/]",
            "feeds.yml:4:15: 'https://vodafone.de/' in 'domains' in provider 'Vodafone' is not a host name; hint: write the host only, e.g. vodafone.de"
        ),
        (
            "    languages: [german]",
            "feeds.yml:4:17: 'german' in 'languages' in provider 'Vodafone' is not a language code; hint: use codes such as de, en, fr"
        ),
        (
            "    handles: [\"@vodafone service\"]",
            "feeds.yml:4:15: '@vodafone service' in 'handles' in provider 'Vodafone' must be one word without spaces"
        ),
        (
            "    id: Vodafone DE",
            "feeds.yml:4:9: invalid provider id 'Vodafone DE' in provider 'Vodafone'; hint: use lower-case letters, digits and '-', e.g. 'vodafone-de'"
        ),
        (
            "    id: any",
            "feeds.yml:4:9: 'any' cannot be a provider id in provider 'Vodafone', it means every provider in sources; hint: add another 'id:'"
        ),
        (
            "    aliases: {a: b}",
            "feeds.yml:4:14: expected a list for 'aliases' in provider 'Vodafone', found a mapping (key: value lines)"
        ),
    ])
    func invalidProviderFields(line: String, expected: String) {
        let yaml = ConfigTestSupport.minimal.replacingOccurrences(
            of: "  - name: Vodafone", with: "  - name: Vodafone\n" + line)
        #expect(errors(yaml) == [expected])
    }

    @Test func providerNameWithoutLettersNeedsAnId() {
        let yaml = ConfigTestSupport.minimal.replacingOccurrences(of: "name: Vodafone", with: "name: \"&&\"")
        #expect(
            errors(yaml) == [
                "feeds.yml:3:11: cannot derive an id from the name '&&' in provider '&&'; hint: add an 'id:'"
            ])
    }

    @Test func missingEnvironmentVariableIsNamedWithItsLine() {
        let yaml = ConfigTestSupport.minimal.replacingOccurrences(
            of: "https://example.org/feed.xml", with: "https://example.org/feed.xml?key=${FEED_KEY}")
        #expect(
            errors(yaml) == [
                "feeds.yml:6:10: environment variable 'FEED_KEY' is not set, needed by 'url' in source 'demo'; "
                    + "hint: export FEED_KEY before running failwatch, or write $${FEED_KEY} for the literal text"
            ])
    }

    @Test(arguments: [
        (
            "${UNCLOSED",
            "unterminated '${' in 'url' in source 'demo'; hint: close it with '}', or write '$${' for a literal '${'"
        ),
        (
            "${1BAD}",
            "invalid environment variable name '1BAD' in 'url' in source 'demo'; hint: use letters, digits and '_', not starting with a digit"
        ),
    ])
    func malformedVariables(reference: String, message: String) {
        let yaml = ConfigTestSupport.minimal.replacingOccurrences(
            of: "https://example.org/feed.xml", with: "\"https://example.org/\(reference)\"")
        #expect(errors(yaml) == ["feeds.yml:6:10: " + message])
    }

    /// A secret must never reach an error message, even when the expanded value is what is wrong.
    @Test func expandedSecretsNeverAppearInErrors() {
        let secret = "tok-9f8e7d6c"
        let yaml = """
            version: 1
            providers: [{name: Vodafone}]
            sources:
              - name: bad-url
                url: "${FEED_URL}"
              - name: bad-header
                url: https://example.org/
                headers: {Authorization: "${AUTH}"}
              - name: bad-interval
                url: https://example.org/x
                interval: ${INTERVAL}
            """
        let lines = errors(
            yaml,
            environment: [
                "FEED_URL": "ftp://\(secret)@example.org/", "AUTH": "Bearer \(secret)\nX: y", "INTERVAL": "86420",
            ])
        #expect(
            lines == [
                "feeds.yml:5:10: unsupported url scheme 'ftp' in source 'bad-url'; hint: use http, https or file",
                "feeds.yml:8:30: header 'Authorization' in source 'bad-header' contains a line break",
                "feeds.yml:11:15: expected a duration like 15m for 'interval' in source 'bad-interval', found '${INTERVAL}'; "
                    + "hint: units are s, m, h, d, w; e.g. 30s, 15m, 1h30m, 14d",
            ])
        #expect(!lines.joined().contains(secret))
        #expect(!lines.joined().contains("86420"))
    }

    @Test func everyProblemIsReportedInFileOrderOneLineEach() {
        let lines = errors(
            """
            version: 1
            fetch: {timeout: 20}
            providers:
              - name: Vodafone
                aliasses: [Kabel Deutschland]
            sources:
              - name: demo
                url: https://example.org/feed.xml
                providers: [telekom]
                intervall: 5m
            sorces: []
            """)
        #expect(
            lines.map { $0.split(separator: ":").prefix(2).joined(separator: ":") } == [
                "feeds.yml:2", "feeds.yml:5", "feeds.yml:9", "feeds.yml:10", "feeds.yml:11",
            ])
        #expect(lines.allSatisfy { !$0.contains("\n") })
    }

    /// Found by libFuzzer: a 400-character key came back whole in a 1,100-character line; a
    /// quoted key with a line break split the diagnostic in two.
    @Test func quotedKeysAndValuesStayOneShortLine() {
        let long = "version" + String(repeating: "x", count: 400)
        let lines = ConfigTestSupport.errors(
            ConfigTestSupport.minimal + "\(long): 1\n\"two\\nlines\": 2\nalerts:\n  give_up_after: " + String(repeating: "9", count: 300)
                + "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.count < 300 && !$0.contains { $0.isNewline } }, "\(lines)")
        #expect(lines.first?.hasPrefix("feeds.yml:7:1: unknown key 'versionxxx") == true)
        #expect(lines.first?.contains("…' at the top level") == true)
        #expect(lines.dropFirst().first?.hasPrefix("feeds.yml:8:1: unknown key 'two lines' at the top level") == true)
    }

    @Test func loadReportsAMissingFileWithoutALine() {
        #expect(
            throws: ConfigError.unreadable(
                file: "/nonexistent/feeds.yml", reason: "no such file; hint: pass --config PATH"
            )
        ) {
            try FeedsConfig.load(path: "/nonexistent/feeds.yml", environment: [:], missingFileHint: "pass --config PATH")
        }
    }
}
