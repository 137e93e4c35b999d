// SPDX-License-Identifier: Apache-2.0

/// One pass of the rules over a tokenized post: valences with VADER's adjustments, and cue hits.
///
/// Kept apart from the label decision so that the same facts can be judged for the whole post
/// and for the clauses about each provider.
struct RuleAnalysis {
    /// A rule that fired at a token.
    enum Hit: UInt8, Sendable {
        case outage, othersToo, problem, complaint, complaintWeak, resolved, fine, duration, infrastructure, negation,
            askedComplaint
        /// A problem word in a yes/no question ("is there a problem with texts?"): asked, and a candidate outage.
        case askedProblem
    }

    let text: TokenizedText
    let language: String
    /// Valence contribution per token, after negation, boosters, capitals and contrast.
    var contributions: [Float]
    /// Clause number per token.
    var clauses: [Int32]
    var hits: [(hit: Hit, token: Int)] = []
    var addressed = false
    /// The last token of each configured provider name in the post ("Kabelnet" in "Kabelnet tot"):
    /// a failure word right after it is said of the provider.
    var providerNameEnds: [Int] = []
    /// Tokens of configured `outage_terms` in the post.
    var configuredOutageTokens: [Int] = []
    var reasons: [String]? = nil
    /// Phrase text by first token, for reasons.
    private var phraseAt: [Int: String] = [:]

    /// Runs the rules.
    ///
    /// - Parameters:
    ///   - text: the tokenized post.
    ///   - language: "de", "en" or "other" (other reads both lexicons).
    ///   - book: lexicons and vocabulary.
    ///   - providers: providers mentioned in the post (their own phrases count only then).
    ///   - explain: whether to collect reasons.
    init(text: TokenizedText, language: String, book: RuleBook, providers: Set<Int>, explain: Bool) {
        var buffers = Buffers()
        self.init(text: text, language: language, book: book, providers: providers, explain: explain, buffers: &buffers)
    }

    /// Arrays one analysis hands on to the next, so that bulk classification allocates nothing per post.
    struct Buffers {
        var contributions: [Float] = []
        var clauses: [Int32] = []
        var hits: [(hit: Hit, token: Int)] = []
        var cues: [Cue] = []
        var consumed: [Bool] = []

        /// Takes an array out of the buffers, refilled with `count` times `value`.
        ///
        /// Resized only by the difference and overwritten in place: emptying and appending again
        /// went through the generic replace and append paths, a noticeable share of a post's time.
        @inline(__always)
        static func take<T>(_ array: inout [T], count: Int, value: T) -> [T] {
            var result: [T] = []
            swap(&result, &array)
            if result.count > count {
                result.removeLast(result.count - count)
            } else if result.count < count {
                result.append(contentsOf: repeatElement(value, count: count - result.count))
            }
            result.withUnsafeMutableBufferPointer { $0.update(repeating: value) }
            return result
        }
    }

    /// Runs the rules with arrays from `buffers`; hand them back with ``recycle(into:)``.
    init(
        text: TokenizedText, language: String, book: borrowing RuleBook, providers: Set<Int>, explain: Bool,
        buffers: inout Buffers
    ) {
        self = Self.analyzed(
            text: text, language: language, book: book, providers: providers, explain: explain, buffers: &buffers)
    }

    /// An analysis before its steps ran.
    private init(blank text: TokenizedText, language: String) {
        self.text = text
        self.language = language
        contributions = []
        clauses = []
    }

    /// Runs the steps on a local value and returns it: the initializer running them on `self`
    /// copied the whole analysis (every array retained and released again) at its end.
    private static func analyzed(
        text: TokenizedText, language: String, book: borrowing RuleBook, providers: Set<Int>, explain: Bool,
        buffers: inout Buffers
    ) -> RuleAnalysis {
        var analysis = RuleAnalysis(blank: text, language: language)
        analysis.run(book: book, providers: providers, explain: explain, buffers: &buffers)
        return analysis
    }

