// SPDX-License-Identifier: Apache-2.0

/// Decides whether the failure words of a post make an outage report: a service the customer buys,
/// failing, now, for the writer (or the provider the post is about).
///
/// The rules find failure words ("down", "no signal", "geht nicht", configured `outage_terms`) and
/// questions about problems. The frame then reads what surrounds each: *what* failed (a service from
/// ``OutageVocabulary/services``, which also names the symptom), *when* (now, or over, or always so)
/// and *whose* (the writer's own service works, or they caused it themselves). Guards veto failure
/// words that are about something else: another thing failing (power, trains), a provider's app,
/// support line or bill, a past outage, a maintenance notice, marketing, news, cancelling, an idiom.
/// Vetoes that still leave a grievance against the provider (past outage, app, support, account,
/// chronic coverage) count as complaint words instead.
struct OutageFrame {
    /// What a word tells the frame.
    struct Role: OptionSet, Sendable, Hashable {
        let rawValue: UInt64
        static let service = Role(rawValue: 1 << 0)
        static let providerSide = Role(rawValue: 1 << 1)
        static let otherThing = Role(rawValue: 1 << 2)
        static let now = Role(rawValue: 1 << 3)
        static let past = Role(rawValue: 1 << 4)
        static let chronic = Role(rawValue: 1 << 5)
        static let exonerate = Role(rawValue: 1 << 6)
        static let account = Role(rawValue: 1 << 7)
        static let maintenance = Role(rawValue: 1 << 8)
        static let possible = Role(rawValue: 1 << 9)
        static let marketing = Role(rawValue: 1 << 10)
        static let cancel = Role(rawValue: 1 << 11)
        static let person = Role(rawValue: 1 << 12)
        /// "down", "dead", "kaputt": a failure only when said of a service, never of a person.
        static let bareFailure = Role(rawValue: 1 << 13)
        /// "no", "zero", "without", "kein", "haven't had": before a service, it is missing.
        static let absence = Role(rawValue: 1 << 14)
        /// "fails", "not coming through", "cuts out", "weg": after a service, it fails.
        static let failWord = Role(rawValue: 1 << 15)
        /// "can't", "unable to", "kann nicht": before a service ("can't make calls"), it fails.
        static let cannot = Role(rawValue: 1 << 16)
        /// "what's wrong with", "something up with": asks about trouble, like a problem word.
        static let trouble = Role(rawValue: 1 << 17)
        /// "slow", "speed", "buffering": a line that works, badly.
        static let slow = Role(rawValue: 1 << 18)
        /// "sorry for the interruption", "drop us a DM": the provider's support answering.
        static let agentReply = Role(rawValue: 1 << 19)
        /// "nothing's working", "immer noch nix": a failure of everything, no service named.
        static let totalFailure = Role(rawValue: 1 << 20)
        /// "the", "to", "road": after "down", a direction.
        static let direction = Role(rawValue: 1 << 21)
        /// "was": past in English only.
        static let pastEnglish = Role(rawValue: 1 << 22)
        /// "is there", "any", "gibt es": a question, also when its "?" is left off.
        static let asking = Role(rawValue: 1 << 23)
        /// "decent", "proper", "problems": between "no" and a service, the missing thing is a quality
        /// of the service ("no decent signal") or trouble with it ("no problems with my internet").
        static let quality = Role(rawValue: 1 << 24)
        /// "outage", "Störung", "Ausfall": a word that names a service failure by itself.
        static let namesOutage = Role(rawValue: 1 << 25)
        /// "call", "text", "browse": names a service right after "can't" ("can't text anyone").
        static let serviceVerb = Role(rawValue: 1 << 26)
        /// "when will", "how long until", "waiting for": asks or waits for something to return.
        static let awaiting = Role(rawValue: 1 << 27)
        /// "back", "fixed", "wieder": what such a question waits for.
        static let returning = Role(rawValue: 1 << 28)
        /// "working": asked of a service, whether it fails ("are texts working?").
        static let working = Role(rawValue: 1 << 29)
        /// "fined", "ordered to pay", "Bußgeld": news about the provider, not a customer's report.
        static let news = Role(rawValue: 1 << 30)
        /// "dead good", "dead chuffed": "dead" meaning "very".
        static let intensifier = Role(rawValue: 1 << 31)
        /// "if", "wenn", "falls", and "when" within its clause: what follows is supposed, not reported.
        static let supposing = Role(rawValue: 1 << 32)
        /// "know", "check", "wonder": before "if", it means "whether" and asks.
        static let whether = Role(rawValue: 1 << 33)
        /// "today", "this morning": a now word that is also a time, which after a return says when.
        static let today = Role(rawValue: 1 << 34)
        /// "a total fail", "epic fail": mockery, no failure. It only holds its words, so that its "fail"
        /// is not read as one.
        static let mockery = Role(rawValue: 1 << 35)
        /// "account", "SIM", "router": the writer's own side, which said to be fine rules itself out.
        static let ownSide = Role(rawValue: 1 << 36)
        /// "geht", "funktioniert", "lädt": German "works", which a negation closing its clause denies.
        static let works = Role(rawValue: 1 << 37)
    }

