// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// Mattermost incoming-webhook payload: a Markdown `text` line and one Slack-style attachment
/// (`fallback`, `color`, `title`, `text`, `fields`, `footer`).
/// Spec: https://developers.mattermost.com/integrate/webhooks/incoming/ and
/// https://developers.mattermost.com/integrate/reference/message-attachments/
///
/// Mattermost renders Markdown and notifies on `@channel`, `@all`, `@here` and `@user`, so
/// untrusted text has `&<>` as entities, Markdown characters backslash-escaped and every
/// `@` followed by a zero-width space; links become CommonMark autolinks (`<url>`). Posts are limited
/// to 16383 characters; this stays far below.
enum MattermostPayload {
    static let sampleLimit = 500

    static func render(_ message: AlertMessage, mention: String?) -> JSONValue {
        let lead = message.mentionLead(mention, escape: escape)
        var lines: [String] = []
        if !message.notes.isEmpty { lines.append("_" + message.notes.map(escape).joined(separator: " ") + "_") }
        for line in message.holdingLines {
            lines.append("**" + escape(line.label) + "**: " + escape(AlertText.clean(line.text, limit: 1000)))
        }
        for post in message.shownSamples {
            let text = markdown(AlertText.clean(post.text, limit: sampleLimit))
            let byline = escape(message.byline(post, author: AlertText.clean(post.author, limit: 80)))
            let link = post.link.map { " · " + $0.absoluteString } ?? ""
            lines.append("> " + text + "\n\n— " + byline + link)
        }
        var footer = message.sourcesLine
        if let more = message.moreLink { footer += " · more: " + more.absoluteString }
        let attachment: JSONValue = [
            "fallback": .string(AlertText.clean(message.headline, limit: 300)),
            "color": .string(message.colourHex),
            "title": .string(escape(message.title)),
            "text": .string(AlertText.truncate(lines.joined(separator: "\n\n"), limit: 6000)),
            "fields": [
                field(
                    "Complaints",
                    "\(message.complaints) in \(AlertMessage.minutes(message.interval)) (usually \(AlertMessage.number(message.usual)))",
                    short: true),
                field("People", "\(message.authors)", short: true),
                field("First complaint", message.time(message.firstComplaint), short: true),
                field("Official", AlertText.clean(message.officialLine, limit: 1000), short: false),
            ],
            "footer": .string(AlertText.clean(footer, limit: 500)),
        ]
        return ["text": .string(lead + "**" + escape(message.headline) + "**"), "attachments": [attachment]]
    }

    private static func field(_ title: String, _ value: String, short: Bool) -> JSONValue {
        ["title": .string(title), "value": .string(markdown(value)), "short": .bool(short)]
    }

    /// Entities for `&<>`, a backslash before Markdown characters, mentions broken.
    static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\\", "`", "*", "_", "~", "[", "]", "(", ")", "#", "|", "!":
                output += "\\" + String(character)
            default: output.append(character)
            }
        }
        return AlertText.defuseMentions(output)
    }

    /// Escaped text with its links as autolinks, which no neighbouring character can extend.
    static func markdown(_ text: String) -> String {
        AlertText.segments(text).map { segment in
            switch segment {
            case .text(let plain): escape(plain)
            case .link(let url): "<" + url + ">"
            }
        }.joined()
    }
}