    /// Runs the three steps.
    private mutating func run(book: borrowing RuleBook, providers: Set<Int>, explain: Bool, buffers: inout Buffers) {
        let tokens = text.tokens
        let n = tokens.count
        // Filled as locals and stored before step 3: element writes through `self` checked
        // the arrays' uniqueness at every token.
        var contributions = Buffers.take(&buffers.contributions, count: n, value: 0)
        var clauses = Buffers.take(&buffers.clauses, count: n, value: 0)
        hits = Buffers.take(&buffers.hits, count: 0, value: (.outage, 0))
        if explain { reasons = [] }
        var cues = Buffers.take(&buffers.cues, count: n, value: [])
        var consumed = Buffers.take(&buffers.consumed, count: n, value: false)
        defer {
            buffers.cues = cues
            buffers.consumed = consumed
        }
        let useEN = language != "de"
        let useDE = language != "en"

        lookUp(
            book: book, providers: providers, explain: explain, useEN: useEN, useDE: useDE,
            contributions: &contributions, clauses: &clauses, cues: &cues, consumed: &consumed)
        adjustValences(useDE: useDE, contributions: &contributions, cues: cues, consumed: consumed)
        self.contributions = contributions
        self.clauses = clauses
        findHits(cues: cues, consumed: consumed)
    }

    // The three steps are methods of their own: as one body, the initializer grew past what the
    // optimizer inlines into, and even `Array.count` became a call.

    /// Step 1: each token's lexicon entry, phrase or compound head.
    private mutating func lookUp(
        book: borrowing RuleBook, providers: Set<Int>, explain: Bool, useEN: Bool, useDE: Bool,
        contributions: inout [Float], clauses: inout [Int32], cues: inout [Cue], consumed: inout [Bool]
    ) {
        let tokens = text.tokens
        let n = tokens.count
        let emoticonWeight = RuleThresholds.for(language: language).emoticonWeight
        // 1. Look-ups: base valence and cues; phrases win over their words.
        var clause: Int32 = 0
        var i = 0
        while i < n {
            let token = tokens[i]
            clauses[i] = clause
            if token.kind == .mention || token.kind == .url {
                if token.kind == .mention { addressed = true }
                if token.endsClause { clause += 1 }
                i += 1
                continue
            }
            if let entry = book.lookup(token.hash) {
                if !consumed[i] {
                    var v = useDE && entry.de != 0 ? entry.de : 0
                    if v == 0 && useEN { v = entry.en }
                    if token.kind == .hashtag && v == 0 && useEN { v = entry.en }
                    if token.kind == .emoji || token.kind == .emoticon { v = entry.en }
                    if token.kind == .emoticon { v *= emoticonWeight }
                    if entry.cues.contains(.politeness) { v *= 0.25 }
                    if entry.cues.contains(.salutation) && Self.opensPost(i, tokens: tokens, cues: cues) { v = 0 }
                    contributions[i] = v
                    cues[i].formUnion(entry.cues)
                    if entry.cues.contains(.contrast) && i > 0 {
                        clause += 1
                        clauses[i] = clause
                    }
                }
                if entry.phraseCount > 0, !consumed[i],
                    let (index, length) = Self.longestPhrase(
                        Int(entry.phraseStart)..<Int(entry.phraseStart + entry.phraseCount), at: i, tokens: tokens,
                        book: book, providers: providers)
                {
                    let phrase = book.frozenPhrases[Int(index)]
                    cues[i] = phrase.cues
                    for k in i..<(i + length) {
                        consumed[k] = true
                        if k > i { contributions[k] = 0 }
                    }
                    contributions[i] = phrase.cues.contains(.negativeTerm) ? -2 : phrase.valence
                    if explain {
                        let phraseText = book.phrases[Int(index)].text
                        phraseAt[i] = phraseText
                        if phrase.cues.contains(.negativeTerm) { reasons?.append("negative term \"\(phraseText)\"") }
                    }
                }
            } else if token.kind == .hashtag && token.end - token.start >= 6
                && (text.token(token, hasSuffix: "fail") || text.token(token, hasSuffix: "sucks")
                    || text.token(token, hasSuffix: "worst") || text.token(token, hasSuffix: "chaos"))
            {
                // "#usairwayssucks", "#customerservicefail", "#bahnchaos"
                cues[i] = .complaint
                contributions[i] = -2
                reasons?.append("hashtag \"#\(text.text(of: token))\" → complaint")
            } else if useDE && (token.kind == .word || token.kind == .hashtag) && token.end - token.start >= 8,
                let head = GermanCompounds.head(of: token, in: text)
            {
                // German compounds: "Netzausfall", "Stellwerksstörung", "Bahnchaos", "Fehlplanung".
                cues[i] = head.cues
                contributions[i] = head.valence
                reasons?.append("compound \"\(text.text(of: token))\" \(Self.format(head.valence))")
            }
            if token.endsClause { clause += 1 }
            i += 1
        }
    }