    /// Why a failure word is not an outage report.
    enum Guard: String, Sendable {
        case otherThing = "something other than a telecom service fails"
        case providerSide = "the provider's app, website, bill or support fails, not the service"
        case past = "the failure is over or was in the past"
        case chronic = "always so: coverage or speed, not a failure now"
        case exonerated = "the writer's own service works, or they caused it"
        case account = "the writer's SIM or account explains it"
        case maintenance = "a planned maintenance notice"
        case possible = "a possible interruption announced, not one happening"
        case supposed = "a failure supposed (if, when), not reported"
        case denied = "an outage denied (no outages, keine Störung)"
        case marketing = "the provider's marketing"
        case news = "news about the provider"
        case cancel = "cancelling, moving or closing down"
        case idiom = "said of a person, an idiom"
        case slow = "slow, but working"
        case agentReply = "the provider's support answering"
        case unanchored = "no service named, and nothing says now, asks, or names whose it is"

        /// Whether the post still holds a grievance against the provider (a complaint, not an outage).
        var isGrievance: Bool {
            switch self {
            case .providerSide, .past, .chronic, .account, .slow, .unanchored: true
            default: false
            }
        }
    }

    /// The frame's answer for a set of clauses.
    struct Reading: Sendable {
        var outage = false
        var symptom: Symptom?
        /// Failure words vetoed by a guard that leaves a grievance: each counts as a complaint word.
        var grievances = 0
        var reasons: [String] = []
    }

    /// Roles and symptom per token.
    let roles: [Role]
    let symptoms: [Symptom?]
    private let analysis: RuleAnalysis

    init(_ analysis: RuleAnalysis) {
        self.analysis = analysis
        var (roles, symptoms) = OutageLexicon.standard.tag(analysis.text)
        Self.nameServicesByVerb(&roles, &symptoms, tokens: analysis.text.tokens, clauses: analysis.clauses)
        Self.ruleOutTheWritersSide(&roles)
        Self.keepOthersServiceApart(&roles, text: analysis.text, clauses: analysis.clauses)
        Self.keepTheProvidersCancellations(&roles)
        Self.markOngoing(&roles, text: analysis.text, english: analysis.language != "de")
        (self.roles, self.symptoms) = (roles, symptoms)
    }

    /// "has been cutting out", "it's been going off all evening": "been" before a failure in "-ing" is a
    /// failure going on up to now, whatever "was" says elsewhere.
    private static func markOngoing(_ roles: inout [Role], text: TokenizedText, english: Bool) {
        guard english else { return }
        for k in text.tokens.indices.dropLast()
        where text.tokens[k].hash == been && !text.tokens[k].endsClause && roles[k + 1].contains(.failWord)
            && text.token(text.tokens[k + 1], hasSuffix: "ing")
        {
            roles[k].insert(.now)
        }
    }

    private static let been = TextHash.word("been")!

    /// "My mate on Three is fine, but my phone has no signal", "they say the network is fine": what is
    /// fine for someone else, or said by others, does not clear the writer's own failure.
    private static func keepOthersServiceApart(_ roles: inout [Role], text: TokenizedText, clauses: [Int32]) {
        guard roles.contains(where: { $0.contains(.exonerate) }) else { return }
        let others = clausesOfOthers(text, clauses: clauses)
        for k in roles.indices where others.contains(clauses[k]) { roles[k].remove(.exonerate) }
    }

    /// The clauses that speak of another person ("my wife on O2 is fine").
    private static func clausesOfOthers(_ text: TokenizedText, clauses: [Int32]) -> Set<Int32> {
        Set(text.tokens.indices.filter { otherPeople.contains(text.tokens[$0].hash) }.map { clauses[$0] })
    }

    private static let otherPeople = TextHash.words(FrameGrammar.otherPeople)

    /// "engineer cancelled again", "appointment cancelled": the provider called off its own visit;
    /// the writer cancels nothing.
    private static func keepTheProvidersCancellations(_ roles: inout [Role]) {
        for k in roles.indices.dropFirst() where roles[k].contains(.cancel) && roles[k - 1].contains(.providerSide) {
            roles[k].remove(.cancel)
        }
    }

    /// "SIM is fine", "my account is fine and paid", "router works fine": the writer's own side said
    /// to work rules out a cause of their own, it does not say their service works.
    private static func ruleOutTheWritersSide(_ roles: inout [Role]) {
        for k in roles.indices.dropFirst()
        where roles[k].contains(.exonerate) && !roles[k - 1].contains(.exonerate) && roles[k - 1].contains(.ownSide) {
            var j = k
            while j < roles.count && roles[j].contains(.exonerate) {
                roles[j].remove(.exonerate)
                j += 1
            }
        }
    }

