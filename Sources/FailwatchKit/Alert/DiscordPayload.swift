// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// Discord webhook payload: one embed, `allowed_mentions` closed to everything except the
/// configured mention. Spec: https://discord.com/developers/docs/resources/webhook#execute-webhook
/// and https://discord.com/developers/docs/resources/message#embed-object-embed-limits
///
/// Untrusted text has Markdown characters backslash-escaped and every `@` and `<@`/`<#`
/// broken by a zero-width space; even so nothing pings, because `allowed_mentions.parse` is
/// empty. Limits: title 256, description 4096, 25 fields of name 256 / value 1024, footer
/// 2048, 6000 characters per message in all embeds; `content` 2000.
enum DiscordPayload {
    static let sampleLimit = 400

    static func render(_ message: AlertMessage, mention: String?) -> JSONValue {
        let lead = message.mentionLead(mention, escape: escape)
        var description = [escape(message.headline)]
        description += message.notes.map { "*" + escape($0) + "*" }
        var fields: [JSONValue] = [
            field(
                "Complaints",
                "\(message.complaints) in \(AlertMessage.minutes(message.interval)) (usually \(AlertMessage.number(message.usual)))",
                inline: true),
            field("People", "\(message.authors)", inline: true),
            field("First complaint", message.time(message.firstComplaint), inline: true),
            field("Official", markdown(AlertText.clean(message.officialLine, limit: 1000)), inline: false),
        ]
        for line in message.holdingLines {
            fields.append(field(line.label, escape(AlertText.clean(line.text, limit: 1000)), inline: false))
        }
        for post in message.shownSamples {
            let name = escape(message.byline(post, author: AlertText.clean(post.author, limit: 80)))
            var value = markdown(AlertText.clean(post.text, limit: sampleLimit))
            if let link = post.link { value += "\n" + link.absoluteString }
            fields.append(field(name, value, inline: false))
        }
        var embed: [String: JSONValue] = [
            "title": .string(AlertText.truncate(message.title, limit: 256)),
            "description": .string(AlertText.truncate(description.joined(separator: "\n"), limit: 4096)),
            "color": .int(message.colour),
            "fields": .array(Array(fields.prefix(25))),
            "footer": ["text": .string(AlertText.truncate(message.sourcesLine, limit: 2048))],
            "timestamp": .string(FeedDate.iso8601UTC(message.createdAt)),
        ]
        if let more = message.moreLink { embed["url"] = .string(more.absoluteString) }
        var payload: [String: JSONValue] = [
            "embeds": [.object(embed)],
            "allowed_mentions": allowedMentions(for: message.mentions ? mention : nil),
        ]
        if !lead.isEmpty { payload["content"] = .string(AlertText.truncate(String(lead.dropLast()), limit: 2000)) }
        return .object(payload)
    }

    private static func field(_ name: String, _ value: String, inline: Bool) -> JSONValue {
        [
            "name": .string(AlertText.truncate(name, limit: 256)),
            "value": .string(AlertText.truncate(value, limit: 1024)), "inline": .bool(inline),
        ]
    }

    /// Nothing may ping, except what the configured mention names: `<@&id>` a role, `<@id>`
    /// a user, `@here`/`@everyone` everyone.
    static func allowedMentions(for mention: String?) -> JSONValue {
        var object: [String: JSONValue] = ["parse": []]
        guard let mention else { return .object(object) }
        var roles: [JSONValue] = []
        var users: [JSONValue] = []
        var rest = Substring(mention)
        while let open = rest.range(of: "<@") {
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: ">") else { break }
            var id = after[..<close]
            let isRole = id.hasPrefix("&")
            if isRole || id.hasPrefix("!") { id = id.dropFirst() }
            if !id.isEmpty, id.allSatisfy(\.isASCII), id.allSatisfy(\.isNumber) {
                if isRole { roles.append(.string(String(id))) } else { users.append(.string(String(id))) }
            }
            rest = after[after.index(after: close)...]
        }
        if mention.contains("@everyone") || mention.contains("@here") { object["parse"] = ["everyone"] }
        if !roles.isEmpty { object["roles"] = .array(roles) }
        if !users.isEmpty { object["users"] = .array(users) }
        return .object(object)
    }

    /// A backslash before Discord Markdown characters, mentions broken.
    static func escape(_ text: String) -> String {
        AlertText.defuseMentions(AlertText.backslashed(text, characters: "\\`*_~|>[]()#"))
    }

    /// Escaped text with links left bare, so they stay clickable.
    static func markdown(_ text: String) -> String {
        AlertText.segments(text).map { segment in
            switch segment {
            case .text(let plain): escape(plain)
            case .link(let url): url
            }
        }.joined()
    }
}
