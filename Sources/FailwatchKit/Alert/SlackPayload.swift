// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// Slack incoming-webhook payload: Block Kit blocks plus a plain `text` fallback for
/// notifications. Spec: https://api.slack.com/reference/block-kit/blocks and
/// https://api.slack.com/reference/surfaces/formatting#escaping
///
/// Untrusted text is escaped (`&`, `<`, `>` as entities, so `<!here>` and `<@U…>` stay
/// text) and `@channel`-style words get a zero-width space. Limits: header 150, section
/// text 3000, field 2000 characters, 50 blocks.
enum SlackPayload {
    static let sampleLimit = 500

    static func render(_ message: AlertMessage, mention: String?) -> JSONValue {
        let lead = message.mentionLead(mention, escape: escape)
        var blocks: [JSONValue] = [
            [
                "type": "header",
                "text": [
                    "type": "plain_text", "text": .string(AlertText.truncate(message.title, limit: 150)), "emoji": true,
                ],
            ],
            section(lead + "*" + escape(message.headline) + "*"),
            [
                "type": "section",
                "fields": [
                    field(
                        "Complaints",
                        "\(message.complaints) in \(AlertMessage.minutes(message.interval)) (usually \(AlertMessage.number(message.usual)))"
                    ),
                    field("People", "\(message.authors)"),
                    field("First complaint", message.time(message.firstComplaint)),
                    field("Official", AlertText.clean(message.officialLine, limit: 1500)),
                ],
            ],
        ]
        if !message.notes.isEmpty {
            blocks.append(context(message.notes.map(escape).joined(separator: " ")))
        }
        for line in message.holdingLines {
            blocks.append(section("*" + escape(line.label) + "*\n" + escape(AlertText.clean(line.text, limit: 1000))))
        }
        for post in message.shownSamples {
            let text = mrkdwn(AlertText.clean(post.text, limit: sampleLimit))
            let byline = escape(message.byline(post, author: AlertText.clean(post.author, limit: 80)))
            let link = post.link.map { " · <\(linkTarget($0.absoluteString))|open>" } ?? ""
            blocks.append(section("> " + text + "\n— " + byline + link))
        }
        var footer = escape(message.sourcesLine)
        if let more = message.moreLink { footer += " · <\(linkTarget(more.absoluteString))|more>" }
        blocks.append(context(footer))
        let fallback = lead + escape(message.headline)
        return ["text": .string(fallback), "blocks": .array(blocks)]
    }

    private static func section(_ text: String) -> JSONValue {
        ["type": "section", "text": ["type": "mrkdwn", "text": .string(AlertText.truncate(text, limit: 3000))]]
    }

    private static func field(_ name: String, _ value: String) -> JSONValue {
        ["type": "mrkdwn", "text": .string(AlertText.truncate("*\(name)*\n" + mrkdwn(value), limit: 2000))]
    }

    private static func context(_ text: String) -> JSONValue {
        ["type": "context", "elements": [["type": "mrkdwn", "text": .string(AlertText.truncate(text, limit: 3000))]]]
    }

    /// Slack's three control characters as entities, and mentions broken.
    static func escape(_ text: String) -> String {
        AlertText.defuseMentions(
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;"))
    }

    /// Escaped text with its links kept as Slack links (`<url>`), which need only `&` escaped.
    static func mrkdwn(_ text: String) -> String {
        AlertText.segments(text).map { segment in
            switch segment {
            case .text(let plain): escape(plain)
            case .link(let url): "<\(linkTarget(url))>"
            }
        }.joined()
    }

    private static func linkTarget(_ url: String) -> String {
        url.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "%3C")
            .replacingOccurrences(of: ">", with: "%3E").replacingOccurrences(of: "|", with: "%7C")
    }
}
