// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Hostile variants of a seed input, the same on every machine and every run (a fixed-seed
/// generator, no clock): truncations, flipped bytes, tokens that parsers trip on, numbers no
/// integer holds, and nesting far deeper than any real document.
public struct FuzzMutator: Sendable {
    /// One variant and how it was made, for the failure message.
    public struct Variant: Sendable {
        public var name: String
        public var data: Data

        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }
    }

    /// Numbers written the ways that trap a careless conversion.
    public static let hugeNumbers = [
        "1e308", "1e400", "-1e400", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
        "123456789012345678901234567890123456789", "4.9e-324", "0x7fffffffffffffff", "NaN", "-0",
    ]

    /// Levels of nesting in the deep variants; 100,000 crashed the XML parser once.
    public static let depth = 100_000

    public var target: FuzzTarget
    /// Variants with flipped bytes per seed.
    public var flips: Int
    /// Variants with inserted tokens per seed.
    public var insertions: Int

    public init(target: FuzzTarget, flips: Int = 48, insertions: Int = 24) {
        self.target = target
        self.flips = flips
        self.insertions = insertions
    }

    /// Every variant of `seed`. Another `salt` gives other (still deterministic) flips and
    /// insertions, and leaves out the variants that do not depend on it.
    public func variants(of seed: Data, salt: UInt64 = 0) -> [Variant] {
        var random = SplitMix64(seed: UInt64(truncatingIfNeeded: seed.count) &* 0x9E37_79B9 ^ salt)
        var variants = salt == 0 ? truncations(of: seed) : []
        let bytes = [UInt8](seed)
        for index in 0..<flips where !bytes.isEmpty {
            var copy = bytes
            let count = 1 + random.next(below: 8)
            for _ in 0..<count {
                let position = random.next(below: copy.count)
                copy[position] ^= UInt8(1 + random.next(below: 255))
            }
            variants.append(Variant(name: "flip \(index) (\(count) bytes)", data: Data(copy)))
        }
        let tokens = Self.tokens(for: target)
        for index in 0..<insertions {
            var copy = bytes
            let token = tokens[random.next(below: tokens.count)]
            copy.insert(contentsOf: token.utf8, at: random.next(below: copy.count + 1))
            variants.append(Variant(name: "insert \(index) '\(token.prefix(20))'", data: Data(copy)))
        }
        guard salt == 0 else { return variants }
        let text = String(decoding: seed, as: UTF8.self)
        for number in Self.hugeNumbers where text.contains(where: \.isASCIIDigit) {
            variants.append(Variant(name: "numbers \(number)", data: Data(Self.replacingDigitRuns(text, with: number).utf8)))
        }
        variants += deep(text)
        return variants
    }

    /// The seed cut at every eighth of its length, and at one byte short.
    private func truncations(of seed: Data) -> [Variant] {
        guard seed.count > 1 else { return [] }
        let cuts = Set((1..<8).map { seed.count * $0 / 8 } + [1, seed.count - 1]).sorted()
        return cuts.map { Variant(name: "truncated at \($0)", data: seed.prefix($0)) }
    }

    /// The seed with one part nested ``depth`` levels deep, in the format's own syntax.
    private func deep(_ text: String) -> [Variant] {
        let levels = Self.depth
        switch target {
        case .feed:
            var variants: [Variant] = []
            if let close = text.range(of: "<title>")?.upperBound {
                let nested = String(repeating: "<x>", count: levels) + String(repeating: "</x>", count: levels)
                variants.append(Variant(name: "xml nested \(levels)", data: Data((text[..<close] + nested + text[close...]).utf8)))
            }
            if let open = text.firstIndex(of: "{") {
                variants.append(jsonNested(text, after: open, levels: levels))
            }
            return variants
        case .mastodon, .bluesky, .reddit, .hackernews, .lemmy, .instagram, .threads, .json, .statuspage:
            var variants = [
                Variant(
                    name: "json wrapped \(levels)",
                    data: Data((String(repeating: "[", count: levels) + text + String(repeating: "]", count: levels)).utf8))
            ]
            if let open = text.firstIndex(of: "{") { variants.append(jsonNested(text, after: open, levels: levels)) }
            return variants
        case .config:
            let flow = "deep: " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "\n"
            var block = "deeper:\n"
            for level in 1...2_000 { block += String(repeating: " ", count: level) + "k:\n" }
            return [
                Variant(name: "yaml flow nested \(levels)", data: Data((flow + text).utf8)),
                Variant(name: "yaml block nested 2000", data: Data((text + "\n" + block).utf8)),
                Variant(name: "yaml aliases 10^9", data: Data(Self.billionLaughs.utf8)),
            ]
        case .series:
            let row = text.split(separator: "\n").last.map(String.init) ?? "2026-11-01 00:00:00,1"
            return [
                Variant(name: "one line of 1 MB", data: Data(("2026-11-01 00:00:00," + String(repeating: "9", count: 1 << 20)).utf8)),
                Variant(name: "200000 equal rows", data: Data(String(repeating: row + "\n", count: 200_000).utf8)),
            ]
        }
    }

    private func jsonNested(_ text: String, after open: String.Index, levels: Int) -> Variant {
        let nested = "\"deep\":" + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + ","
        let split = text.index(after: open)
        return Variant(name: "json member nested \(levels)", data: Data((text[..<split] + nested + text[split...]).utf8))
    }

    /// Nine levels of ten aliases each: 10^9 nodes if a reader expands aliases.
    static let billionLaughs: String = {
        var lines = ["version: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        lines.append("providers: *a9")
        return lines.joined(separator: "\n") + "\n"
    }()

    /// Fragments each format's parser must survive anywhere in the input.
    static func tokens(for target: FuzzTarget) -> [String] {
        switch target {
        case .feed:
            [
                "<![CDATA[", "]]>", "&#0;", "&#x110000;", "&#xD800;", "&bogus;", "&amp", "<!--", "-->", "<?xml version=\"1.0\"?>",
                "<!DOCTYPE x [<!ENTITY e \"eeeeeeeeee\">]>", "&e;", "<item>", "</item>", "<entry>", "\u{0}", "\u{FEFF}",
                "\u{202E}", "xmlns:a=\"\"", "<a:b>", "\"", "{", "}", "[", "]", "null", "1e400", "\\ud800",
            ]
        case .mastodon, .bluesky, .reddit, .hackernews, .lemmy, .instagram, .threads, .json, .statuspage:
            [
                "null", "true", "1e400", "-1e400", "9223372036854775808", "{}", "[]", "\"\"", "\"\\ud800\"", "\\u0000",
                ",", ":", "{", "}", "[", "]", "\"", "\u{0}", "\u{FEFF}", "\u{202E}", "NaN", "-", "0.", "\"a\":1,",
            ]
        case .config:
            [
                "&a ", "*a", "!!binary ", "!!int ", "<<: *a\n", "? ", "%TAG ! tag:x:\n", "---\n", "...\n", "\t", "${",
                "${UNSET_FUZZ}", "\"", "'", "[", "{", "- ", ": ", "\n  - name: x\n", "1e400", "9223372036854775808",
                "\u{0}", "\u{FEFF}", "#",
            ]
        case .series:
            [",", "\n", "\r", "-1", "1e400", "nan", "inf", "9999-12-31 23:59:59", "0000-00-00 00:00:00", "\u{0}", " ", "T", "Z"]
        }
    }

    /// `text` with every run of ASCII digits replaced by `number`.
    static func replacingDigitRuns(_ text: String, with number: String) -> String {
        var result = ""
        var inRun = false
        for character in text {
            if character.isASCIIDigit {
                if !inRun { result += number }
                inRun = true
            } else {
                result.append(character)
                inRun = false
            }
        }
        return result
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
