// SPDX-License-Identifier: Apache-2.0

/// Counts the words and two-word phrases of complaints, each once per post, so "what people
/// complained about" reads as "kein internet (41 posts)" rather than as the most repeated word
/// of one long rant. Fed one post at a time from a store cursor; keeps only word ids per post.
public struct TermCounter {
    /// Words never worth reporting: stop words plus the provider's own names. Filler words
    /// (``ReportStopWords/fillers``) are no terms either, but may start or end a phrase.
    private let ignored: Set<String>
    private var wordIDs: [String: Int32] = [:]
    private var words: [String] = []
    private var postCounts: [Int] = []
    private var phraseCounts: [String: Int] = [:]
    private var posts: [(id: Int64, words: [Int32])] = []

    public init(ignoring names: [String]) {
        var ignored = ReportStopWords.all
        for name in names { for word in Self.words(in: name) { ignored.insert(word) } }
        self.ignored = ignored
    }

    /// How many posts were added.
    public var postCount: Int { posts.count }

    /// Adds one post's text.
    public mutating func add(id: Int64, text: String) {
        var seen = Set<Int32>()
        var phrases = Set<String>()
        var previous: String?
        for word in Self.words(in: text) {
            guard !ignored.contains(word), word.count >= 3 || Self.isShortTerm(word),
                word.contains(where: { $0.isLetter })
            else {
                previous = nil
                continue
            }
            let filler = ReportStopWords.fillers.contains(word)
            if let previous, previous != word, !(filler && ReportStopWords.fillers.contains(previous)) {
                phrases.insert(previous + " " + word)
            }
            previous = word
            guard !filler else { continue }
            let id: Int32
            if let known = wordIDs[word] {
                id = known
            } else {
                id = Int32(words.count)
                wordIDs[word] = id
                words.append(word)
                postCounts.append(0)
            }
            if seen.insert(id).inserted { postCounts[Int(id)] += 1 }
        }
        for phrase in phrases { phraseCounts[phrase, default: 0] += 1 }
        posts.append((id, Array(seen)))
    }

    /// The most frequent terms and phrases (each in at least two posts, phrases), and the ids of
    /// the posts that use the most common terms: the most typical complaints.
    public func summary(limit: Int, typical: Int) -> (terms: [TermCount], phrases: [TermCount], typicalIDs: [Int64]) {
        let ranked = postCounts.indices.filter { postCounts[$0] >= 2 || posts.count < 5 }
            .sorted { (postCounts[$0], words[$1]) > (postCounts[$1], words[$0]) }
        let terms = ranked.prefix(limit).map { TermCount(term: words[$0], count: postCounts[$0]) }
        let phrases = phraseCounts.filter { $0.value >= 2 }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .prefix(limit).map { TermCount(term: $0.key, count: $0.value) }
        var weight = [Int32: Double]()
        for index in ranked.prefix(50) { weight[Int32(index)] = Double(postCounts[index]) }
        let scored = posts.map { post -> (id: Int64, score: Double) in
            let sum = post.words.reduce(0.0) { $0 + (weight[$1] ?? 0) }
            return (post.id, sum / Double(post.words.count + 4))
        }
        let best = scored.filter { $0.score > 0 }.sorted { ($0.score, $1.id) > ($1.score, $0.id) }
        return (terms, Array(phrases), best.prefix(typical).map(\.id))
    }

    /// Lower-case words of a text: runs of letters and digits, skipping links and @mentions
    /// (people's handles are not terms). A hashtag counts as its word.
    static func words(in text: String) -> [String] {
        var result: [String] = []
        for chunk in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            if chunk.hasPrefix("@") || chunk.hasPrefix("www.") || chunk.contains("://") { continue }
            // Unicode scalars rather than Characters: the same words, several times faster.
            var word = String.UnicodeScalarView()
            for scalar in chunk.unicodeScalars {
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    word.append(scalar)
                } else if !word.isEmpty {
                    result.append(String(word))
                    word = String.UnicodeScalarView()
                }
            }
            if !word.isEmpty { result.append(String(word)) }
        }
        return result
    }

    /// Two-letter words that carry meaning in complaints ("tv", "4g"/"5g" have digits).
    private static func isShortTerm(_ word: String) -> Bool { ["tv", "4g", "5g", "3g", "lte", "wlan"].contains(word) }
}

/// A term or phrase and in how many posts it appears.
public struct TermCount: Sendable, Equatable {
    public var term: String
    public var count: Int

    public init(term: String, count: Int) {
        self.term = term
        self.count = count
    }
}

/// What a provider's complaints of the week were about.
public struct TermSummary: Sendable, Equatable {
    public var terms: [TermCount]
    public var phrases: [TermCount]
    /// The complaints closest to what most people said.
    public var typical: [ReportPost]
    /// Complaints read to find the terms; fewer than ``total`` when the week was sampled.
    public var sampled: Int
    public var total: Int

    public init(terms: [TermCount], phrases: [TermCount], typical: [ReportPost], sampled: Int, total: Int) {
        self.terms = terms
        self.phrases = phrases
        self.typical = typical
        self.sampled = sampled
        self.total = total
    }
}