    /// "can't text anyone", "unable to ring out": a verb of using a service, up to two words after
    /// "can't", is that service, unless it reaches the provider ("can't even call them") or its
    /// clause names the provider's systems or another thing ("can't call customer services").
    /// Elsewhere the verb names nothing.
    private static func nameServicesByVerb(
        _ roles: inout [Role], _ symptoms: inout [Symptom?], tokens: [Token], clauses: [Int32]
    ) {
        for k in roles.indices where roles[k].contains(.serviceVerb) && !roles[k].contains(.service) {
            let clause = clauses[k]
            let modal = modalNegated(k, tokens: tokens, clauses: clauses)
            // The negation of "kann … nicht surfen" is its "can't".
            if modal { roles[k - 1].insert(.cannot) }
            // "can't make a single call", "can't put a call through": small words between are skipped.
            var before = k - 1
            while before > 0 && k - before <= 3 && clauses[before] == clause && fillers.contains(tokens[before].hash) {
                before -= 1
            }
            let afterCannot =
                (max(0, min(before, k - 2))..<k).contains { clauses[$0] == clause && roles[$0].contains(.cannot) }
                && !(k + 1 < tokens.count && addressees.contains(tokens[k + 1].hash))
            let elsewhere = roles.indices.contains {
                clauses[$0] == clause && !roles[$0].isDisjoint(with: [.providerSide, .otherThing])
            }
            if afterCannot && !elsewhere {
                roles[k].insert(.service)
            } else {
                symptoms[k] = nil
            }
        }
    }

    /// Judges the candidates in the clauses `include` accepts.
    ///
    /// - Parameters:
    ///   - failures: tokens of failure words.
    ///   - problems: tokens of problem words ("issue", "Störung?") and "anyone else?": a failure when
    ///     their sentence names a service and asks, or says now ("problem with texts in Leeds?").
    ///   - othersToo: the post asks whether others are hit.
    ///   - returned: the last word saying the service is back ("back up", "wieder da"), or -1.
    func judge(
        failures: [Int], problems: [Int], othersToo: Bool, returned: Int = -1, explain: Bool,
        include: (Int32) -> Bool
    ) -> Reading {
        var reading = Reading()
        let tokens = analysis.text.tokens
        let clauses = analysis.clauses
        var postRoles: Role = []
        for i in tokens.indices where include(clauses[i]) { postRoles.formUnion(roles[i]) }
        if answersACustomer() { postRoles.insert(.agentReply) }
        if repostsAnAnnouncement() { postRoles.insert(.marketing) }
        // "The app says no issues, but…": what the provider's app, website or status page says is its
        // claim, not the writer's experience, and clears nothing.
        let fineHits = analysis.hits.filter {
            $0.hit == .fine && include(clauses[$0.token]) && !saidByTheProvider(clauses[$0.token])
        }
        let others = fineHits.isEmpty ? [] : Self.clausesOfOthers(analysis.text, clauses: clauses)
        let fineClauses = Set(fineHits.map { clauses[$0.token] }.filter { !others.contains($0) })
        var candidates = failures + serviceFailures()
        let troubles = tokens.indices.filter {
            roles[$0].contains(.trouble) || awaitsReturn($0) || asksIfWorking($0) || asksIfBack($0)
        }
        for i in problems + troubles where !asksToKnow(i) {
            let sentence = clauseRoles(around: i, reach: 1)
            let asks =
                analysis.text.questions > 0 || othersToo || sentence.contains(.now) || opensAsking(i)
                || !roles[i].isDisjoint(with: [.awaiting, .trouble])
            // "@telco any known issues in Hull?": asked of the provider outright, no service needed.
            let outright = analysis.addressed && opensAsking(i) && endsAsking(i)
            if asks && (sentence.contains(.service) || outright)
                && !candidates.contains(where: { clauses[$0] == clauses[i] })
            {
                candidates.append(i)
            }
        }
        if returned >= 0 { candidates.removeAll { !stillFailing($0, after: returned) } }
        let failureClauses = Set(candidates.map { clauses[$0] })
        for i in candidates where include(clauses[i]) {
            let word = explain ? "\"\(analysis.text.text(of: tokens[i]))\"" : ""
            let fineElsewhere = fineClauses.subtracting(failureClauses)
            if let veto = veto(
                i, postRoles: postRoles, fineElsewhere: fineElsewhere, othersToo: othersToo, include: include)
            {
                if veto.isGrievance { reading.grievances += 1 }
                if explain { reading.reasons.append("outage guard: failure \(word) vetoed, \(veto.rawValue)") }
                continue
            }
            let symptom = nearestSymptom(to: i)
            if !reading.outage || (reading.symptom == .unknown && symptom != .unknown) { reading.symptom = symptom }
            reading.outage = true
            if explain {
                let line = describe(i, symptom: symptom)
                if !reading.reasons.contains(line) { reading.reasons.append(line) }
            }
        }
        return reading
    }

