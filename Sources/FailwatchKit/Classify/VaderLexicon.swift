// SPDX-License-Identifier: Apache-2.0

/// Reads the embedded VADER lexicon (MIT, C.J. Hutto; see NOTICE) into token-hash → valence pairs.
enum VaderLexicon {
    /// Entries that name companies or abbreviate plain words in posts about providers ("United",
    /// "Spirit", "wd" = would), where VADER's valence misleads.
    static let neutralInServicePosts: Set<String> = ["united", "spirit", "wd", "frontier"]

    /// Valences keyed by token hash; emoticons and emoji keyed by their raw (lower-cased) text.
    static func entries() -> [(UInt64, Float)] {
        var result: [(UInt64, Float)] = []
        result.reserveCapacity(8000)
        for line in data.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t"), let value = Float(line[line.index(after: tab)...])
            else { continue }
            let token = String(line[..<tab])
            // Words (letters and apostrophes; the lexicon is ASCII) hash as the tokenizer folds them,
            // emoticons by their raw text.
            if token.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 == 0x27 }) {
                let tokens = Tokenizer.tokenize(token).tokens
                if tokens.count == 1 && !neutralInServicePosts.contains(token) { result.append((tokens[0].hash, value)) }
            } else {
                result.append((TextHash.raw(token), value))
            }
        }
        return result
    }
}