    /// Step 2: VADER's valence adjustments (negation, boosters, capitals, contrast).
    private mutating func adjustValences(useDE: Bool, contributions: inout [Float], cues: [Cue], consumed: [Bool]) {
        let tokens = text.tokens
        let n = tokens.count
        // 2. Valence adjustments (VADER's rules, plus German negation after the word).
        let shouting = text.hasLowercase
        let endedRule = RuleThresholds.for(language: language).ended
        var contrastAt = -1
        for i in 0..<n {
            if cues[i].contains(.contrast) && !consumed[i] { contrastAt = i }
            var v = contributions[i]
            if v == 0 || consumed[i] { continue }
            let sign: Float = v > 0 ? 1 : -1
            if tokens[i].isCaps && shouting { v += sign * 0.733 }
            var negated = false
            var j = i - 1
            var distance = 0
            while j >= 0 && distance < 3 && !tokens[j].endsClause {
                let c = cues[j]
                if !consumed[j] {
                    if c.contains(.negation) {
                        negated = true
                    } else if c.contains(.booster) && contributions[j] == 0 {
                        let scale: Float = distance == 0 ? 1 : distance == 1 ? 0.95 : 0.9
                        v += sign * RuleVocabulary.boost * scale + (tokens[j].isCaps && shouting ? sign * 0.733 : 0)
                    } else if c.contains(.dampener) {
                        v -= sign * RuleVocabulary.boost
                    }
                }
                j -= 1
                distance += 1
            }
            if !negated && useDE && !tokens[i].endsClause {
                // "gefällt mir nicht", "ist gut, aber pünktlich ist er nicht"
                var k = i + 1
                while k < n && k <= i + 3 {
                    if cues[k].contains(.negation) && !consumed[k] && (tokens[k].endsClause || k == n - 1) {
                        negated = true
                        break
                    }
                    if contributions[k] != 0 || tokens[k].endsClause { break }
                    k += 1
                }
            }
            if negated {
                v *= -0.74
                reasons?.append("negated \"\(text.text(of: tokens[i]))\"")
            } else if v < 0 && Self.endedNear(i, cues: cues, tokens: tokens, reach: endedRule.reach) {
                // "Streik beendet", "Störung behoben", "the outage has ended"
                v *= endedRule.flip
                reasons?.append("ended \"\(text.text(of: tokens[i]))\"")
            }
            contributions[i] = v
        }
        if contrastAt >= 0 {
            for i in 0..<n {
                if i < contrastAt { contributions[i] *= 0.5 } else if i > contrastAt { contributions[i] *= 1.5 }
            }
        }
        if var reasons {
            for i in 0..<n where contributions[i] != 0 {
                reasons.append(
                    "sentiment \"\(phraseAt[i] ?? text.text(of: tokens[i]))\" \(Self.format(contributions[i]))")
            }
            self.reasons = reasons
        }
    }

