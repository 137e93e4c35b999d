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
    /// Rolling hash of a vocabulary word → its token hash. A rolling hash (not the tokens' FNV-1a)
    /// gives the hash of a word with two neighbours swapped in one step, not by hashing it again.
    private var words: [UInt64: UInt64] = [:]
    /// Rolling hash of a vocabulary word with one letter left out → the word's token hash; 0 when
    /// two words give it.
    private var shortened: [UInt64: UInt64] = [:]
    /// The vocabulary's words by token hash, for `explain`.
    private var names: [UInt64: String] = [:]
    /// Every rolling hash the look-ups may hit, to pass over most tokens at once.
    private var filter = HashFilter()
    /// The first two letters a misspelling of a vocabulary word can start with: a word's own, and
    /// its first and third (its second and third swapped).
    private var openings = HashFilter()

    private static let vowels: Set<UInt8> = Set("aeiouy".utf8)
    static let shortest = 6
    static let longest = 24
    private static let radix: UInt64 = 0x0000_0100_0000_01b3
    /// `radix` to the powers 0 through `longest`.
    private static let powers: [UInt64] = (0...longest).reduce(into: [UInt64]()) { powers, k in
        powers.append(k == 0 ? 1 : powers[k - 1] &* radix)
    }

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
        let whole = Self.roll(bytes)
        words[whole] = hash
        names[hash] = String(decoding: bytes, as: UTF8.self)
        filter.insert(whole)
        openings.insert(Self.pair(bytes[0], bytes[1]))
        openings.insert(Self.pair(bytes[0], bytes[2]))
        // Typists drop a vowel or one of a double letter ("workng", "conection"); a consonant dropped
        // from a cluster gives real words ("playing" → "paying", "through" → "though"), and so does
        // a slip in the first two letters ("failing" → "filing").
        for k in bytes.indices.dropFirst(2) {
            let doubled = bytes[k] == bytes[k - 1] || (k + 1 < bytes.count && bytes[k] == bytes[k + 1])
            guard Self.vowels.contains(bytes[k]) || doubled else { continue }
            var short = bytes
            short.remove(at: k)
            let key = Self.roll(short)
            filter.insert(key)
            if let other = shortened[key], other != hash { shortened[key] = 0 } else { shortened[key] = hash }
        }
    }

    /// The post with its misspelt words read as meant, and which tokens were read; `nil` when none.
    ///
    /// - Parameter book: the rules' words, never read as another.
    func read(_ text: TokenizedText, book: borrowing RuleBook) -> (TokenizedText, [Int])? {
        var result: TokenizedText? = nil
        var read: [Int] = []
        text.folded.withUnsafeBufferPointer { folded in
            for (i, token) in text.tokens.enumerated() where token.kind == .word {
                let n = Int(token.end - token.start)
                // Most long words are the rules' own: one look-up passes them before any hashing.
                guard n >= Self.shortest && n <= Self.longest,
                    openings.mayContain(Self.pair(folded[Int(token.start)], folded[Int(token.start) + 1])),
                    book.lookup(token.hash) == nil,
                    let meant = meaning(UnsafeBufferPointer(rebasing: folded[Int(token.start)..<Int(token.end)]))
                else { continue }
                if result == nil { result = text }
                result!.tokens[i].hash = meant
                read.append(i)
            }
        }
        return result.map { ($0, read) }
    }

    /// The folded text of a vocabulary word, for `explain`.
    func word(_ hash: UInt64) -> String? { names[hash] }

    /// The token hash of the vocabulary word `bytes` misspells, if exactly one.
    private func meaning(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let n = bytes.count
        let whole = Self.roll(bytes)
        var found: UInt64? = nil
        if filter.mayContain(whole) {
            if words[whole] != nil { return nil }
            if let word = shortened[whole] {
                if word == 0 { return nil }
                found = word
            }
        }
        // Swapping bytes k and k+1 changes the hash by (b[k+1] − b[k]) · (radix^(n−1−k) − radix^(n−2−k)).
        let powers = Self.powers
        for k in 1..<(n - 1) where bytes[k] != bytes[k + 1] {
            let step = powers[n - 1 - k] &- powers[n - 2 - k]
            let swapped = whole &+ (UInt64(bytes[k + 1]) &- UInt64(bytes[k])) &* step
            guard filter.mayContain(swapped), let word = words[swapped] else { continue }
            if found != nil && found != word { return nil }
            found = word
        }
        return found
    }

    /// A polynomial hash of folded bytes: Σ b[i] · radix^(n−1−i), wrapping.
    private static func roll(_ bytes: some Collection<UInt8>) -> UInt64 {
        var h: UInt64 = 0
        for b in bytes { h = h &* radix &+ UInt64(b) }
        return h
    }

    /// Two letters as the top 16 bits of a key, which is what ``HashFilter`` files a key by.
    @inline(__always)
    private static func pair(_ first: UInt8, _ second: UInt8) -> UInt64 {
        (UInt64(first) << 8 | UInt64(second)) << 48
    }
}