    /// The guard that vetoes failure word `i`, if any.
    private func veto(_ i: Int, postRoles: Role, fineElsewhere: Set<Int32>, othersToo: Bool, include: (Int32) -> Bool)
        -> Guard?
    {
        let clause = clauseRoles(around: i, reach: 0)
        let sentence = clauseRoles(around: i, reach: 1)
        // What failed: this clause's things, else its neighbours'.
        let things: Role = clause.isDisjoint(with: [.service, .otherThing, .providerSide]) ? sentence : clause
        // "940 down, 880 up": a number before "down" is a speed.
        if roles[i].contains(.bareFailure) && i > 0 && analysis.text.tokens[i - 1].kind == .number { return .idiom }
        if roles[i].contains(.intensifier) { return .idiom }
        if roles[i].contains(.bareFailure) && !things.contains(.service) {
            for j in max(0, i - 3)..<i where roles[j].contains(.person) && analysis.clauses[j] == analysis.clauses[i] {
                return .idiom
            }
        }
        if things.contains(.otherThing) && !things.contains(.service) { return .otherThing }
        if things.contains(.providerSide) && !things.contains(.service) { return .providerSide }
        if postRoles.contains(.agentReply) { return .agentReply }
        if clause.contains(.slow) { return .slow }
        if postRoles.contains(.maintenance) { return .maintenance }
        if postRoles.contains(.marketing) { return .marketing }
        if postRoles.contains(.news) { return .news }
        if (postRoles.contains(.exonerate) || !fineElsewhere.isEmpty)
            && !partOfTheService(i, fine: fineElsewhere, include: include)
        {
            return .exonerated
        }
        if sentence.contains(.account) { return .account }
        if clause.contains(.cancel) { return .cancel }
        if clause.contains(.possible) { return .possible }
        // "Any news on when it will be restored?": the return asked about is neither supposed nor past.
        let awaited = asksIfBack(i) || awaitsReturn(i)
        if !awaited && supposed(i) && !clause.contains(.now) { return .supposed }
        if denied(i) { return .denied }
        // Its own clause first: "was down yesterday, still no apology" is over, whatever "still" says next.
        let clauseTense = awaited ? clauseRoles(around: i, reach: 0, skippingReturns: true) : clause
        let sentenceTense = awaited ? clauseRoles(around: i, reach: 1, skippingReturns: true) : sentence
        if !clauseTense.isDisjoint(with: pastRoles) && !clause.contains(.now) { return .past }
        if !sentenceTense.isDisjoint(with: pastRoles) && !sentence.contains(.now) { return .past }
        // "for 3 days", "seit 2 Wochen": a failure that has lasted so long goes on now, it is no rule.
        let lasting = analysis.hits.contains {
            $0.hit == .duration && abs(Int(analysis.clauses[$0.token]) - Int(analysis.clauses[i])) <= 1
        }
        if sentence.contains(.chronic) && !postRoles.contains(.now) && !lasting { return .chronic }
        // A failure word whose sentence names no service ("dead", "disconnected": "Telco dead again",
        // "is it down?") stands for the whole service only with a second sign that it reports one
        // now: a question, a now word, or the provider as its subject. Words that name an outage
        // themselves ("outage", "Netzausfall", a configured `outage_terms` entry, "#telcodown") and
        // "nothing works" need none.
        if !namesAnOutage(i) && !sentence.contains(.service) && !sentence.contains(.totalFailure)
            && !sentence.contains(.now) && !(analysis.text.questions > 0 || othersToo) && !opensAsking(i)
            && !saidOfTheProvider(i)
        {
            return .unanchored
        }
        return nil
    }

    /// "Calls work again but texts still fail", "WLAN wieder da, Festnetz immer noch tot": after a
    /// return, a failure in a later clause that says it goes on now is a part still out. Without a
    /// now word ("back now, shocking outage though"), with only a time of today ("back now, the
    /// fault this morning cost me"), or said as past ("back now, a mast was down again"), it is what
    /// was over.
    private func stillFailing(_ i: Int, after returned: Int) -> Bool {
        let clauses = analysis.clauses
        guard clauses[i] > clauses[returned] else { return false }
        let clause = roles.indices.filter { clauses[$0] == clauses[i] }
        return clause.contains { roles[$0].contains(.now) && !roles[$0].contains(.today) }
            && !clause.contains { !roles[$0].isDisjoint(with: pastRoles) }
    }

    /// Words that put a failure in the past; English "was" only in English (German "was" = "what").
    private var pastRoles: Role { analysis.language == "de" ? .past : [.past, .pastEnglish] }

