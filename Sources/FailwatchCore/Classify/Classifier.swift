// SPDX-License-Identifier: Apache-2.0

/// Labels posts as outage, complaint, negative, neutral or positive, per post and per provider.
///
/// Rules and lexicons decide by default (German and English); an optional ``LinearModel`` trained
/// on a user's own labelled posts refines the label, with the rules' verdict among its features.
/// `classify` is pure: the same text, language and configuration always give the same answer.
public struct Classifier: Sendable {
    let book: RuleBook
    let matcher: ProviderMatcher
    /// The configured `outage_terms`, to find where a post uses them: they name an outage alone.
    let outageTermMatcher: ProviderMatcher
    let providerIDs: [String]
    let model: LinearModel?

    /// Builds a classifier.
    ///
    /// - Parameters:
    ///   - providers: providers to recognise; their own outage and negative terms count when they are mentioned.
    ///   - extraOutageTerms: extra words or phrases meaning an outage, for every post.
    ///   - extraNegativeTerms: extra words or phrases that are strongly negative.
    ///   - model: a model from `failwatch train`, combined with the rules.
    public init(
        providers: [ProviderTerms] = [], extraOutageTerms: [String] = [], extraNegativeTerms: [String] = [],
        model: LinearModel? = nil
    ) {
        var book = RuleBook.standard
        for term in extraOutageTerms { book.add(term, cues: .outage) }
        for term in extraNegativeTerms { book.addNegative(term) }
        for (index, provider) in providers.enumerated() {
            for term in provider.outageTerms { book.add(term, cues: .outage, provider: Int32(index)) }
            for term in provider.negativeTerms { book.addNegative(term, provider: Int32(index)) }
        }
        if !(extraOutageTerms.isEmpty && extraNegativeTerms.isEmpty && providers.isEmpty) { book.freeze() }
        self.book = book
        self.matcher = ProviderMatcher(providers)
        let configuredTerms = extraOutageTerms + providers.flatMap(\.outageTerms)
        self.outageTermMatcher = ProviderMatcher(configuredTerms.map { ProviderTerms(id: "", name: $0) })
        self.providerIDs = providers.map(\.id)
        self.model = model
    }

    /// Classifies one post, with reasons.
    ///
    /// - Parameters:
    ///   - text: the post.
    ///   - language: "de" or "en" when known; guessed otherwise.
    public func classify(_ text: String, language: String? = nil) -> Classification {
        classify(text, language: language, explain: true)
    }

    /// Classifies one post; `explain: false` skips building reasons (the fast path for bulk work).
    public func classify(_ text: String, language: String?, explain: Bool) -> Classification {
        classify(tokens: Tokenizer.tokenize(text), language: language, explain: explain)
    }

    /// Classifies UTF-8 bytes (the `classify` command's path, without building a `String`).
    public func classify(utf8 text: UnsafeBufferPointer<UInt8>, language: String?, explain: Bool) -> Classification {
        classify(tokens: Tokenizer.tokenize(bytes: text), language: language, explain: explain)
    }

    /// Buffers one thread reuses from post to post (see ``classify(utf8:language:workspace:)``).
    public final class Workspace {
        var text = TokenizedText()
        var tokenScratch: [Token] = []
        var buffers = RuleAnalysis.Buffers()

        public init() {}
    }

    /// Classifies UTF-8 bytes without reasons, reusing `workspace`'s buffers: the bulk path of the
    /// `classify` command, which allocates nothing per post.
    public func classify(utf8 text: UnsafeBufferPointer<UInt8>, language: String?, workspace: Workspace)
        -> Classification
    {
        Tokenizer.tokenize(bytes: text, into: &workspace.text, scratch: &workspace.tokenScratch)
        return classify(tokens: workspace.text, language: language, explain: false, buffers: &workspace.buffers)
    }

    func classify(tokens: TokenizedText, language: String?, explain: Bool) -> Classification {
        var buffers = RuleAnalysis.Buffers()
        return classify(tokens: tokens, language: language, explain: explain, buffers: &buffers)
    }

