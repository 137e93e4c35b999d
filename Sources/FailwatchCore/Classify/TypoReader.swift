// SPDX-License-Identifier: Apache-2.0

/// Reads a misspelt service or failure word as the word meant: "workng", "intrnet", "conection",
/// "ausgefalen", "Storung" (a vowel or one of a double letter left out) and "wokring", "serivce",
/// "recieve" (two letters swapped), so that "my intrnet is not workng" is read as the outage it reports.
///
/// Only words of six letters or more that no lexicon knows are read, and only as one of the outage
/// vocabulary's words of six letters or more (``OutageVocabulary``: services, failures, "can't",
/// "now" words). A letter too many or one letter for another is not read: real words lie that close
/// to the vocabulary ("spending" and "sending", "tests" and "texts"). A reading that could be two
/// words is not made.
struct TypoReader: Sendable {
    /// The vocabulary's words by hash, what a swap must give.
    private var words: [UInt64: String] = [:]
    /// Hash of a vocabulary word with one letter left out → the word's hash; 0 when two words give it.
    private var shortened: [UInt64: UInt64] = [:]
    /// Bits by the top 16 bits of every hash the look-ups may hit, to pass over most tokens at once.
    private var filter = HashFilter()
    /// The first two letters a misspelling of a vocabulary word can start with: a word's own, and
    /// its first and third (its second and third swapped), by `first << 8 | second`.
    private var openings = [UInt64](repeating: 0, count: 1024)

    private static let vowels: Set<UInt8> = Set("aeiouy".utf8)
    static let shortest = 6
    static let longest = 24

    /// The outage vocabulary's long words, built once.
    static let standard: TypoReader = {
        var reader = TypoReader()
        var lists = OutageVocabulary.services.map(\.1) + OutageVocabulary.serviceVerbs.map(\.1)
        let roles: OutageFrame.Role = [.failWord, .cannot, .namesOutage, .totalFailure, .absence, .now]
        lists += OutageVocabulary.roles.filter { !$0.0.isDisjoint(with: roles) }.map(\.1)
        var seen: Set<[UInt8]> = []
        for list in lists {
            for term in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let text = Tokenizer.tokenize(String(term))
                for token in text.tokens where token.kind == .word {
                    let bytes = Array(text.folded[Int(token.start)..<Int(token.end)])
                    if bytes.count >= shortest && bytes.count <= longest && seen.insert(bytes).inserted {
                        reader.add(bytes, hash: token.hash)
                    }
                }
            }
        }
        return reader
    }()

    private mutating func add(_ bytes: [UInt8], hash: UInt64) {
        words[hash] = String(decoding: bytes, as: UTF8.self)
        for second in [bytes[1], bytes[2]] {
            let pair = Int(bytes[0]) << 8 | Int(second)
            openings[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        filter.insert(hash)
        // Typists drop a vowel or one of a double letter ("workng", "conection"); a consonant dropped
        // from a cluster gives real words ("playing" → "paying", "through" → "though"), and so does
        // a slip in the first two letters ("failing" → "filing").
        for k in bytes.indices.dropFirst(2) {
            let doubled = bytes[k] == bytes[k - 1] || (k + 1 < bytes.count && bytes[k] == bytes[k + 1])
            guard Self.vowels.contains(bytes[k]) || doubled else { continue }
            let short = Self.hash(bytes, leaving: k)
            filter.insert(short)
            if let other = shortened[short], other != hash { shortened[short] = 0 } else { shortened[short] = hash }
        }
    }

    /// The post with its misspelt words read as meant, and which tokens were read; `nil` when none.
    ///
    /// - Parameter known: whether a token's hash is a word the rules know (never read as another).
    func read(_ text: TokenizedText, known: (UInt64) -> Bool) -> (TokenizedText, [Int])? {
        var result: TokenizedText? = nil
        var read: [Int] = []
        text.folded.withUnsafeBufferPointer { folded in
            for (i, token) in text.tokens.enumerated() where token.kind == .word {
                let n = Int(token.end - token.start)
                guard n >= Self.shortest && n <= Self.longest,
                    Self.opens(openings, folded[Int(token.start)], folded[Int(token.start) + 1]),
                    let meant = meaning(
                        token.hash, UnsafeBufferPointer(rebasing: folded[Int(token.start)..<Int(token.end)])),
                    !known(token.hash)
                else { continue }
                if result == nil { result = text }
                result!.tokens[i].hash = meant
                read.append(i)
            }
        }
        return result.map { ($0, read) }
    }

    /// The folded text of a vocabulary word, for `explain`.
    func word(_ hash: UInt64) -> String? { words[hash] }

    /// The vocabulary word `bytes` (hashed `whole`) misspells, if exactly one.
    private func meaning(_ whole: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var found: UInt64? = nil
        if filter.mayContain(whole) {
            if words[whole] != nil { return nil }
            if let word = shortened[whole] {
                if word == 0 { return nil }
                found = word
            }
        }
        // Each swap of two neighbours, hashed from the common prefix on without copying.
        var prefix = TextHash.add(TextHash.offset, bytes[0])
        for k in 1..<(bytes.count - 1) {
            defer { prefix = TextHash.add(prefix, bytes[k]) }
            guard bytes[k] != bytes[k + 1] else { continue }
            var h = TextHash.add(TextHash.add(prefix, bytes[k + 1]), bytes[k])
            for j in (k + 2)..<bytes.count { h = TextHash.add(h, bytes[j]) }
            guard filter.mayContain(h), words[h] != nil else { continue }
            if found != nil && found != h { return nil }
            found = h
        }
        return found
    }

    /// FNV-1a of folded bytes with the one at `k` left out, as ``Token/hash`` hashes a word.
    private static func hash(_ bytes: [UInt8], leaving k: Int) -> UInt64 {
        var h = TextHash.offset
        for (i, b) in bytes.enumerated() where i != k { h = TextHash.add(h, b) }
        return h
    }

    @inline(__always)
    private static func opens(_ openings: [UInt64], _ first: UInt8, _ second: UInt8) -> Bool {
        let pair = Int(first) << 8 | Int(second)
        return openings[pair >> 6] & (1 << UInt64(pair & 63)) != 0
    }
}
