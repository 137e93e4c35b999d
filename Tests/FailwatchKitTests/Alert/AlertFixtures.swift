import Foundation

// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchKit
@testable import FailwatchCore

/// One alert full of what the internet sends: markup, mentions, Markdown links, a 10k-character
/// post and a right-to-left override, so every renderer is tested against the same attacks.
enum AlertFixtures {
    /// Monday 2026-11-23 14:20:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_443_600)

    /// A placeholder PagerDuty routing key (32 characters, like a real one); not a secret.
    static let routingKey = "R0UT1NGKEY0FA1LWATCHTESTS0000000"

    /// A sink of `kind` as feeds.yml would make it, with the on-call settings its kind needs.
    static func sink(_ kind: SinkKind, mention: String? = nil) -> SinkConfig {
        let onCall: OnCallSettings? =
            switch kind {
            case .pagerduty: OnCallSettings(severity: "critical", routingKey: routingKey)
            case .alertmanager: OnCallSettings(severity: "critical", expireAfter: 3_600)
            default: nil
            }
        return SinkConfig(
            name: kind.rawValue, kind: kind, url: URL(fileURLWithPath: "/"), secret: kind == .webhook ? "s" : nil,
            mention: mention, onCall: onCall)
    }

    /// `message` as `kind` renders it when sent at ``now``.
    static func render(_ message: AlertMessage, for kind: SinkKind, mention: String? = nil) -> JSONValue {
        AlertPayload.render(message, for: sink(kind, mention: mention), now: now)
    }

    /// The request body of `message` on `kind` when sent at ``now``.
    static func body(_ message: AlertMessage, for kind: SinkKind, mention: String? = nil) -> Data {
        AlertPayload.body(message, for: sink(kind, mention: mention), now: now)
    }

    static let longPost = "Kein Internet. " + String(repeating: "Immer noch nichts! ", count: 530)

    static let hostile = AlertMessage(
        kind: .opened, provider: .init(id: "vodafone", name: "Vodafone"), incidentID: "inc-42", updateNumber: 0,
        complaints: 34, authors: 29, interval: 600, usual: 2, firstComplaint: now.addingTimeInterval(-900),
        sources: ["mastodon-stoerung", "reddit-de-stoerung"],
        samples: [
            .init(
                text:
                    "<script>alert(1)</script> @channel internet down & router <b>blinks</b> https://example.org/status?a=1&b=2.",
                author: "<!here>", link: URL(string: "https://mastodon.example/@kunde/111"),
                time: now.addingTimeInterval(-60), source: "mastodon-stoerung"),
            .init(
                text: "@everyone @here <!channel> <@U024BE7LH> <@&123456> <users/all> **everyone** look",
                author: "@everyone", link: URL(string: "https://reddit.example/r/de/comments/abc"),
                time: now.addingTimeInterval(-120), source: "reddit-de-stoerung"),
            .init(
                text:
                    "[click here](https://evil.example/phish) ![img](https://evil.example/t.png) `code` *bold* _it_ ~x~ # title | > quote",
                author: "md_[injector]", link: nil, time: now.addingTimeInterval(-180), source: "mastodon-stoerung"),
            .init(
                text: longPost, author: "long\nwinded", link: URL(string: "https://example.org/long"),
                time: now.addingTimeInterval(-240), source: "mastodon-stoerung"),
            .init(
                text: "Invoice from \u{202E}gpj.exe\u{202C} and \u{2067}RTL\u{2069} text, zero\u{200B}width",
                author: "\u{202E}nimda", link: URL(string: "https://example.org/rtl"),
                time: now.addingTimeInterval(-300), source: "mastodon-stoerung"),
        ],
        official: .init(
            statusPage: "all operational <!here>", lastOfficialPost: now.addingTimeInterval(-86_400 * 2),
            monitoring: "all probes green"),
        silentOutage: true, providersAtOnce: 3,
        holdingStatements: [
            .init(
                language: "de",
                text:
                    "Wir wissen von einer Störung bei Internet in <b>Köln</b> @channel. Infos: https://status.example.org/?a=1&b=2"
            ),
            .init(language: "en", text: "We are aware of a problem with internet in Köln <!here>."),
        ],
        moreLink: URL(string: "https://failwatch.example/incidents/inc-42"),
        createdAt: now, timeZoneID: "Europe/Berlin")
}
