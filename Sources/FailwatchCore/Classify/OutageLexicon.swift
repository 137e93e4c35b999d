// SPDX-License-Identifier: Apache-2.0

/// ``OutageVocabulary`` keyed by token hash, to tag a post's tokens with frame roles and symptoms.
struct OutageLexicon: Sendable {
    struct Entry: Sendable {
        var hashes: [UInt64]
        var roles: OutageFrame.Role
        var symptom: Symptom?
    }

    private var byFirst: [UInt64: [Entry]] = [:]
    /// `byFirst`'s keys in an open-addressing table (0 = empty) for the per-token probe: a
    /// `Dictionary` look-up hashed every token of every post with SipHash.
    private var keys: [UInt64] = []
    private var lists: [[Entry]] = []
    private var shift: UInt64 = 63
    /// Of every entry, of services, and of failure words ("no", "can't", "fails", "nothing works",
    /// "what's wrong with"). A post whose tokens hit no service and failure word together (and holds
    /// no failure or problem word the rules found) has nothing for the frame.
    private var anyStarter = HashFilter()
    private var serviceStarter = HashFilter()
    private var failureStarter = HashFilter()

    /// Whether the post may hold a service said to fail (a service and a failure word at most six
    /// words apart), or a hashtag that says so ("#telcodown").
    /// With `problems` (the rules found problem words or "anyone else?"), any service word will do.
    func mayHoldCandidates(_ text: TokenizedText, problems: Bool) -> Bool {
        // The frame reads a failure word at most five words from its service.
        var service = -100
        var failure = -1000
        for (i, t) in text.tokens.enumerated() {
            if serviceStarter.mayContain(t.hash) {
                if problems { return true }
                service = i
            }
            if failureStarter.mayContain(t.hash) { failure = i }
            if abs(service - failure) <= 6 { return true }
            if Self.isFailureHashtag(t, in: text) || missingService(t, in: text) != nil { return true }
        }
        return false
    }

    /// "#telcodown", "#netzausfall": a hashtag of six letters or more ending in a failure.
    static func isFailureHashtag(_ t: Token, in text: TokenizedText) -> Bool {
        t.kind == .hashtag && t.end - t.start >= 6 && failureHashtagEndings.contains { text.token(t, hasSuffix: $0) }
    }

    static let failureHashtagEndings: [StaticString] = ["down", "outage", "ausfall", "stoerung"]

    /// "#nointernet", "#nosignal", "#keinnetz": a hashtag of a word of absence and a service, glued.
    ///
    /// - Returns: the service's symptom, or `nil`.
    func missingService(_ t: Token, in text: TokenizedText) -> Symptom? {
        guard t.kind == .hashtag else { return nil }
        for prefix in Self.absentHashtagPrefixes where text.token(t, hasPrefix: prefix) {
            let start = Int(t.start) + prefix.utf8CodeUnitCount
            guard Int(t.end) - start >= 2 else { continue }
            let rest = TextHash.raw(bytes: text.folded[start..<Int(t.end)])
            if let entry = entries(startingWith: rest)?.first(where: {
                $0.hashes.count == 1 && $0.roles.contains(.service)
            }) {
                return entry.symptom
            }
        }
        return nil
    }

    /// Longest first: "keine" before "kein".
    private static let absentHashtagPrefixes: [StaticString] = ["keine", "kein", "no"]