    /// "Do you pay compensation when the network goes down?", "if my internet goes down, can I…",
    /// "wenn das Internet ausfällt": a failure after a conditional in its clause is supposed. Not
    /// "if" after a verb of knowing ("can you check if texts are down", a question whether it is),
    /// and not "when" opening its clause ("when I ring, it says call failed" reports the failure).
    private func supposed(_ i: Int) -> Bool {
        let tokens = analysis.text.tokens
        let clauses = analysis.clauses
        var j = i - 1
        while j >= 0 && clauses[j] == clauses[i] {
            // "if you're on Telco, use wifi, because they're having problems": a reason is stated.
            if Self.because.contains(tokens[j].hash) { return false }
            if roles[j].contains(.supposing) {
                let opensClause = j == 0 || clauses[j - 1] != clauses[j] || !tokens[j - 1].isWordLike
                if tokens[j].hash == Self.when && opensClause { return false }
                // "even if I restart the router it won't connect": granted, not supposed. "If not, why
                // have I no signal?": the condition is whole in two words.
                if j > 0 && Self.even.contains(tokens[j - 1].hash) { return false }
                if j + 1 < tokens.count && Self.soOrNot.contains(tokens[j + 1].hash) { return false }
                var k = j - 1
                if k >= 0 && Self.askedOf.contains(tokens[k].hash) { k -= 1 }
                return !(k >= 0 && clauses[k] == clauses[j] && roles[k].contains(.whether))
            }
            j -= 1
        }
        return false
    }

    private static let when = TextHash.word("when")!
    private static let even = TextHash.words(FrameGrammar.granting)
    private static let soOrNot = TextHash.words(FrameGrammar.wholeCondition)
    private static let because = TextHash.words(FrameGrammar.because)
    private static let askedOf = TextHash.words(FrameGrammar.askedOf)

    /// "@sarah Hi Sarah, we're checking…", "@max Hallo Max, magst du uns…": a reply that greets the
    /// person it answers by name and speaks for a "we" is the provider's support answering, however
    /// it words its help. A customer greets the provider ("Hi @telco,") or no one.
    private func answersACustomer() -> Bool {
        let tokens = analysis.text.tokens
        var k = 0
        while k < tokens.count && tokens[k].kind == .mention { k += 1 }
        guard k > 0, k + 2 < tokens.count, Self.greetings.contains(tokens[k].hash) else { return false }
        // One or two words of a name, then the clause ends: "Hi Sarah,", "Hallo Frau Berger,".
        let nameEnd = (k + 1...min(k + 2, tokens.count - 1)).first { tokens[$0].endsClause }
        guard let nameEnd, (k + 1...nameEnd).allSatisfy({ tokens[$0].kind == .word }) else { return false }
        return tokens[(nameEnd + 1)...].contains { Self.weVoice.contains($0.hash) }
    }

    /// "RT @telco: No more dead spots on the A9 – 5G now in 40 villages": a repost that names no
    /// writer ("I", "my"), asks nothing and addresses no one is the account's own announcement, not
    /// a customer's report, which says whose service fails, asks, or tags the provider.
    private func repostsAnAnnouncement() -> Bool {
        let tokens = analysis.text.tokens
        guard Classifier.isRepost(analysis.text), analysis.text.questions == 0 else { return false }
        return !tokens.dropFirst(2).contains { $0.kind == .mention || Self.firstPerson.contains($0.hash) }
    }

    private static let firstPerson = TextHash.words(FrameGrammar.firstPerson)
    private static let greetings = TextHash.words(FrameGrammar.greetings)
    private static let weVoice = TextHash.words(FrameGrammar.weVoice)

    /// "Zero outages this year", "ka Störung bei uns", "no more dead spots": an outage noun right after
    /// a word of absence is denied, not reported.
    private func denied(_ i: Int) -> Bool {
        guard namesAnOutage(i) else { return false }
        let clauses = analysis.clauses
        return (max(0, i - 2)..<i).contains { clauses[$0] == clauses[i] && roles[$0].contains(.absence) }
    }

    /// Whether token `i` names an outage by itself: an outage noun, a compound or hashtag ending in
    /// one, or a configured `outage_terms` entry.
    private func namesAnOutage(_ i: Int) -> Bool {
        let text = analysis.text
        let t = text.tokens[i]
        if roles[i].contains(.namesOutage) || analysis.configuredOutageTokens.contains(i) { return true }
        let endings = t.kind == .hashtag ? OutageLexicon.failureHashtagEndings : Self.outageNounEndings
        return endings.contains { text.token(t, hasSuffix: $0) }
    }

    /// "Netzausfall", "Internetstörungen": compounds of an outage noun.
    private static let outageNounEndings: [StaticString] = ["ausfall", "ausfaelle", "stoerung", "stoerungen"]

    /// "@telco dead", "Kabelnet is down": the word before the failure (past a copula) is a handle or
    /// a configured provider's name.
    private func saidOfTheProvider(_ i: Int) -> Bool {
        let tokens = analysis.text.tokens
        var j = i - 1
        if j >= 0 && Self.copulas.contains(tokens[j].hash) { j -= 1 }
        return j >= 0 && (tokens[j].kind == .mention || analysis.providerNameEnds.contains(j))
    }

    private static let copulas = TextHash.words(FrameGrammar.copulas)

    /// Whether clause `c` names the provider's own systems (app, website, status checker, support).
    private func saidByTheProvider(_ c: Int32) -> Bool {
        roles.indices.contains { analysis.clauses[$0] == c && roles[$0].contains(.providerSide) }
    }

