// SPDX-License-Identifier: Apache-2.0
import FailwatchKit
import Foundation
import Testing

/// The `sinks:` section: typed sinks from valid YAML, one exact message per mistake, and
/// webhook URLs and secrets never printed.
@Suite struct SinksConfigTests {
    private static let secretURL = "https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX"

    private func withSinks(_ sinks: String) -> String {
        ConfigTestSupport.minimal + "sinks:\n" + sinks
    }

    @Test func sinksAreOptional() throws {
        #expect(try ConfigTestSupport.parse(ConfigTestSupport.minimal).sinks.isEmpty)
        #expect(try ConfigTestSupport.parse(ConfigTestSupport.minimal + "sinks: []\n").sinks.isEmpty)
    }

    @Test func validSinksAreTyped() throws {
        let config = try ConfigTestSupport.parse(
            withSinks(
                """
                  - name: slack-noc
                    kind: slack
                    url: ${SLACK_WEBHOOK_URL}
                    mention: "<!here>"
                  - name: partner
                    kind: webhook
                    url: https://partner.example/hooks/failwatch
                    providers: [vodafone]
                    secret: ${PARTNER_SECRET}

                """),
            environment: ["SLACK_WEBHOOK_URL": Self.secretURL, "PARTNER_SECRET": "k3y"])
        #expect(config.sinks.count == 2)
        let slack = config.sinks[0]
        #expect(slack.name == "slack-noc")
        #expect(slack.kind == .slack)
        #expect(slack.url.absoluteString == Self.secretURL)
        #expect(slack.displayURL == "${SLACK_WEBHOOK_URL}")
        #expect(slack.providers == .any)
        #expect(slack.mention == "<!here>")
        #expect(slack.secret == nil)
        let partner = config.sinks[1]
        #expect(partner.secret == "k3y")
        #expect(partner.providers == .only(["vodafone"]))
        #expect(partner.displayURL == "https://partner.example/…")
        #expect(config.sinks(for: "vodafone").map(\.name) == ["slack-noc", "partner"])
        #expect(config.sinks(for: "telekom").map(\.name) == ["slack-noc"])
    }

    @Test(arguments: [
        (
            "  - {name: a, kind: slack, url: \"${HOOK}\", colour: red}\n",
            "feeds.yml:8:44: unknown key 'colour' in sink 'a'; hint: allowed keys are name, kind, url, providers, secret, mention, routing_key, severity, expire_after"
        ),
        (
            "  - {name: a, kind: slak, url: \"${HOOK}\"}\n",
            "feeds.yml:8:21: unknown kind 'slak' in sink 'a' (did you mean 'slack'?)"
        ),
        (
            "  - {name: a, url: \"${HOOK}\"}\n",
            "feeds.yml:8:5: missing required key 'kind' in sink 'a'; hint: one of slack, mattermost, discord, teams, googlechat, webhook, pagerduty, alertmanager"
        ),
        (
            "  - {name: a, kind: slack}\n",
            "feeds.yml:8:5: missing required key 'url' in sink 'a'; hint: keep the webhook URL in the environment, e.g. url: ${SLACK_WEBHOOK_URL}"
        ),
        (
            "  - {name: a, kind: webhook, url: \"${HOOK}\"}\n",
            "feeds.yml:8:5: missing required key 'secret' in sink 'a'; hint: kind webhook signs every request with it; e.g. secret: ${FAILWATCH_WEBHOOK_SECRET}"
        ),
        (
            "  - {name: a, kind: slack, url: \"${HOOK}\", secret: x}\n",
            "feeds.yml:8:52: 'secret' in sink 'a' is only used by kind webhook; hint: remove it"
        ),
        (
            "  - {name: a, kind: webhook, url: \"${HOOK}\", secret: k, mention: \"@x\"}\n",
            "feeds.yml:8:66: 'mention' in sink 'a' is not used by kind webhook; hint: remove it, or notify in the receiving program"
        ),
        (
            "  - {name: a, kind: slack, url: \"${HOOK}\", providers: [vodafon]}\n",
            "feeds.yml:8:56: unknown provider 'vodafon' in sink 'a' (did you mean 'vodafone'?)"
        ),
        (
            "  - {name: a, kind: slack, url: \"${HOOK}\"}\n  - {name: a, kind: discord, url: \"${HOOK}\"}\n",
            "feeds.yml:9:12: duplicate sink name 'a' (first defined on line 8)"
        ),
        (
            "  - {name: a, kind: slack, url: \"${NOPE}\"}\n",
            "feeds.yml:8:33: environment variable 'NOPE' is not set, needed by 'url' in sink 'a'; hint: export NOPE before running failwatch, or write $${NOPE} for the literal text"
        ),
        (
            "  - {name: a, kind: slack, url: \"ftp://example.org/x\"}\n",
            "feeds.yml:8:33: unsupported url scheme 'ftp' in sink 'a'; hint: use https"
        ),
    ])
    func everyMistakeIsOneLine(sinks: String, expected: String) {
        #expect(ConfigTestSupport.errors(withSinks(sinks), environment: ["HOOK": Self.secretURL]) == [expected])
    }

    @Test func sinksMustBeAList() {
        #expect(
            ConfigTestSupport.errors(ConfigTestSupport.minimal + "sinks: {name: a}\n") == [
                "feeds.yml:7:8: expected a list for 'sinks' at the top level, found a mapping (key: value lines)"
                    + "; hint: list sinks as '- name: ...' lines, or remove the key"
            ])
    }

    /// Expanded URLs and secrets are secrets even when they are what is wrong.
    @Test func webhookURLsAndSecretsNeverReachMessages() {
        let secret = "XXXXsecretXXXX"
        let lines = ConfigTestSupport.errors(
            withSinks(
                """
                  - {name: a, kind: slack, url: "${BAD_SCHEME}"}
                  - {name: b, kind: discord, url: "${NO_HOST}"}
                  - {name: c, kind: teams, url: "https://$${secret}x"}
                  - {name: d, kind: webhook, url: "https://example.org/\(secret)", secret: "${MULTI}"}
                  - {name: e, kind: slack, url: "http://[\(secret)"}

                """),
            environment: [
                "BAD_SCHEME": "ftp://\(secret)@example.org/", "NO_HOST": "https:///\(secret)", "MULTI": "\(secret)\nx",
            ])
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0.contains("in sink '") })
        #expect(!lines.joined().contains(secret))
    }
}

/// The commented `sinks:` example in the shipped feeds.yml must work once uncommented.
@Suite struct ShippedSinksExampleTests {
    @Test func uncommentedExampleLoads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let shipped = try String(contentsOf: root.appendingPathComponent("feeds.yml"), encoding: .utf8)
        let lines = shipped.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "# sinks:"))
        var yaml = lines[..<start].joined(separator: "\n") + "\n"
        for line in lines[start...] where line.hasPrefix("# ") {
            yaml += String(line.dropFirst(2)) + "\n"
        }
        let environment = [
            "SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T/B/x",
            "DISCORD_WEBHOOK_URL": "https://discord.com/api/webhooks/1/x",
            "TICKETING_WEBHOOK_URL": "https://tickets.example/hook", "TICKETING_WEBHOOK_SECRET": "k",
            "PAGERDUTY_ROUTING_KEY": "0123456789abcdef0123456789abcdef",
        ]
        let config = try FeedsConfig.parse(
            yaml: yaml, fileName: "feeds.yml", baseDirectory: root, environment: environment)
        #expect(config.sinks.map(\.kind) == [.slack, .discord, .webhook, .pagerduty, .alertmanager])
    }
}
