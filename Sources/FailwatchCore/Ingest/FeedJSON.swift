// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The `failwatch parse --json` contract: one JSON object per feed, keys in a fixed order,
/// dates as ISO-8601 UTC (`2004-01-05T21:49:13Z`) or null. Written by hand so the output is
/// byte-stable and a 10 MB feed does not go through a dictionary tree.
public enum FeedJSON {
    /// The feed as one JSON object (no trailing newline).
    public static func encode(_ feed: Feed) -> String {
        var bytes: [UInt8] = []
        write(feed) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Streams the JSON object in pieces of about 64 KB, so printing a 10 MB feed never
    /// holds a second copy of it.
    /// - Parameters:
    ///   - feed: the parsed feed.
    ///   - sink: receives the UTF-8 bytes in order.
    public static func write(_ feed: Feed, to sink: ([UInt8]) -> Void) {
        var writer = Writer()
        writer.raw("{")
        writer.field("format", feed.format.rawValue, first: true)
        writer.field("title", feed.title)
        writer.field("link", feed.link)
        writer.field("language", feed.language)
        writer.field("updated", feed.updated.map(FeedDate.iso8601UTC))
        writer.raw(",\"items\":[")
        for (index, item) in feed.items.enumerated() {
            writer.raw(index > 0 ? ",{" : "{")
            writer.field("id", item.id, first: true)
            writer.field("title", item.title)
            writer.field("link", item.link)
            writer.field("author", item.author)
            writer.field("published", item.published.map(FeedDate.iso8601UTC))
            writer.field("updated", item.updated.map(FeedDate.iso8601UTC))
            writer.field("summary", item.summary)
            writer.field("content", item.content)
            writer.raw(",\"categories\":")
            writer.array(item.categories)
            writer.field("language", item.language)
            writer.raw("}")
            if writer.bytes.count >= 64 * 1024 {
                sink(writer.bytes)
                writer.bytes.removeAll(keepingCapacity: true)
            }
        }
        writer.raw("],\"warnings\":")
        writer.array(feed.warnings)
        writer.raw("}")
        sink(writer.bytes)
    }

    /// Appends JSON to one byte buffer: linear in the output size.
    private struct Writer {
        var bytes: [UInt8] = []

        mutating func raw(_ text: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }

        mutating func field(_ key: StaticString, _ value: String?, first: Bool = false) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            raw(key)
            raw("\":")
            if let value { string(value) } else { raw("null") }
        }

        mutating func array(_ values: [String]) {
            bytes.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                string(value)
            }
            bytes.append(UInt8(ascii: "]"))
        }

        mutating func string(_ value: String) {
            bytes.append(UInt8(ascii: "\""))
            var previous: (UInt8, UInt8) = (0, 0)
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case UInt8(ascii: "\n"): raw("\\n")
                case UInt8(ascii: "\r"): raw("\\r")
                case UInt8(ascii: "\t"): raw("\\t")
                case 0..<0x20:
                    raw("\\u00")
                    bytes.append(hex(byte >> 4))
                    bytes.append(hex(byte & 0xF))
                case 0xA8...0xA9 where previous.0 == 0xE2 && previous.1 == 0x80:
                    // U+2028/U+2029 end lines in JavaScript: escape them.
                    bytes.removeLast(2)
                    raw(byte == 0xA8 ? "\\u2028" : "\\u2029")
                default:
                    bytes.append(byte)
                }
                previous = (previous.1, byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }

        private func hex(_ nibble: UInt8) -> UInt8 {
            nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
        }
    }
}
