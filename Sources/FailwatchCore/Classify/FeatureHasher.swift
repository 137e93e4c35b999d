// SPDX-License-Identifier: Apache-2.0

/// Turns a post into sparse hashed features for the linear model: word 1-2-grams, character
/// 3-4-grams inside words, and the rules' own verdict, so the model learns where to trust the rules.
enum FeatureHasher {
    /// Number of hash buckets (a power of two).
    static let dimensions = 1 << 18
    /// Weight of one character n-gram relative to a word (words carry more meaning, n-grams catch spelling).
    static let charWeight: Float = 0.25
    /// Weight of a rule feature relative to a word.
    static let ruleWeight: Float = 2

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    static func bucket(_ h: UInt64) -> Int32 {
        Int32(truncatingIfNeeded: mix(h) & UInt64(dimensions - 1))
    }

    /// Features of one post, L2-normalised, sorted by bucket with duplicates summed.
    static func features(tokens text: TokenizedText, analysis: RuleAnalysis, verdict: RuleJudge.Verdict) -> [(Int32, Float)] {
        var raw: [(Int32, Float)] = []
        raw.reserveCapacity(text.tokens.count * 8 + 8)
        var previous: UInt64 = 0x51ED
        for token in text.tokens {
            var h = token.hash
            switch token.kind {
            case .url: continue
            case .mention: h = 0x4D45_4E54  // every @handle is one feature: "addressed to someone"
            case .number: h = 0x4E55_4D42
            default: break
            }
            raw.append((bucket(h), 1))
            raw.append((bucket(h &* 31 ^ previous &+ 0xB16A), 1))
            previous = h
            if token.kind == .word || token.kind == .hashtag {
                let start = Int(token.start)
                let end = Int(token.end)
                // "<word>" character 3- and 4-grams.
                for n in 3...4 where end - start + 2 >= n {
                    for s in (start - 1)...(end + 1 - n) {
                        var g = TextHash.offset &+ UInt64(n)
                        for k in s..<(s + n) {
                            g = TextHash.add(g, k < start || k >= end ? 0x20 : text.folded[k])
                        }
                        raw.append((bucket(g), charWeight))
                    }
                }
            }
        }
        raw.append((bucket(0xE0D), 1))  // end of post, so the last word forms a bigram
        // The rules' verdict, as indicator features.
        let r = ruleWeight
        raw.append((bucket(0x5255_4C45 &+ UInt64(Label.allCases.firstIndex(of: verdict.label) ?? 0)), r))
        raw.append((bucket(0x5343_4F52 &+ UInt64(max(0, min(8, Int(verdict.complaintScore * 2))))), r))
        raw.append((bucket(0x434F_4D50 &+ UInt64(Int((verdict.compound + 1) * 4))), r))
        raw.append((bucket(0x4249_4153), r))  // bias
        // Which rules fired, and the lexicon's polarity words, independent of the words themselves.
        for hit in analysis.hits { raw.append((bucket(0x4849_5400 &+ UInt64(hit.hit.rawValue)), r)) }
        for v in analysis.contributions where v != 0 { raw.append((bucket(v < 0 ? 0x4E45_4757 : 0x504F_5357), r)) }
        // Shape of the post: links (news, ads), replies, length, shouting.
        var urls = 0
        var caps = 0
        for token in text.tokens {
            if token.kind == .url { urls += 1 }
            if token.isCaps { caps += 1 }
        }
        if urls > 0 { raw.append((bucket(0x5552_4C53), r)) }
        if text.tokens.first?.kind == .mention { raw.append((bucket(0x5245_504C), r)) }
        if caps > 0 { raw.append((bucket(0x4341_5053 &+ UInt64(min(caps, 3))), r)) }
        var lengthClass: UInt64 = 0
        while lengthClass < 6 && (8 << lengthClass) < text.tokens.count { lengthClass += 1 }
        raw.append((bucket(0x4C45_4E00 &+ lengthClass), r))
        if text.questions > 0 { raw.append((bucket(0x5155_4553), r)) }
        if text.exclamations > 0 { raw.append((bucket(0x4558_434C), r)) }
        raw.sort { $0.0 < $1.0 }
        var out: [(Int32, Float)] = []
        out.reserveCapacity(raw.count)
        for (b, w) in raw {
            if let last = out.last, last.0 == b {
                out[out.count - 1].1 += w
            } else {
                out.append((b, w))
            }
        }
        var norm: Float = 0
        for f in out { norm += f.1 * f.1 }
        let scale = 1 / norm.squareRoot()
        for i in out.indices { out[i].1 *= scale }
        return out
    }
}