    /// "Calls and texts are fine but no data since noon": the clauses saying what works name other
    /// services of the same kind (telecom, not an app or a hosted server) than the failing one, so a
    /// part of the service is down while the rest works, an outage. "WhatsApp is down, the internet is fine" or
    /// "Kabelnet is down, my broadband works" stay vetoed.
    private func partOfTheService(_ i: Int, fine: Set<Int32>, include: (Int32) -> Bool) -> Bool {
        let clauses = analysis.clauses
        func telecom(in clause: Int32) -> Set<Symptom>? {
            var found: Set<Symptom> = []
            for j in symptoms.indices where clauses[j] == clause {
                guard let s = symptoms[j], s != .unknown else { continue }
                if s == .app || s == .hosting { return nil }
                found.insert(s)
            }
            return found
        }
        guard let own = telecom(in: clauses[i]), !own.isEmpty else { return false }
        var working = fine
        for j in roles.indices where roles[j].contains(.exonerate) && include(clauses[j]) { working.insert(clauses[j]) }
        for c in working {
            guard let theirs = telecom(in: c), !theirs.isEmpty, theirs.isDisjoint(with: own) else { return false }
        }
        return !working.isEmpty
    }

    /// Services said to be missing or failing: "no 4G", "haven't had any data", "calls aren't coming
    /// through", "can't make calls", "kein Netz", "Internet weg". Returns the service tokens.
    private func serviceFailures() -> [Int] {
        let clauses = analysis.clauses
        let german = analysis.language == "de"
        var found: [Int] = []
        for j in roles.indices where roles[j].contains(.service) && (j == 0 || !roles[j - 1].contains(.service)) {
            var k = j - 1
            // "message failed", "call failed": the error a phone shows names both.
            var hit = roles[j].contains(.failWord)
            while k >= 0 && k >= j - 4 && clauses[k] == clauses[j] && !hit && !roles[k].contains(.quality) {
                hit = !roles[k].isDisjoint(with: [.absence, .cannot])
                k -= 1
            }
            // After the whole run of service words: "mobile data coverage has been non-existent".
            var end = j
            while end + 1 < roles.count && roles[end + 1].contains(.service) && clauses[end + 1] == clauses[j] {
                end += 1
            }
            k = end + 1
            // German puts the time before the state: its words do not count ("Anschluss ist seit
            // gestern Nachmittag komplett tot").
            var reach = end + 5
            while k < roles.count && k <= reach && clauses[k] == clauses[j] && !hit {
                let direction =
                    roles[k].contains(.bareFailure) && k + 1 < roles.count && roles[k + 1].contains(.direction)
                hit = roles[k].contains(.failWord) && !direction && !switchedOff(k, service: j)
                if german
                    && (!roles[k].isDisjoint(with: [.now, .past, .today]) || analysis.text.tokens[k].kind == .number)
                {
                    reach += 1
                }
                k += 1
            }
            if !hit && german { hit = deniedWorking(after: end) }
            if hit {
                found.append(j)
            } else if let negation = deniedByEllipsis(from: j, to: end) {
                // Found at the negation, whose clause says whether it goes on ("aber noch nicht").
                found.append(negation)
            }
        }
        let text = analysis.text
        for (j, t) in text.tokens.enumerated() {
            if OutageLexicon.isFailureHashtag(t, in: text) || roles[j].contains(.totalFailure) { found.append(j) }
        }
        return found
    }

    /// "Turn data roaming off", "switched the router off and on", "take off": the writer switches,
    /// nothing fails.
    private func switchedOff(_ k: Int, service j: Int) -> Bool {
        let tokens = analysis.text.tokens
        guard tokens[k].hash == Self.off else { return false }
        let clause = analysis.clauses[j]
        return (max(0, j - 4)..<k).contains {
            analysis.clauses[$0] == clause && Self.switching.contains(tokens[$0].hash)
        }
    }

    private static let off = TextHash.word("off")!
    private static let switching = TextHash.words(FrameGrammar.switching)

    /// "Signal yes, internet no", "DSL ist zurück, die Telefonie aber noch nicht", "calls work but my data
    /// still isn't": a service denied by a negation that closes its clause, the verb left out.
    ///
    /// The verb is left out only when none comes before the service in its phrase (back to punctuation
    /// or "but", "aber"): "So funktioniert das mit dem Router aber nicht" has one.
    ///
    /// - Returns: the negation, or `nil`.
    private func deniedByEllipsis(from start: Int, to end: Int) -> Int? {
        let tokens = analysis.text.tokens
        var b = start - 1
        while b >= 0 && !tokens[b].endsClause && tokens[b].kind != .mention
            && !Self.conjunctions.contains(tokens[b].hash)
        {
            if roles[b].contains(.works) || Self.copulas.contains(tokens[b].hash) { return nil }
            b -= 1
        }
        var k = end + 1
        // "aber" and "but" open a clause of their own: only punctuation ends the reach here.
        while k < tokens.count && k <= end + 3 && !tokens[k - 1].endsClause {
            if Self.ellipticNegations.contains(tokens[k].hash) {
                return tokens[k].endsClause || k == tokens.count - 1 ? k : nil
            }
            guard Self.ellipsisFillers.contains(tokens[k].hash) else { return nil }
            k += 1
        }
        return nil
    }

