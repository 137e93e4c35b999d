// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// Microsoft Teams workflow webhook payload ("When a Teams webhook request is received" →
/// "Post card in a chat or channel"): a `message` with one Adaptive Card 1.4 attachment.
/// Spec: https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using
/// and https://adaptivecards.io/explorer/
///
/// Untrusted text goes only into `TextRun`s of `RichTextBlock`s, which Adaptive Cards never
/// parse as Markdown; links are `Action.OpenUrl` select actions. A workflow card may be at
/// most 28 KB, so samples are cut to 400 characters. Teams pings only through
/// `msteams.entities`, so the configured mention is shown as text and pings nobody.
enum TeamsPayload {
    static let sampleLimit = 400

    static func render(_ message: AlertMessage, mention: String?) -> JSONValue {
        var body: [JSONValue] = []
        let lead = message.mentionLead(mention.map { AlertText.clean($0, limit: 200) }) { $0 }
        if !lead.isEmpty { body.append(plain(String(lead.dropLast()), subtle: false)) }
        body.append([
            "type": "TextBlock", "text": .string(escape(message.title)), "weight": "Bolder", "size": "Medium",
            "wrap": true, "color": .string(message.kind == .resolved ? "Good" : "Attention"),
        ])
        body.append(plain(message.headline, subtle: false))
        body.append([
            "type": "FactSet",
            "facts": [
                fact(
                    "Complaints",
                    "\(message.complaints) in \(AlertMessage.minutes(message.interval)) (usually \(AlertMessage.number(message.usual)))"
                ),
                fact("People", "\(message.authors)"),
                fact("First complaint", message.time(message.firstComplaint)),
            ],
        ])
        body.append(plain(AlertText.clean(message.officialLine, limit: 1000), subtle: true))
        for note in message.notes { body.append(plain(note, subtle: false, bold: true)) }
        for line in message.holdingLines {
            body.append(plain(line.label + ": " + AlertText.clean(line.text, limit: 1000), subtle: false))
        }
        for post in message.shownSamples {
            var inlines: [JSONValue] = [
                run(AlertText.clean(post.text, limit: sampleLimit)),
                run(" — " + message.byline(post, author: AlertText.clean(post.author, limit: 80)), subtle: true),
            ]
            if let link = post.link {
                inlines.append(run(" · "))
                inlines.append([
                    "type": "TextRun", "text": "open",
                    "selectAction": ["type": "Action.OpenUrl", "url": .string(link.absoluteString)],
                ])
            }
            body.append(["type": "RichTextBlock", "separator": true, "inlines": .array(inlines)])
        }
        body.append(plain(message.sourcesLine, subtle: true))
        var card: [String: JSONValue] = [
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "type": "AdaptiveCard",
            "version": "1.4",
            "msteams": ["width": "Full"],
            "body": .array(body),
        ]
        if let more = message.moreLink {
            card["actions"] = [["type": "Action.OpenUrl", "title": "More", "url": .string(more.absoluteString)]]
        }
        return [
            "type": "message",
            "attachments": [
                [
                    "contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": .null,
                    "content": .object(card),
                ]
            ],
        ]
    }

    /// A `RichTextBlock` holding `text` verbatim.
    private static func plain(_ text: String, subtle: Bool, bold: Bool = false) -> JSONValue {
        var textRun: [String: JSONValue] = ["type": "TextRun", "text": .string(AlertText.defuseMentions(text))]
        if subtle { textRun["isSubtle"] = .bool(true) }
        if bold { textRun["weight"] = .string("Bolder") }
        return ["type": "RichTextBlock", "inlines": [.object(textRun)]]
    }

    private static func run(_ text: String, subtle: Bool = false) -> JSONValue {
        var textRun: [String: JSONValue] = ["type": "TextRun", "text": .string(AlertText.defuseMentions(text))]
        if subtle { textRun["isSubtle"] = .bool(true) }
        return .object(textRun)
    }

    private static func fact(_ title: String, _ value: String) -> JSONValue {
        ["title": .string(title), "value": .string(AlertText.defuseMentions(value))]
    }

    /// A backslash before the Markdown characters that make TextBlock text bold, italic or a link.
    static func escape(_ text: String) -> String {
        AlertText.defuseMentions(AlertText.backslashed(text, characters: "\\*_[]"))
    }
}