    /// The entries starting with `hash`, if any.
    @inline(__always)
    private func entries(startingWith hash: UInt64) -> [Entry]? {
        let k = hash == 0 ? 1 : hash
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask
        while true {
            let found = keys[slot]
            if found == k { return lists[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Builds the probe table from `byFirst`.
    private mutating func freeze() {
        var bits: UInt64 = 4
        while (1 << bits) < byFirst.count * 3 { bits += 1 }
        shift = 64 - bits
        keys = [UInt64](repeating: 0, count: 1 << bits)
        lists = [[Entry]](repeating: [], count: 1 << bits)
        let mask = (1 << Int(bits)) - 1
        for (key, list) in byFirst {
            let k = key == 0 ? 1 : key
            var slot = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = k
            lists[slot] = list
        }
    }

    /// The built-in vocabulary, built once.
    static let standard: OutageLexicon = {
        var lexicon = OutageLexicon()
        for (symptom, list) in OutageVocabulary.services {
            lexicon.add(list, roles: .service, symptom: symptom)
            // "The internet's been off" is the token "internets" (the tokenizer drops apostrophes):
            // a service with "s" is that service, and "broadband's fine" says it works.
            let withS = Self.withS(list)
            lexicon.add(withS.joined(separator: " "), roles: .service, symptom: symptom)
            let fine = FrameGrammar.fineAfterS.split(separator: " ")
            lexicon.add(withS.flatMap { w in fine.map { "\n\(w) \($0)" } }.joined(), roles: .exonerate, symptom: nil)
        }
        for (symptom, list) in OutageVocabulary.deviceErrors {
            lexicon.add(list, roles: [.service, .failWord], symptom: symptom)
        }
        for (symptom, list) in OutageVocabulary.serviceVerbs {
            lexicon.add(list, roles: .serviceVerb, symptom: symptom)
        }
        for (role, list) in OutageVocabulary.roles {
            lexicon.add(list, roles: role, symptom: nil)
            // "yesterday's outage", "tonight's": a time with its "s" is that time.
            if role == .past || role == .today {
                lexicon.add(
                    withS(list).joined(separator: " "), roles: role == .today ? [.today, .now] : role, symptom: nil)
            }
        }
        lexicon.add("down dead tot broke broken kaputt offline out gone hin weg", roles: .bareFailure, symptom: nil)
        lexicon.freeze()
        return lexicon
    }()

    /// The words of a list's first line, each with an "s" ("internets", "datas"); not those that end in one.
    private static func withS(_ list: String) -> [String] {
        let words = list.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        return words.split(separator: " ").filter { !$0.hasSuffix("s") && $0.last?.isLetter == true }.map { $0 + "s" }
    }

    /// Adds a list: words on the first line, one phrase per further line.
    private mutating func add(_ list: String, roles: OutageFrame.Role, symptom: Symptom?) {
        let segments = list.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let terms = index == 0 ? segment.split(separator: " ").map(String.init) : [String(segment)]
            for term in terms where !term.isEmpty {
                let hashes = TextHash.phrase(term)
                guard let first = hashes.first else { continue }
                anyStarter.insert(first)
                // The gate needs one word a phrase cannot go without: its longest, the rarest as a
                // rule ("website" of "my website", "wrong" of "what is wrong with").
                let words = term.split(separator: " ")
                let key =
                    words.count > 1 ? TextHash.phrase(String(words.max { $0.count < $1.count }!)).first ?? first : first
                // "Nothing works" needs no service: it counts as both.
                if !roles.isDisjoint(with: [.service, .serviceVerb, .totalFailure]) { serviceStarter.insert(key) }
                if !roles.isDisjoint(with: [
                    .absence, .cannot, .failWord, .totalFailure, .trouble, .awaiting, .working, .works,
                ]) {
                    failureStarter.insert(key)
                }
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
    func tag(_ text: TokenizedText) -> ([OutageFrame.Role], [Symptom?]) {
        let tokens = text.tokens
        var roles = [OutageFrame.Role](repeating: [], count: tokens.count)
        var symptoms = [Symptom?](repeating: nil, count: tokens.count)
        var i = 0
        while i < tokens.count {
            if let missing = missingService(tokens[i], in: text) {
                // "#nointernet" names the service and its failure at once, as a phone's error does.
                roles[i] = [.service, .failWord]
                symptoms[i] = missing
                i += 1
                continue
            }
            var best: Entry? = nil
            if tokens[i].kind != .url, anyStarter.mayContain(tokens[i].hash),
                let entries = entries(startingWith: tokens[i].hash)
            {
                for e in entries where i + e.hashes.count <= tokens.count && e.hashes.count > (best?.hashes.count ?? 0)
                {
                    // A phrase lies within one clause: "zero data moving, in Vegas" holds no "moving in".
                    if (1..<e.hashes.count).allSatisfy({
                        tokens[i + $0].hash == e.hashes[$0] && !tokens[i + $0 - 1].endsClause
                    }) {
                        best = e
                    }
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
