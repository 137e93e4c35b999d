// SPDX-License-Identifier: Apache-2.0

/// Every lexicon valence and rule cue, keyed by token hash, so that each token costs one look-up.
struct RuleBook: Sendable {
    /// What one token means: its valence in each language, its cues, the phrases it starts.
    struct Entry: Sendable {
        var en: Float = 0
        var de: Float = 0
        var cues: Cue = []
        var phrases: [Int32] = []
    }

    /// A run of tokens with a meaning of its own ("no internet", "geht nix", "anyone else").
    struct Phrase: Sendable {
        var hashes: [UInt64]
        var cues: Cue
        var text: String
        /// The provider a configured term belongs to; -1 for every post.
        var provider: Int32
        /// The phrase's own valence ("danke für nichts" -2.8), replacing its words'.
        var valence: Float = 0
    }

    /// An entry as looked up while classifying: no arrays, so no reference counting per token.
    struct Frozen: Sendable {
        var en: Float = 0
        var de: Float = 0
        var cues: Cue = []
        var phraseStart: Int32 = 0
        var phraseCount: Int32 = 0
    }

    /// An entry's bits, to store equal entries once: bits, not `==`, so that -0 and 0 stay apart.
    private struct EntryBits: Equatable {
        var valences: UInt64
        var cues: UInt32
        var phrases: UInt64

        init(_ entry: Frozen) {
            valences = UInt64(entry.en.bitPattern) << 32 | UInt64(entry.de.bitPattern)
            cues = entry.cues.rawValue
            phrases = UInt64(UInt32(bitPattern: entry.phraseStart)) << 32 | UInt64(UInt32(bitPattern: entry.phraseCount))
        }

        /// The bits mixed into one well-spread number (its high bits pick a slot).
        var mixed: UInt64 {
            ((valences &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(cues) &* 0xC2B2_AE3D_27D4_EB4F) ^ phrases) &* 0x1656_67B1_9E37_79F9
        }
    }

    /// A phrase as matched while classifying: its hashes in ``phraseHashes``, no arrays or strings
    /// to retain per token.
    struct FrozenPhrase: Sendable {
        var hashStart: Int32
        var count: Int32
        var provider: Int32
        var cues: Cue
        var valence: Float
    }

    var table: [UInt64: Entry] = [:]
    var phrases: [Phrase] = []
    /// Open-addressing copy of `table` for look-ups (see ``freeze()``), split so that a probe reads
    /// only keys: 8 bytes a slot instead of a 32-byte key-and-entry slot keeps the table inside the
    /// second-level cache (2 MiB of slots missed it at nearly every hit).
    ///
    /// `keys[slot]` is a token hash (0 marks an empty slot), `entryIndex[slot]` its entry in `entries`,
    /// which holds each distinct entry once (German inflections share theirs).
    private(set) var keys: [UInt64] = []
    private(set) var entryIndex: [UInt32] = []
    private(set) var entries: [Frozen] = []
    private(set) var phraseIndex: [Int32] = []
    /// `phrases` for matching, same order, with every phrase's hashes back to back in `phraseHashes`.
    private(set) var frozenPhrases: [FrozenPhrase] = []
    private(set) var phraseHashes: [UInt64] = []
    private var shift: UInt64 = 63
    /// A Bloom filter of the keys (two bits each): most tokens of a post are in no lexicon, and this
    /// 32 KiB answers that from the first-level cache instead of a slot of the 256 KiB key table.
    private(set) var filter: [UInt64] = []
    static let filterBits = 18

