// SPDX-License-Identifier: Apache-2.0

/// Finds configured providers in a tokenized post by whole tokens, so "O2" never matches inside "CO2".
struct ProviderMatcher: Sendable {
    /// One provider mention.
    struct Match: Sendable, Equatable {
        var provider: Int
        var token: Int
        var length: Int
        var term: String
    }

    struct Pattern: Sendable {
        var provider: Int
        var hashes: [UInt64]
        var term: String
        var isExclusion: Bool
    }

    private var byFirst: [UInt64: [Pattern]] = [:]
    var isEmpty = true

    init(_ providers: [ProviderTerms]) {
        for (index, p) in providers.enumerated() {
            // Tokenized as a mention or hashtag, so "telekom_hilft" stays one token.
            let handles = p.handles.map { $0.hasPrefix("@") ? $0 : "@" + $0 }
            let hashtags = p.hashtags.map { $0.hasPrefix("#") ? $0 : "#" + $0 }
            let terms = [p.name] + p.aliases + handles + hashtags + p.domains
            for term in terms { add(term, provider: index, exclusion: false) }
            for term in p.exclude { add(term, provider: index, exclusion: true) }
        }
        isEmpty = byFirst.isEmpty
    }

    private mutating func add(_ term: String, provider: Int, exclusion: Bool) {
        let hashes = TextHash.phrase(term)
        guard let first = hashes.first else { return }
        byFirst[first, default: []].append(
            Pattern(provider: provider, hashes: hashes, term: term, isExclusion: exclusion))
    }

    /// Whether a configured term is written as the token is: "#x" for a hashtag, "@x" for a mention, a plain word else.
    private static func fits(_ term: String, _ token: Token) -> Bool {
        switch token.kind {
        case .hashtag: term.hasPrefix("#")
        case .mention: term.hasPrefix("@")
        default: !term.hasPrefix("#") && !term.hasPrefix("@")
        }
    }

    /// Every provider mention outside that provider's exclusion phrases, in text order.
    func matches(in text: TokenizedText) -> [Match] {
        if isEmpty { return [] }
        let tokens = text.tokens
        var found: [Match] = []
        var excluded: [(provider: Int, from: Int, to: Int)] = []
        for i in tokens.indices {
            guard let patterns = byFirst[tokens[i].hash] else { continue }
            for pattern in patterns where i + pattern.hashes.count <= tokens.count {
                var ok = true
                for k in 1..<pattern.hashes.count where tokens[i + k].hash != pattern.hashes[k] {
                    ok = false
                    break
                }
                guard ok else { continue }
                if pattern.isExclusion {
                    excluded.append((pattern.provider, i, i + pattern.hashes.count))
                } else {
                    found.append(Match(provider: pattern.provider, token: i, length: pattern.hashes.count, term: pattern.term))
                }
            }
        }
        // A name and its hashtag hash alike ("liwest", "#liwest"): one match per place, named as written.
        var unique: [Match] = []
        for m in found {
            if let k = unique.firstIndex(where: { $0.provider == m.provider && $0.token == m.token }) {
                if Self.fits(m.term, tokens[m.token]) && !Self.fits(unique[k].term, tokens[m.token]) { unique[k] = m }
            } else {
                unique.append(m)
            }
        }
        found = unique
        if excluded.isEmpty { return found }
        return found.filter { m in
            !excluded.contains { $0.provider == m.provider && m.token >= $0.from && m.token < $0.to }
        }
    }
}
