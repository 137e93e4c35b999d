// SPDX-License-Identifier: Apache-2.0

/// Reads the embedded VADER lexicon (MIT, C.J. Hutto; see NOTICE) into token-hash → valence pairs.
enum VaderLexicon {
    /// Entries that name companies or abbreviate plain words in posts about providers ("United",
    /// "Spirit", "wd" = would), where VADER's valence misleads.
    static let neutralInServicePosts: Set<String> = ["united", "spirit", "wd", "frontier"]
    static let neutralLongest = neutralInServicePosts.map(\.utf8.count).max() ?? 0

    /// Valences keyed by token hash; emoticons and emoji keyed by their raw (lower-cased) text.
    static func entries() -> [(UInt64, Float)] {
        var result: [(UInt64, Float)] = []
        result.reserveCapacity(8000)
        var hasher = TermHasher()
        LexiconLines.forEach(in: data) { line in
            guard let tab = line.firstIndex(of: 0x09),
                let value = Float(LexiconLines.string(line[(tab + 1)...]))
            else { return }
            let token = UnsafeBufferPointer(rebasing: line[..<tab])
            // Words (letters and apostrophes; the lexicon is ASCII) hash as the tokenizer folds them,
            // emoticons by their raw text.
            if token.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 == 0x27 }) {
                // Only words as short as the longest neutral one are looked for (a `String` each).
                if let hash = hasher.onlyHash(of: token),
                    token.count > neutralLongest || !neutralInServicePosts.contains(LexiconLines.string(token[...]))
                {
                    result.append((hash, value))
                }
            } else {
                result.append((TextHash.raw(bytes: token), value))
            }
        }
        return result
    }
}