    /// Step 3: which rules fire where.
    private mutating func findHits(cues: [Cue], consumed: [Bool]) {
        let tokens = text.tokens
        let n = tokens.count
        // 3. Cue hits in context. A yes/no question ("Is my flight delayed?", "Fährt der Zug heute?")
        // asks for information: its grievance words count less, its weak cues not at all.
        let polar = text.questions > 0 ? Self.polarQuestions(tokens: tokens, clauses: clauses, cues: cues) : []
        let german = language != "en"
        for i in 0..<n {
            let c = cues[i]
            if c.isEmpty { continue }
            let fails =
                german && !c.isDisjoint(with: [.serviceVerb, .fine])
                && Self.serviceFails(i, tokens: tokens, cues: cues, consumed: consumed)
            if fails { record(.outage, i, "service verb, negation closing the clause") }
            if german && c.contains(.separableFail) && !consumed[i] && Self.particleFails(i, tokens: tokens, cues: cues)
            {
                record(.outage, i, "verb of failing, its particle closing the clause")
            }
            let asked = !polar.isEmpty && polar[Int(clauses[i])]
            if c.contains(.addressee) { addressed = true }
            if c.contains(.outage) {
                if Self.isNegated(i, tokens: tokens, cues: cues, consumed: consumed) {
                    record(.fine, i, "negated outage term")
                } else {
                    record(.outage, i, "outage term")
                }
            } else if c.contains(.down) && !consumed[i] {
                if Self.downMeansOutage(i, tokens: tokens, cues: cues) {
                    if Self.isNegated(i, tokens: tokens, cues: cues, consumed: consumed) {
                        record(.fine, i, "\"not down\"")
                    } else {
                        record(.outage, i, "\"down\" as a state")
                    }
                }
            } else if c.contains(.failState) && !consumed[i] {
                if Self.hasInfrastructure(before: i, tokens: tokens, cues: cues)
                    && !(i + 1 < n && text.text(of: tokens[i + 1]) == "of")
                {
                    record(.outage, i, "infrastructure + failure word")
                } else if Self.nameFails(i, tokens: tokens, cues: cues) {
                    record(.outage, i, "a name + failure word closing the clause")
                }
            }
            if c.contains(.infrastructure) && !consumed[i] { record(.infrastructure, i, nil) }
            if c.contains(.problem) {
                if asked {
                    record(.askedProblem, i, "problem word in a yes/no question")
                } else {
                    record(.problem, i, "problem word")
                }
            }
            if c.contains(.othersToo) { record(.othersToo, i, "asks whether others are hit") }
            if c.contains(.complaint) {
                if consumed[i] || !Self.isNegated(i, tokens: tokens, cues: cues, consumed: consumed) {
                    if asked {
                        record(.askedComplaint, i, "complaint term in a yes/no question")
                    } else {
                        record(.complaint, i, "complaint term")
                    }
                }
            } else if c.contains(.complaintWeak) && !consumed[i] && !asked {
                record(.complaintWeak, i, "weak complaint cue")
            }
            if (c.contains(.resolved) || (c.contains(.ended) && Self.endsAFailure(i, tokens: tokens, cues: cues)))
                && !(i + 2 < n && cues[i + 2].contains(.negation))
                && !Self.followsNegation(i, tokens: tokens, cues: cues)
                && !Self.isHopedFor(i, tokens: tokens) && !Self.isAsked(i, tokens: tokens, clauses: clauses)
            {
                record(.resolved, i, "outage over")
            }
            if c.contains(.fine) && !fails { record(.fine, i, "service fine") }
            if c.contains(.negation) && !consumed[i] && !asked { record(.negation, i, "negation") }
            if c.contains(.timeUnit) && i > 0 && tokens[i - 1].kind == .number
                && !(i > 1 && cues[i - 2].contains(.durationStart))
            {
                record(.duration, i, "time span")
            }
            if c.contains(.durationStart) && !consumed[i] {
                var k = i + 1
                if k < n && tokens[k].kind == .number { k += 1 }
                if k < n && cues[k].contains(.timeUnit) { record(.duration, i, "duration (\"seit 20 min\")") }
            }
        }
    }

    /// Per clause: whether it is a yes/no question, opening with a verb ("is", "can", "ist", "fährt")
    /// and ending with "?".
    ///
    /// This and the other context checks are static, taking the arrays they read: called from
    /// `init` as instance methods, each call copied the whole analysis (and retained its arrays).
    private static func polarQuestions(tokens: [Token], clauses: [Int32], cues: [Cue]) -> [Bool] {
        var result = [Bool](repeating: false, count: Int(clauses.last ?? 0) + 1)
        var opensWithVerb = false
        var seenWord = false
        for i in tokens.indices {
            if i == 0 || clauses[i] != clauses[i - 1] {
                opensWithVerb = false
                seenWord = false
            }
            if !seenWord && tokens[i].isWordLike {
                seenWord = true
                opensWithVerb = cues[i].contains(.auxiliary)
            }
            if opensWithVerb && tokens[i].questions > 0 { result[Int(clauses[i])] = true }
        }
        return result
    }

