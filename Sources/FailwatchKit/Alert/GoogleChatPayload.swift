// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// Google Chat space webhook payload: a `text` line (what notifications show) and one
/// `cardsV2` card. Spec: https://developers.google.com/workspace/chat/api/reference/rest/v1/spaces.messages
/// and https://developers.google.com/workspace/chat/format-messages
///
/// Card text widgets take a small HTML subset, so untrusted text is HTML-escaped (`<users/all>`
/// becomes inert text) and links become `<a href>`; the `text` line carries only the
/// headline with `<` broken. Messages may be 32,000 bytes; samples are cut to 500 characters.
/// Messages of one incident share a `thread.threadKey`, so follow-ups land in its thread.
enum GoogleChatPayload {
    static let sampleLimit = 500

    static func render(_ message: AlertMessage, mention: String?) -> JSONValue {
        let lead = message.mentionLead(mention, escape: escape)
        var facts: [JSONValue] = [
            decorated(
                "Complaints",
                "\(message.complaints) in \(AlertMessage.minutes(message.interval)) (usually \(AlertMessage.number(message.usual)))"
            ),
            decorated("People", "\(message.authors)"),
            decorated("First complaint", message.time(message.firstComplaint)),
            decorated("Official", AlertText.clean(message.officialLine, limit: 1000)),
        ]
        for note in message.notes { facts.append(paragraph("<b>" + escape(note) + "</b>")) }
        for line in message.holdingLines {
            facts.append(decorated(line.label, AlertText.clean(line.text, limit: 1000)))
        }
        var sections: [JSONValue] = [["widgets": .array(facts)]]
        let samples: [JSONValue] = message.shownSamples.map { post in
            var content = html(AlertText.clean(post.text, limit: sampleLimit))
            content +=
                "<br><i>" + escape(message.byline(post, author: AlertText.clean(post.author, limit: 80))) + "</i>"
            if let link = post.link { content += " · " + anchor(link.absoluteString, label: "open") }
            return paragraph(content)
        }
        if !samples.isEmpty { sections.append(["header": "Sample posts", "widgets": .array(samples)]) }
        var footer: [JSONValue] = [paragraph("<i>" + escape(message.sourcesLine) + "</i>")]
        if let more = message.moreLink {
            footer.append([
                "buttonList": [
                    "buttons": [["text": "More", "onClick": ["openLink": ["url": .string(more.absoluteString)]]]]
                ]
            ])
        }
        sections.append(["widgets": .array(footer)])
        let card: JSONValue = [
            "cardId": .string("failwatch-" + message.idempotencyKey),
            "card": [
                "header": [
                    "title": .string(AlertText.clean(message.title, limit: 200)),
                    "subtitle": .string(AlertText.clean(message.headline, limit: 200)),
                ],
                "sections": .array(sections),
            ],
        ]
        let text = lead + AlertText.defuseMentions(AlertText.clean(message.headline, limit: 1000))
        return ["text": .string(text), "cardsV2": [card], "thread": ["threadKey": .string(threadKey(message))]]
    }

    /// One thread per incident: updates and the resolution are replies to the opening message
    /// (with `messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD`, see ``WebhookRequest``).
    static func threadKey(_ message: AlertMessage) -> String { "failwatch-" + message.incidentID }

    private static func decorated(_ label: String, _ value: String) -> JSONValue {
        ["decoratedText": ["topLabel": .string(label), "text": .string(escape(value)), "wrapText": true]]
    }

    private static func paragraph(_ html: String) -> JSONValue {
        ["textParagraph": ["text": .string(html)]]
    }

    /// HTML-escaped, mentions broken.
    static func escape(_ text: String) -> String {
        AlertText.defuseMentions(
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;"))
    }

    /// Escaped text with its links as anchors.
    static func html(_ text: String) -> String {
        AlertText.segments(text).map { segment in
            switch segment {
            case .text(let plain): escape(plain)
            case .link(let url): anchor(url, label: url)
            }
        }.joined()
    }

    private static func anchor(_ url: String, label: String) -> String {
        let href = url.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "%22")
            .replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E")
        return "<a href=\"\(href)\">\(label == url ? href : escape(label))</a>"
    }
}