    private static let ellipticNegations = TextHash.words(FrameGrammar.ellipticNegations)
    private static let ellipsisFillers = TextHash.words(FrameGrammar.ellipsisFillers)
    private static let conjunctions = TextHash.words(FrameGrammar.conjunctions)

    /// German closes the clause with what decides it: "mobile Daten gehen immer noch nicht", "die
    /// SMS kommen bei mir nicht an" (a verb of working after the service, denied by a negation at
    /// the end) and "Anrufe brechen sofort ab" (a verb of failing whose particle comes last).
    private func deniedWorking(after end: Int) -> Bool {
        let tokens = analysis.text.tokens
        let clauses = analysis.clauses
        guard
            let verb = (end + 1..<min(roles.count, end + 4)).first(where: {
                roles[$0].contains(.works) || Self.failingVerbs.contains(tokens[$0].hash)
            }),
            clauses[verb] == clauses[end]
        else { return false }
        var last = lastOfClause(verb)
        guard last > verb else { return false }
        if Self.failingVerbs.contains(tokens[verb].hash) { return Self.failingParticles.contains(tokens[last].hash) }
        if Self.afterNegation.contains(tokens[last].hash) && last > verb + 1 { last -= 1 }
        return Self.germanNegations.contains(tokens[last].hash)
    }

    private static let afterNegation = TextHash.words(FrameGrammar.germanAfterNegation)
    private static let failingVerbs = RuleVocabulary.words(of: .separableFail)
    private static let failingParticles = RuleVocabulary.words(of: .failParticle)

    /// "Are texts working?", "is anyone's signal working in Leeds?": a yes/no question whether a
    /// service works now. Not whether it works with something ("does wifi calling work on …") or has
    /// arrived ("is 5G working in town yet?").
    private func asksIfWorking(_ i: Int) -> Bool {
        guard roles[i].contains(.working) else { return false }
        let tokens = analysis.text.tokens
        let clauses = analysis.clauses
        let clause = tokens.indices.filter { clauses[$0] == clauses[i] }
        guard let first = clause.first(where: { tokens[$0].isWordLike }), let last = clause.last,
            tokens[last].questions > 0
        else { return false }
        let opens = first == i || Self.yesNoOpeners.contains(tokens[first].hash)
        return opens && clause.contains { roles[$0].contains(.service) }
            && !clause.contains { Self.notYet.contains(tokens[$0].hash) }
    }

    private static let yesNoOpeners = TextHash.words(FrameGrammar.yesNoOpeners)
    private static let notYet = TextHash.words(FrameGrammar.notYet)

    /// German puts the verb last: "ich kann seit heute früh nicht surfen", "i kaun ned simsen".
    private static func modalNegated(_ k: Int, tokens: [Token], clauses: [Int32]) -> Bool {
        guard k > 0, germanNegations.contains(tokens[k - 1].hash) else { return false }
        var j = k - 2
        while j >= 0 && clauses[j] == clauses[k] {
            if germanModals.contains(tokens[j].hash) { return true }
            j -= 1
        }
        return false
    }

    private static let germanNegations = TextHash.words(FrameGrammar.germanNegations)
    private static let germanModals = TextHash.words(FrameGrammar.germanModals)
    private static let addressees = TextHash.words(FrameGrammar.addressees)

    /// "When will my internet be back?", "how long until texts are fixed", "warte drauf, dass das
    /// Internet wieder geht": asks or waits for the service to return, a return word later in its
    /// clause or the next.
    private func awaitsReturn(_ i: Int) -> Bool {
        guard roles[i].contains(.awaiting), i == 0 || !roles[i - 1].contains(.awaiting) else { return false }
        let clauses = analysis.clauses
        let tokens = analysis.text.tokens
        var k = i + 1
        while k < roles.count && clauses[k] <= clauses[i] + 1 && k <= i + 8 {
            if roles[k].contains(.returning) && !Self.contactVerbs.contains(tokens[k - 1].hash) { return true }
            k += 1
        }
        return false
    }

    /// "Is the network back yet?", "any news on when my broadband will be restored?": a state of being
    /// back, asked about, says the service is out until it is.
    private func asksIfBack(_ i: Int) -> Bool {
        let tokens = analysis.text.tokens
        guard i > 0, roles[i].contains(.returning), Self.askedReturns.contains(tokens[i].hash),
            !tokens[i - 1].endsClause,
            !Self.contactVerbs.contains(tokens[i - 1].hash)
        else { return false }
        return (Self.beForms.contains(tokens[i - 1].hash) || roles[i - 1].contains(.service)) && endsAsking(i)
    }

