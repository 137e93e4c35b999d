// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The `failwatch parse --json` contract: one JSON object per feed, keys in a fixed order,
/// dates as ISO-8601 UTC (`2004-01-05T21:49:13Z`) or null. Written by hand so the output is
/// byte-stable and a 10 MB feed does not go through a dictionary tree.
public enum FeedJSON {
    /// The feed as one JSON object (no trailing newline).
    public static func encode(_ feed: Feed) -> String {
        var out = "{"
        out.reserveCapacity(256 + feed.items.count * 512)
        field("format", feed.format.rawValue, &out, first: true)
        field("title", feed.title, &out)
        field("link", feed.link, &out)
        field("language", feed.language, &out)
        field("updated", feed.updated.map(iso8601), &out)
        out += ",\"items\":["
        for (index, item) in feed.items.enumerated() {
            if index > 0 { out += "," }
            out += "{"
            field("id", item.id, &out, first: true)
            field("title", item.title, &out)
            field("link", item.link, &out)
            field("author", item.author, &out)
            field("published", item.published.map(iso8601), &out)
            field("updated", item.updated.map(iso8601), &out)
            field("summary", item.summary, &out)
            field("content", item.content, &out)
            out += ",\"categories\":"
            array(item.categories, &out)
            field("language", item.language, &out)
            out += "}"
        }
        out += "],\"warnings\":"
        array(feed.warnings, &out)
        out += "}"
        return out
    }

    /// `2004-01-05T21:49:13Z`, computed without a formatter (cheap per item).
    public static func iso8601(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var year = String(parts.tm_year + 1900)
        while year.count < 4 { year = "0" + year }
        return "\(year)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):"
            + "\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    private static func field(_ key: String, _ value: String?, _ out: inout String, first: Bool = false) {
        if !first { out += "," }
        out += "\"\(key)\":"
        if let value { string(value, &out) } else { out += "null" }
    }

    private static func array(_ values: [String], _ out: inout String) {
        out += "["
        for (index, value) in values.enumerated() {
            if index > 0 { out += "," }
            string(value, &out)
        }
        out += "]"
    }

    private static func string(_ value: String, _ out: inout String) {
        out += "\""
        var plainStart = value.unicodeScalars.startIndex
        let scalars = value.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            case "\u{2028}": escape = "\\u2028"
            case "\u{2029}": escape = "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    escape = nil
                }
            }
            if let escape {
                out.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
                out += escape
                plainStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        out.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        out += "\""
    }
}