    /// Whether only mentions, "Re:" or another salutation come before token `i` ("@DB_Bahn Liebe Bahn, …").
    static func opensPost(_ i: Int, tokens: [Token], cues: [Cue]) -> Bool {
        var j = 0
        while j < i {
            let t = tokens[j]
            if !(t.kind == .mention || t.kind == .url || cues[j].contains(.salutation)
                || (j == 0 && t.end - t.start == 2))
            {
                return false
            }
            j += 1
        }
        return true
    }

    /// An "ended" word up to three tokens before or `reach` tokens after, in the same clause, itself not
    /// negated ("nicht behoben").
    static func endedNear(_ i: Int, cues: [Cue], tokens: [Token], reach: Int = 3) -> Bool {
        var j = i + 1
        while j < tokens.count && j <= i + reach && !tokens[j - 1].endsClause {
            if !cues[j].isDisjoint(with: [.ended, .resolved]) {
                return !(cues[j - 1].contains(.negation) || (j > i + 1 && cues[j - 2].contains(.negation)))
            }
            j += 1
        }
        j = i - 1
        while j >= 0 && j >= i - 3 && !tokens[j].endsClause {
            if !cues[j].isDisjoint(with: [.ended, .resolved]) { return true }
            j -= 1
        }
        return false
    }

    /// Hands the arrays back for the next post.
    func recycle(into buffers: inout Buffers) {
        buffers.contributions = contributions
        buffers.clauses = clauses
        buffers.hits = hits
    }

    private mutating func record(_ hit: Hit, _ token: Int, _ why: String?) {
        hits.append((hit, token))
        if let why, reasons != nil {
            reasons?.append("\(why): \"\(phraseAt[token] ?? text.text(of: text.tokens[token]))\"")
        }
    }

    /// A negation up to three tokens before, in the same clause.
    private static func isNegated(_ i: Int, tokens: [Token], cues: [Cue], consumed: [Bool]) -> Bool {
        var j = i - 1
        while j >= 0 && j >= i - 3 && !tokens[j].endsClause {
            if cues[j].contains(.negation) && !consumed[j] { return true }
            j -= 1
        }
        return false
    }

    /// German names a failing service with its verb and a negation that closes the clause, the
    /// thing often between them: "geht das Internet schon wieder nicht", "funktioniert seit heute
    /// nicht mehr", "bei mir geht seit einer Stunde gar nichts", "weil das Telefon nicht mehr geht".
    /// It is an outage when the clause names the thing (Internet, WLAN, Telefon…) or says "nichts";
    /// "Das geht gar nicht" (that is unacceptable) is not.
    ///
    /// - Parameter i: a service verb, or a "works" phrase ("bei mir geht", "läuft") the negation overturns.
    static func serviceFails(_ i: Int, tokens: [Token], cues: [Cue], consumed: [Bool]) -> Bool {
        // "Nichts lädt mehr", "nix funktioniert"
        if cues[i].contains(.serviceVerb) && i > 0 && cues[i - 1].contains(.nothing) && !tokens[i - 1].endsClause {
            return true
        }
        guard let (start, end) = clause(around: i, tokens: tokens),
            !(start..<i).contains(where: { cues[$0].contains(.qualifier) })
        else { return false }
        var negation = -1
        if end > i {
            // Verb first: "geht das Internet nicht (mehr)".
            var k = end
            while k > i && cues[k].contains(.negationTail) && !consumed[k] { k -= 1 }
            if k > i && cues[k].contains(.negation) && !consumed[k] { negation = k }
        } else if cues[i].contains(.serviceVerb) {
            // Verb last, in a subordinate clause: "weil das Internet nicht (mehr) geht".
            var k = i - 1
            while k > start && cues[k].contains(.negationTail) && !consumed[k] { k -= 1 }
            if k >= start && k >= i - 3 && cues[k].contains(.negation) && !consumed[k] { negation = k }
        }
        guard negation >= 0 else { return false }
        if cues[negation].contains(.nothing) { return true }
        return (start...end).contains { cues[$0].contains(.infrastructure) }
    }

    /// "Der Router fällt seit gestern immer wieder aus", "Verbindung bricht alle 10 Minuten ab": a
    /// separable verb of failing whose particle closes the clause, said of infrastructure.
    static func particleFails(_ i: Int, tokens: [Token], cues: [Cue]) -> Bool {
        guard let (start, end) = clause(around: i, tokens: tokens), end > i, cues[end].contains(.failParticle) else {
            return false
        }
        return (start...end).contains { cues[$0].contains(.infrastructure) }
    }

