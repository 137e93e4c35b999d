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
            if token.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "'" }) {
                let tokens = Tokenizer.tokenize(token).tokens
                if tokens.count == 1 && !neutralInServicePosts.contains(token) { result.append((tokens[0].hash, value)) }
            } else {
                result.append((TextHash.raw(token), value))
            }
        }
        return result
    }
}
