// SPDX-License-Identifier: Apache-2.0

/// ``OutageVocabulary`` keyed by token hash, to tag a post's tokens with frame roles and symptoms.
struct OutageLexicon: Sendable {
    struct Entry: Sendable {
        var hashes: [UInt64]
        var roles: OutageFrame.Role
        var symptom: Symptom?
    }

    private var byFirst: [UInt64: [Entry]] = [:]

    /// The built-in vocabulary, built once.
    static let standard: OutageLexicon = {
        var lexicon = OutageLexicon()
        for (symptom, list) in OutageVocabulary.services {
            lexicon.add(list, roles: .service, symptom: symptom)
        }
        for (role, list) in OutageVocabulary.roles { lexicon.add(list, roles: role, symptom: nil) }
        lexicon.add("down dead tot broke broken kaputt offline out gone hin weg", roles: .bareFailure, symptom: nil)
        return lexicon
    }()

    /// Adds a list: words on the first line, one phrase per further line.
    private mutating func add(_ list: String, roles: OutageFrame.Role, symptom: Symptom?) {
        let segments = list.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let terms = index == 0 ? segment.split(separator: " ").map(String.init) : [String(segment)]
            for term in terms where !term.isEmpty {
                let hashes = TextHash.phrase(term)
                guard let first = hashes.first else { continue }
                if let k = byFirst[first]?.firstIndex(where: { $0.hashes == hashes }) {
                    byFirst[first]![k].roles.formUnion(roles)
                    if let symptom { byFirst[first]![k].symptom = symptom }
                } else {
                    byFirst[first, default: []].append(Entry(hashes: hashes, roles: roles, symptom: symptom))
                }
            }
        }
    }

    /// Roles and symptom per token; the longest phrase starting at a token tags all its tokens.
    func tag(_ tokens: [Token]) -> ([OutageFrame.Role], [Symptom?]) {
        var roles = [OutageFrame.Role](repeating: [], count: tokens.count)
        var symptoms = [Symptom?](repeating: nil, count: tokens.count)
        var i = 0
        while i < tokens.count {
            var best: Entry? = nil
            if tokens[i].kind != .url, let entries = byFirst[tokens[i].hash] {
                for e in entries where i + e.hashes.count <= tokens.count && e.hashes.count > (best?.hashes.count ?? 0) {
                    if (1..<e.hashes.count).allSatisfy({ tokens[i + $0].hash == e.hashes[$0] }) { best = e }
                }
            }
            guard let best else {
                i += 1
                continue
            }
            for k in i..<(i + best.hashes.count) {
                roles[k].formUnion(best.roles)
                if let s = best.symptom { symptoms[k] = s }
            }
            i += best.hashes.count == 1 ? 1 : best.hashes.count
        }
        return (roles, symptoms)
    }
}