    /// Builds the look-up table; call after the last `add`.
    mutating func freeze() {
        // At most two thirds full: a hit probes about two keys, both mostly on one cache line.
        var bits: UInt64 = 4
        while (1 << bits) * 2 < table.count * 3 { bits += 1 }
        shift = 64 - bits
        keys = [UInt64](repeating: 0, count: 1 << bits)
        entryIndex = [UInt32](repeating: 0, count: 1 << bits)
        entries = []
        phraseIndex = []
        // Equal entries found through a table of their own (slots into `entries`, -1 empty), cheaper
        // at start-up than a `Dictionary`, which hashes each key with SipHash.
        var distinct = [Int32](repeating: -1, count: 1 << bits)
        let mask = (1 << Int(bits)) - 1
        for (key, entry) in table {
            let k = key == 0 ? 1 : key
            var slot = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            let frozen = Frozen(
                en: entry.en, de: entry.de, cues: entry.cues, phraseStart: entry.phrases.isEmpty ? 0 : Int32(phraseIndex.count),
                phraseCount: Int32(entry.phrases.count))
            phraseIndex += entry.phrases
            let bitsOfEntry = EntryBits(frozen)
            var known = Int(truncatingIfNeeded: bitsOfEntry.mixed >> shift)
            while distinct[known] >= 0 && EntryBits(entries[Int(distinct[known])]) != bitsOfEntry { known = (known + 1) & mask }
            if distinct[known] < 0 {
                distinct[known] = Int32(entries.count)
                entries.append(frozen)
            }
            keys[slot] = k
            entryIndex[slot] = UInt32(distinct[known])
        }
        filter = [UInt64](repeating: 0, count: (1 << Self.filterBits) / 64)
        for key in keys where key != 0 {
            let (a, b) = Self.filterBits(of: key)
            filter[a >> 6] |= 1 << UInt64(a & 63)
            filter[b >> 6] |= 1 << UInt64(b & 63)
        }
        frozenPhrases = []
        phraseHashes = []
        for phrase in phrases {
            frozenPhrases.append(
                FrozenPhrase(
                    hashStart: Int32(phraseHashes.count), count: Int32(phrase.hashes.count), provider: phrase.provider,
                    cues: phrase.cues, valence: phrase.valence))
            phraseHashes += phrase.hashes
        }
    }

    /// The two filter bits of a (non-zero) key, from two independent multiplicative hashes.
    @inline(__always)
    static func filterBits(of key: UInt64) -> (Int, Int) {
        let shift = UInt64(64 - filterBits)
        return (
            Int(truncatingIfNeeded: (key &* 0xC2B2_AE3D_27D4_EB4F) >> shift),
            Int(truncatingIfNeeded: (key &* 0x1656_67B1_9E37_79F9) >> shift)
        )
    }

    /// The entry for a token hash, if any.
    @inline(__always)
    func lookup(_ key: UInt64) -> Frozen? {
        let k = key == 0 ? 1 : key
        let (a, b) = Self.filterBits(of: k)
        let maybe = filter.withUnsafeBufferPointer { filter in
            filter.count == (1 << Self.filterBits) / 64
                && filter[a >> 6] & (1 << UInt64(a & 63)) != 0 && filter[b >> 6] & (1 << UInt64(b & 63)) != 0
        }
        guard maybe else { return nil }
        let shift = self.shift
        let found = keys.withUnsafeBufferPointer { keys -> Int? in
            guard !keys.isEmpty else { return nil }  // not frozen yet
            let mask = keys.count - 1
            var slot = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask
            while true {
                let found = keys[slot]
                if found == k { return slot }
                if found == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
        guard let found else { return nil }
        return entries[Int(entryIndex[found])]
    }

    /// The built-in lexicons and vocabulary, built once.
    ///
    /// The word lists are read as UTF-8 bytes and hashed through one reused token buffer: read as
    /// Characters and tokenized one `String` at a time, they cost more start-up time than a
    /// thousand posts.
    static let standard: RuleBook = {
        var book = RuleBook()
        // Room for every entry (some 13,000): growing rehashed the whole table once at start-up.
        book.table.reserveCapacity(16_000)
        for (hash, valence) in VaderLexicon.entries() {
            book.table[hash, default: Entry()].en = valence
        }
        for line in EnglishLexicon.data.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let valence = Float(parts[1]), let hash = TextHash.word(String(parts[0])) else { continue }
            book.table[hash, default: Entry()].en = valence
        }
        for (emoji, valence) in EmojiLexicon.entries {
            book.table[TextHash.raw(emoji), default: Entry()].en = valence
        }
        book.addGermanLexicon()
        for (cue, list) in RuleVocabulary.entries {
            let segments = list.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, segment) in segments.enumerated() {
                if index == 0 {
                    for word in segment.split(separator: " ") { book.add(String(word), cues: cue) }
                } else if !segment.isEmpty {
                    book.add(String(segment), cues: cue)
                }
            }
        }
        book.freeze()
        return book
    }()