    /// The first and last token of the clause around token `i`, at most eight tokens either side;
    /// `nil` when the clause runs on beyond that (its last word is then not known).
    private static func clause(around i: Int, tokens: [Token]) -> (Int, Int)? {
        var start = i
        while start > 0 && !tokens[start - 1].endsClause && i - start < 8 { start -= 1 }
        var end = i
        while end < tokens.count - 1 && !tokens[end].endsClause && end - i < 8 { end += 1 }
        return tokens[end].endsClause || end == tokens.count - 1 ? (start, end) : nil
    }

    /// "still haven't fixed it", "nicht wieder da": a negation right before, also inside a phrase.
    private static func followsNegation(_ i: Int, tokens: [Token], cues: [Cue]) -> Bool {
        // A phrase keeps its cues on its first word ("still haven't"): the words are checked themselves.
        func negation(_ j: Int) -> Bool { cues[j].contains(.negation) || negationWords.contains(tokens[j].hash) }
        return (i > 0 && negation(i - 1) && !tokens[i - 1].endsClause)
            || (i > 1 && negation(i - 2) && !tokens[i - 2].endsClause && !tokens[i - 1].endsClause)
    }

    /// "when will it be working again", "should be back up soon": a return still awaited (after
    /// "be", "to"), which says the service is not back yet.
    private static func isHopedFor(_ i: Int, tokens: [Token]) -> Bool {
        i > 0 && !tokens[i - 1].endsClause && awaitingWords.contains(tokens[i - 1].hash)
    }

    private static let awaitingWords = TextHash.words("be to")

    /// Whether the clause of token `i` asks: it ends in a question mark, so a return asked about ("is
    /// the network back yet?", "how long until it's restored?") is awaited, not stated; or it opens with
    /// "wann" or "when", with or without its "?" ("wann gehts wieder").
    private static func isAsked(_ i: Int, tokens: [Token], clauses: [Int32]) -> Bool {
        var j = i
        while j + 1 < tokens.count && clauses[j + 1] == clauses[i] { j += 1 }
        var first = i
        while first > 0 && clauses[first - 1] == clauses[i] { first -= 1 }
        return tokens[j].questions > 0 || returnQuestions.contains(tokens[first].hash)
    }

    private static let returnQuestions = TextHash.words(FrameGrammar.returnQuestions)

    private static let negationWords = RuleVocabulary.words(of: .negation)

    /// "Störung beendet", "the outage has ended": an "ended" word ends an outage only when a failure or
    /// problem word comes up to eight words before it in its clause ("they ended my chat", "Anruf
    /// beendet" end no outage).
    /// A clause that opens with an auxiliary ("Störung heute früh, wurde schnell behoben") ends the
    /// failure of the clause before.
    private static func endsAFailure(_ i: Int, tokens: [Token], cues: [Cue]) -> Bool {
        var j = i - 1
        var opening = i
        while j >= 0 && !tokens[j].endsClause {
            j -= 1
            opening -= 1
        }
        let reachesBack = opening < i && cues[opening].contains(.auxiliary)
        j = i - 1
        var crossed = false
        while j >= 0 && j >= i - 8 {
            if tokens[j].endsClause {
                if crossed || !reachesBack { break }
                crossed = true
            }
            if !cues[j].isDisjoint(with: [.outage, .problem, .down, .failState]) { return true }
            j -= 1
        }
        return false
    }

