import Foundation
import Testing

// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchKit

/// What a hostile post must never do in a chat room: ping everyone, inject markup, flip text
/// direction, or blow the platform's size limits; and what it must keep: its links.
@Suite struct AlertPayloadSafetyTests {
    static let chatKinds: [SinkKind] = [.slack, .mattermost, .discord, .teams, .googlechat]

    /// Every string value in a JSON document.
    private func strings(_ value: JSONValue) -> [String] {
        switch value {
        case .string(let text): [text]
        case .array(let items): items.flatMap(strings)
        case .object(let object): object.values.flatMap(strings)
        default: []
        }
    }

    private func rendered(_ kind: SinkKind) -> [String] {
        strings(AlertFixtures.render(AlertFixtures.hostile, for: kind))
    }

    @Test(arguments: chatKinds)
    func massMentionsArePrintedButCannotPing(kind: SinkKind) {
        let text = rendered(kind).joined(separator: "\n")
        for mention in [
            "@channel", "@here", "@everyone", "<!here>", "<!channel>", "<@U024BE7LH>", "<@&123456>", "<users/all>",
        ] {
            #expect(!text.contains(mention), "\(kind.rawValue) lets '\(mention)' through")
        }
        #expect(text.contains("@\u{200B}everyone") || text.contains("@\u{200B}channel"))
    }

    @Test(arguments: [SinkKind.slack, .mattermost, .googlechat])
    func markupIsEscapedAsEntities(kind: SinkKind) {
        let text = rendered(kind).joined(separator: "\n")
        #expect(!text.contains("<script>"))
        #expect(!text.contains("<b>blinks"))
        #expect(text.contains("&lt;script&gt;"))
    }

    @Test(arguments: [SinkKind.mattermost, .discord])
    func markdownLinksAndImagesAreEscaped(kind: SinkKind) {
        let text = rendered(kind).joined(separator: "\n")
        #expect(!text.contains("[click here](https://evil.example/phish)"))
        #expect(!text.contains("![img]("))
        #expect(text.contains("\\[click here\\]"))
    }

    @Test func teamsKeepsPostsInPlainTextRunsOnly() {
        let payload = AlertFixtures.render(AlertFixtures.hostile, for: .teams)
        let body = String(decoding: payload.encoded(), as: UTF8.self)
        // Post text appears only as TextRun values, never as a Markdown-parsed TextBlock.
        let textBlocks = body.components(separatedBy: "\"type\":\"TextBlock\"").count - 1
        #expect(textBlocks == 1)
        #expect(body.contains("[click here](https://evil.example/phish)"))
        #expect(body.contains("\"type\":\"Action.OpenUrl\""))
    }

    @Test(arguments: SinkKind.allCases)
    func directionOverridesAndControlCharactersAreRemoved(kind: SinkKind) {
        let text = rendered(kind).joined()
        for scalar in ["\u{202E}", "\u{202C}", "\u{2067}", "\u{2069}"] { #expect(!text.contains(scalar)) }
        #expect(!rendered(kind).contains { $0.contains("long\nwinded") })
    }

    @Test(arguments: SinkKind.allCases)
    func postLinksAreKeptClickable(kind: SinkKind) {
        let text = rendered(kind).joined(separator: "\n")
        #expect(text.contains("https://mastodon.example/@kunde/111"))
        #expect(text.contains("https://example.org/status?a=1"))
    }

    @Test func tenThousandCharacterPostIsCutPerPlatform() {
        #expect(AlertFixtures.longPost.count > 10_000)
        let limits: [SinkKind: Int] = [
            .slack: 3000, .mattermost: 6000, .discord: 4096, .teams: 1000, .googlechat: 4000, .webhook: 2000,
            .pagerduty: 1024, .alertmanager: 2000,
        ]
        for (kind, limit) in limits {
            let longest = rendered(kind).map(\.count).max() ?? 0
            #expect(longest <= limit, "\(kind.rawValue): longest string \(longest) > \(limit)")
            #expect(rendered(kind).contains { $0.contains("…") }, "\(kind.rawValue) does not mark the cut")
        }
    }

    @Test func discordStaysWithinEmbedLimitsAndPingsOnlyTheConfiguredRole() throws {
        let payload = AlertFixtures.render(AlertFixtures.hostile, for: .discord, mention: "<@&987654321>")
        let json = try #require(try JSONSerialization.jsonObject(with: payload.encoded()) as? [String: Any])
        let embed = try #require((json["embeds"] as? [[String: Any]])?.first)
        let fields = try #require(embed["fields"] as? [[String: Any]])
        let total =
            (embed["title"] as? String ?? "").count + (embed["description"] as? String ?? "").count
            + fields.map { ($0["name"] as? String ?? "").count + ($0["value"] as? String ?? "").count }.reduce(0, +)
            + ((embed["footer"] as? [String: Any])?["text"] as? String ?? "").count
        #expect(total <= 6000)
        #expect(fields.allSatisfy { ($0["value"] as? String ?? "").count <= 1024 })
        let allowed = try #require(json["allowed_mentions"] as? [String: Any])
        #expect((allowed["parse"] as? [Any])?.isEmpty == true)
        #expect(allowed["roles"] as? [String] == ["987654321"])
        #expect(json["content"] as? String == "<@&987654321>")
    }

    @Test func discordWithoutMentionAllowsNone() throws {
        let payload = AlertFixtures.render(AlertFixtures.hostile, for: .discord)
        #expect(strings(payload).contains("<@&987654321>") == false)
        let json = try #require(try JSONSerialization.jsonObject(with: payload.encoded()) as? [String: Any])
        #expect(json["content"] == nil)
        #expect(NSDictionary(dictionary: json["allowed_mentions"] as? [String: Any] ?? [:]) == ["parse": []])
    }

    @Test func mentionGoesOnlyWithOpeningAlerts() {
        var message = AlertFixtures.hostile
        message.kind = .updated
        message.updateNumber = 2
        let text = strings(AlertFixtures.render(message, for: .slack, mention: "<!here>")).joined()
        #expect(!text.contains("<!here>"))
        #expect(text.contains("update 2"))
        #expect(text.contains("Follows the alert of incident inc-42."))
    }

    @Test func resolvedAlertIsShortAndCarriesNoSamples() {
        var message = AlertFixtures.hostile
        message.kind = .resolved
        message.updateNumber = 3
        let text = strings(AlertFixtures.render(message, for: .slack)).joined(separator: "\n")
        #expect(text.contains("Vodafone: resolved, complaints back to usual"))
        #expect(!text.contains("script"))
    }
}