    /// Adds ``GermanLexicon``: `word valence [A|N|V]` lines, `#` comments, `a_b` phrases.
    private mutating func addGermanLexicon() {
        var hasher = TermHasher()
        var form: [UInt8] = []
        LexiconLines.forEach(in: GermanLexicon.data) { line in
            guard line.first != 0x23 else { return }  // #
            let parts = LexiconLines.fields(of: line, separatedBy: 0x20)
            guard parts.count >= 2, let valence = Float(LexiconLines.string(line[parts[1]])) else { return }
            let word = line[parts[0]]
            if word.contains(0x5F) {  // _
                let phrase = LexiconLines.string(word).split(separator: "_").joined(separator: " ")
                add(phrase, cues: [], valence: valence)
                return
            }
            let kind = parts.count > 2 && parts[2].count == 1 ? line[parts[2].lowerBound] : 0
            for affix in Self.inflectionAffixBytes[kind] ?? Self.uninflected {
                form.removeAll(keepingCapacity: true)
                form.append(contentsOf: affix.prefix)
                form.append(contentsOf: word)
                form.append(contentsOf: affix.suffix)
                guard let hash = hasher.firstHash(of: form) else { continue }
                table[hash, default: Entry()].de = valence
            }
        }
    }

    /// Adds a word or phrase with its cues.
    mutating func add(_ term: String, cues: Cue, provider: Int32 = -1, valence: Float = 0) {
        let hashes = TextHash.phrase(term)
        guard let first = hashes.first else { return }
        if hashes.count == 1 && provider < 0 {
            table[first, default: Entry()].cues.formUnion(cues)
            return
        }
        // The same phrase from two lists ("anschluss verpasst": a grievance with a valence) is one phrase.
        for index in table[first]?.phrases ?? [] where phrases[Int(index)].hashes == hashes && phrases[Int(index)].provider == provider {
            phrases[Int(index)].cues.formUnion(cues)
            if valence != 0 { phrases[Int(index)].valence = valence }
            return
        }
        let folded = Normalizer.fold(term)
        phrases.append(Phrase(hashes: hashes, cues: cues, text: folded, provider: provider, valence: valence))
        table[first, default: Entry()].phrases.append(Int32(phrases.count - 1))
    }

    /// Adds a user's negative term: strongly negative, and a complaint word ("extra words for other
    /// complaints", as feeds.yml says).
    mutating func addNegative(_ term: String, provider: Int32 = -1) {
        let hashes = TextHash.phrase(term)
        if hashes.count == 1 && provider < 0 {
            table[hashes[0], default: Entry()].en = -2
            table[hashes[0], default: Entry()].de = -2
            table[hashes[0], default: Entry()].cues.formUnion(.complaint)
        } else {
            add(term, cues: [.negativeTerm, .complaint], provider: provider)
        }
    }

    /// German inflected forms for a lexicon entry (see ``GermanLexicon``).
    static func inflections(of word: String, kind: Substring) -> [String] {
        inflectionAffixes(kind: kind).map { $0.prefix + word + $0.suffix }
    }

    /// ``inflectionAffixes(kind:)`` as UTF-8 bytes by kind letter (A, N, V), built once: built per
    /// lexicon line, the lists were a noticeable part of start-up.
    static let inflectionAffixBytes: [UInt8: [(prefix: [UInt8], suffix: [UInt8])]] = Dictionary(
        uniqueKeysWithValues: ["A", "N", "V"].map { kind in
            (kind.utf8.first ?? 0, inflectionAffixes(kind: kind[...]).map { (Array($0.prefix.utf8), Array($0.suffix.utf8)) })
        })

    /// The affixes of a word without a kind: the word alone.
    static let uninflected: [(prefix: [UInt8], suffix: [UInt8])] = [([], [])]

    /// What a lexicon kind puts before and after the word for each inflected form, the word itself first.
    static func inflectionAffixes(kind: Substring) -> [(prefix: String, suffix: String)] {
        switch kind {
        case "A":
            return [("", "")]
                + ["e", "en", "er", "es", "em", "ere", "eren", "erer", "eres", "ste", "sten", "ster", "stes"].map { ("", $0) }
        case "N":
            return [("", "")] + ["e", "en", "n", "s"].map { ("", $0) }
        case "V":
            return [("", "")] + ["e", "en", "t", "st", "et", "te", "ten", "tet"].map { ("", $0) } + [("ge", "t")]
        default:
            return [("", "")]
        }
    }
}