    /// "NetzNord tot.", "Kabelnet scho wieda weg?", "@telco dead again": a clause that is only a name
    /// (a word no list knows, a mention or a hashtag), maybe "is"/"schon"/"wieder", and a failure word
    /// closing it, maybe with "again"/"wieder"/"on me" after. A person ("I'm dead") is vetoed by the frame.
    private static func nameFails(_ i: Int, tokens: [Token], cues: [Cue]) -> Bool {
        guard nameFailures.contains(tokens[i].hash) else { return false }
        // "Bin weg", "weg damit": "weg" and "hin" only in a question or an outcry ("scho wieda weg?").
        if awayWords.contains(tokens[i].hash) && tokens[i].questions + tokens[i].exclamations == 0 { return false }
        // Up to two words after the failure word, all fillers, then the clause ends.
        var end = i
        while !(tokens[end].endsClause || end == tokens.count - 1) {
            end += 1
            if end > i + 2 || !isFiller(tokens[end], cues[end]) { return false }
        }
        var start = i
        while start > 0 && !tokens[start - 1].endsClause && i - start < 4 { start -= 1 }
        guard start == 0 || tokens[start - 1].endsClause else { return false }
        var named = false
        for j in start..<i {
            let t = tokens[j]
            if t.kind == .mention || t.kind == .hashtag
                || (t.kind == .word && cues[j].isEmpty && !notNames.contains(t.hash))
            {
                named = true
            } else if !isFiller(t, cues[j]) {
                return false
            }
        }
        return named
    }

    /// "is", "schon", "wieder", "again", "just", "on me": words around a failure that change nothing.
    private static func isFiller(_ token: Token, _ cue: Cue) -> Bool {
        !cue.isDisjoint(with: [.copula, .complaintWeak, .auxiliary]) || fillers.contains(token.hash)
    }

    /// Failure words a name can close a clause with; "out" and "gone" say too many other things.
    private static let nameFailures = TextHash.words("dead tot tod weg hin kaputt broken broke died futsch offline")
    private static let awayWords = TextHash.words("weg hin")
    /// Words no list knows that are no name: pronouns, articles, "bin", "dann".
    private static let notNames = TextHash.words(
        "it its this that these those es das der die dem den the my mein meine bin dann so all alles everything everyone he she you"
    )

    private static let fillers = TextHash.words(
        "just has have hat completely totally komplett total mal scho wieda on me for us mir uns bei")

    private static func hasInfrastructure(before i: Int, tokens: [Token], cues: [Cue]) -> Bool {
        var j = i - 1
        while j >= 0 && j >= i - 5 && !tokens[j].endsClause {
            if cues[j].contains(.infrastructure) { return true }
            j -= 1
        }
        return false
    }

    /// "X is down", "down again?", "Telekom down!" — but not "calm down", "let me down", "down to earth".
    private static func downMeansOutage(_ i: Int, tokens: [Token], cues: [Cue]) -> Bool {
        let n = tokens.count
        if i > 0 && cues[i - 1].contains(.downExcluder) { return false }
        if i > 1 && cues[i - 2].contains(.downExcluder) && !tokens[i - 2].endsClause { return false }
        let last = i == n - 1 || tokens[i].endsClause
        if !last && i + 1 < n && cues[i + 1].contains(.downDirection) { return false }
        if last || tokens[i].questions > 0 || tokens[i].exclamations > 0 { return true }
        if i > 0 && (cues[i - 1].contains(.copula) || cues[i - 1].contains(.infrastructure)) { return true }
        // "is VM down in my area", "ist O2 down bei euch"
        if i > 1 && cues[i - 2].contains(.copula) && !tokens[i - 2].endsClause { return true }
        if i + 1 < n && (cues[i + 1].contains(.durationStart) || cues[i + 1].contains(.timeUnit)) { return true }
        if i > 0 && (tokens[i - 1].kind == .mention || tokens[i - 1].kind == .hashtag) { return true }
        return false
    }

    static func longestPhrase(
        _ candidates: Range<Int>, at i: Int, tokens: [Token], book: RuleBook, providers: Set<Int>
    ) -> (Int32, Int)? {
        var best: (Int32, Int)? = nil
        for c in candidates {
            let index = book.phraseIndex[c]
            let phrase = book.frozenPhrases[Int(index)]
            let count = Int(phrase.count)
            guard i + count <= tokens.count, count > (best?.1 ?? 0) else { continue }
            if phrase.provider >= 0 && !providers.contains(Int(phrase.provider)) { continue }
            var ok = true
            let hashes = Int(phrase.hashStart)
            for k in 1..<count where tokens[i + k].hash != book.phraseHashes[hashes + k] {
                ok = false
                break
            }
            if ok { best = (index, count) }
        }
        return best
    }

    static func format(_ v: Float) -> String {
        let r = (v * 100).rounded() / 100
        return r > 0 ? "+\(r)" : "\(r)"
    }
}