    private static let askedReturns = TextHash.words(FrameGrammar.askedReturns)
    private static let fillers = TextHash.words(FrameGrammar.fillers)
    private static let beForms = TextHash.words(FrameGrammar.beForms)
    private static let contactVerbs = TextHash.words(FrameGrammar.contactVerbs)

    /// "Anyone know if Telco covers the coast road?": asks for information, reports no trouble.
    private func asksToKnow(_ i: Int) -> Bool {
        let tokens = analysis.text.tokens
        return i + 1 < tokens.count && Self.know.contains(tokens[i + 1].hash)
    }

    private static let know = TextHash.words(FrameGrammar.know)

    /// Whether the clause of token `i`, or the one before, opens with a question word ("is there
    /// signal issues in PE29", "any problems with texts"): a question whose "?" was left off.
    private func opensAsking(_ i: Int) -> Bool {
        let tokens = analysis.text.tokens
        let clauses = analysis.clauses
        // The first word of each clause: mentions and emoji before it do not count.
        var j = i
        while j >= 0 && clauses[j] >= clauses[i] - 1 {
            let opens = j == 0 || clauses[j - 1] != clauses[j] || !tokens[j - 1].isWordLike
            if tokens[j].isWordLike && opens && roles[j].contains(.asking) { return true }
            j -= 1
        }
        return false
    }

    /// Whether the clause of token `i` ends in a question mark.
    private func endsAsking(_ i: Int) -> Bool { analysis.text.tokens[lastOfClause(i)].questions > 0 }

    /// The last token of the clause of token `i` (a clause ends at punctuation, so also at `endsClause`).
    private func lastOfClause(_ i: Int) -> Int {
        var j = i
        while j + 1 < analysis.clauses.count && analysis.clauses[j + 1] == analysis.clauses[i] { j += 1 }
        return j
    }

    /// The roles of the clause around token `i`, and of `reach` clauses either side; without the words
    /// of a return when `skippingReturns` (an awaited "restored" puts nothing in the past).
    private func clauseRoles(around i: Int, reach: Int32, skippingReturns: Bool = false) -> Role {
        let clauses = analysis.clauses
        let c = clauses[i]
        var result: Role = []
        var j = i
        while j >= 0 && clauses[j] >= c - reach {
            if !(skippingReturns && roles[j].contains(.returning)) { result.formUnion(roles[j]) }
            j -= 1
        }
        j = i + 1
        while j < roles.count && clauses[j] <= c + reach {
            if !(skippingReturns && roles[j].contains(.returning)) { result.formUnion(roles[j]) }
            j += 1
        }
        return result
    }

    /// The symptom of the service nearest token `i` in its clause and the next ones; `unknown` without one.
    private func nearestSymptom(to i: Int) -> Symptom {
        let clauses = analysis.clauses
        var best: (distance: Int, symptom: Symptom)? = nil
        for j in symptoms.indices where abs(Int(clauses[j]) - Int(clauses[i])) <= 1 {
            guard let s = symptoms[j], s != .unknown else { continue }
            let distance = abs(j - i) + (clauses[j] == clauses[i] ? 0 : 20)
            if best == nil || distance < best!.distance { best = (distance, s) }
        }
        return best?.symptom ?? .unknown
    }

    /// "outage frame: failure "down" + service "broadband" (internet) + now "still" + whose @handle".
    private func describe(_ i: Int, symptom: Symptom) -> String {
        let tokens = analysis.text.tokens
        let clauses = analysis.clauses
        func words(_ role: Role) -> String {
            let found = tokens.indices.filter {
                abs(Int(clauses[$0]) - Int(clauses[i])) <= 1 && roles[$0].contains(role)
            }
            return found.isEmpty
                ? "–" : found.map { "\"\(analysis.text.text(of: tokens[$0]))\"" }.joined(separator: " ")
        }
        var whose: [String] = []
        for t in tokens where t.kind == .mention { whose.append("@" + analysis.text.text(of: t)) }
        if analysis.addressed && whose.isEmpty { whose.append("addressed to someone") }
        if analysis.text.questions > 0 { whose.append("asked") }
        // A service said to fail ("texting … broken", "no signal") is found at its service word: name
        // the failure word of its clause, the one nearest to it.
        var failure = i
        let failing: Role = [.absence, .cannot, .failWord, .bareFailure, .totalFailure]
        if roles[i].isDisjoint(with: failing) {
            let near = tokens.indices.filter { clauses[$0] == clauses[i] && !roles[$0].isDisjoint(with: failing) }
            failure = near.min { abs($0 - i) < abs($1 - i) } ?? i
        }
        return
            "outage frame: failure \"\(analysis.text.text(of: tokens[failure]))\" + service \(words(.service)) (\(symptom.rawValue))"
            + " + now \(words(.now)) + whose \(whose.isEmpty ? "the writer" : whose.joined(separator: ", "))"
    }
}