    func classify(tokens: TokenizedText, language: String?, explain: Bool, buffers: inout RuleAnalysis.Buffers)
        -> Classification
    {
        let lang = Self.normalizedLanguage(language) ?? LanguageGuess.guess(tokens)
        let matches = matcher.matches(in: tokens)
        let mentioned: Set<Int> = matches.isEmpty ? [] : Set(matches.map(\.provider))
        let original = tokens
        var tokens = tokens
        var misspelt: [Int] = []
        if let (read, at) = TypoReader.standard.read(tokens, book: book) {
            (tokens, misspelt) = (read, at)
        }
        var analysis = RuleAnalysis(
            text: tokens, language: lang, book: book, providers: mentioned, explain: explain, buffers: &buffers)
        if !matches.isEmpty { analysis.providerNameEnds = matches.map { $0.token + $0.length - 1 } }
        if !outageTermMatcher.isEmpty {
            analysis.configuredOutageTokens = outageTermMatcher.matches(in: tokens).flatMap {
                $0.token..<($0.token + $0.length)
            }
        }
        defer { analysis.recycle(into: &buffers) }
        var reasons: [String] = []
        if explain {
            reasons.append(language == nil ? "language \(lang) (guessed)" : "language \(lang)")
            for m in matches { reasons.append("provider \(providerIDs[m.provider]) (\"\(m.term)\")") }
            for i in misspelt {
                let meant = TypoReader.standard.word(tokens.tokens[i].hash) ?? "?"
                reasons.append("misspelling \"\(original.text(of: original.tokens[i]))\" read as \"\(meant)\"")
            }
            reasons += analysis.reasons ?? []
        }
        var verdict = RuleJudge.judge(analysis, wantCounts: explain) { _ in true }
        if let model {
            let modelVerdict = model.refine(verdict, tokens: tokens, analysis: analysis)
            if explain && modelVerdict.label != verdict.label {
                reasons.append("model: \(verdict.label.rawValue) → \(modelVerdict.label.rawValue)")
            }
            verdict = modelVerdict
        }
        if explain { reasons += verdict.reasons }
        var providers: [ProviderVerdict] = []
        if !matches.isEmpty {
            let clauseProviders = Self.clauseProviders(analysis: analysis, matches: matches)
            for provider in mentioned.sorted() {
                let own: RuleJudge.Verdict
                if mentioned.count == 1 {
                    own = verdict
                } else {
                    own = RuleJudge.judge(analysis) { clauseProviders[Int($0)].contains(provider) }
                }
                providers.append(
                    ProviderVerdict(
                        id: providerIDs[provider], label: own.label, sentiment: own.sentiment, symptom: own.symptom))
            }
        }
        var result = Classification(
            label: verdict.label, sentiment: verdict.sentiment, language: lang, providers: providers, reasons: reasons)
        result.symptom = verdict.symptom
        result.repost = Self.isRepost(tokens)
        result.complaintScore = Double(verdict.complaintScore)
        result.lexiconSentiment = Double(verdict.compound)
        result.cueCounts = verdict.cueCounts
        return result
    }

    /// The rules' view of a post without providers or model: tokens, analysis and verdict (for training).
    func analyze(_ text: String, language: String?) -> (TokenizedText, RuleAnalysis, RuleJudge.Verdict) {
        let tokens = Tokenizer.tokenize(text)
        let lang = Self.normalizedLanguage(language) ?? LanguageGuess.guess(tokens)
        let analysis = RuleAnalysis(text: tokens, language: lang, book: book, providers: [], explain: false)
        return (tokens, analysis, RuleJudge.judge(analysis) { _ in true })
    }

    /// Which providers each clause talks about: those it names, else those of the clause before
    /// (the topic goes on), else those of the next clause that names one.
    static func clauseProviders(analysis: RuleAnalysis, matches: [ProviderMatcher.Match]) -> [Set<Int>] {
        let count = Int(analysis.clauses.last ?? 0) + 1
        var named = [Set<Int>](repeating: [], count: count)
        for m in matches { named[Int(analysis.clauses[m.token])].insert(m.provider) }
        var result = named
        var previous: Set<Int> = []
        for c in 0..<count {
            if named[c].isEmpty { result[c] = previous } else { previous = named[c] }
        }
        var next: Set<Int> = []
        for c in stride(from: count - 1, through: 0, by: -1) {
            if result[c].isEmpty { result[c] = next } else if !named[c].isEmpty { next = named[c] }
        }
        return result
    }

    /// "RT @user: …": a retweet written into the text, as X bridges and RSS mirrors keep it.
    static func isRepost(_ text: TokenizedText) -> Bool {
        let tokens = text.tokens
        return tokens.count > 1 && tokens[0].kind == .word && tokens[1].kind == .mention
            && tokens[0].hash == retweetHash
    }

    private static let retweetHash = TextHash.phrase("rt")[0]

    static func normalizedLanguage(_ language: String?) -> String? {
        guard let language, !language.isEmpty else { return nil }
        var utf8 = language.utf8.makeIterator()
        let a = (utf8.next() ?? 0) | 0x20
        let b = (utf8.next() ?? 0) | 0x20
        if a == 0x64 && b == 0x65 { return "de" }  // de, de-AT, DE
        if a == 0x65 && b == 0x6E { return "en" }
        if a == 0x67 && b == 0x73 && (utf8.next() ?? 0) | 0x20 == 0x77 { return "de" }  // gsw (Swiss German)
        return "other"
    }
}
