// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Who has been heard lately, so each interval counts only the people who are new: the detector's
/// windows then add up distinct people, not posts.
///
/// A voice is a person, and people are told apart by what is known of them:
/// - a repost (retweet, boost, reblog) adds nobody: its author only passed on someone else's words;
/// - a long text that several accounts post nearly word for word (a copy-paste campaign) is one voice,
///   however many accounts carry it; a short everyday question ("is X down?") is its author's own;
/// - every post of one thread together is one voice, and its authors are not counted again elsewhere;
/// - a post without an author counts once per source and interval.
/// A voice heard within ``memory`` is not new again. The value is `Codable`, kept with the detector's
/// state, so a run resumed from the store counts exactly as one long run.
public struct VoiceLedger: Codable, Sendable, Equatable {
    /// How long a voice stays heard: the longest evidence window.
    public var memory: TimeInterval
    /// Key → when it was last heard (each post refreshes it, so one window never counts a person twice).
    private var heard: [String: Date] = [:]

    /// Texts with at least this many words are compared with other accounts' texts (campaigns).
    static let campaignWords = 12

    public init(memory: TimeInterval = 3_600) {
        self.memory = memory
    }

    /// Counts the complaints of one interval that come from people not heard within ``memory``, and
    /// remembers them.
    ///
    /// - Parameters:
    ///   - complaints: the interval's complaints, oldest first.
    ///   - start: the interval's start.
    ///   - interval: its length in seconds.
    /// - Returns: the number of new voices.
    public mutating func newVoices(in complaints: [Complaint], start: Date, interval: TimeInterval) -> Int {
        heard = heard.filter { start.timeIntervalSince($0.value) < memory }
        var voices = 0
        for complaint in complaints {
            let keys = Self.keys(of: complaint, intervalStart: start)
            guard !keys.isEmpty else { continue }
            if !keys.contains(where: { heard[$0] != nil }) { voices += 1 }
            for key in keys { heard[key] = start }
        }
        return voices
    }

    /// Distinct voices among complaints taken together (an incident's people so far), by the same rules.
    ///
    /// - Parameters:
    ///   - complaints: any complaints of one provider.
    ///   - interval: the counting interval (anonymous posts count once per source and interval).
    public static func people(in complaints: [Complaint], interval: TimeInterval) -> Int {
        var ledger = VoiceLedger(memory: .infinity)
        var total = 0
        for complaint in complaints.sorted(by: { $0.event.time < $1.event.time }) {
            let start = VoiceCounter.intervalStart(of: complaint.event.time, interval: interval)
            total += ledger.newVoices(in: [complaint], start: start, interval: interval)
        }
        return total
    }

    /// The keys a complaint is known by; empty for a repost (nobody new).
    static func keys(of complaint: Complaint, intervalStart: Date) -> [String] {
        guard !complaint.repost else { return [] }
        let author = complaint.event.author
        let anonymous = author.hasPrefix("post:")
        var keys: [String] = []
        if let text = campaignText(complaint.text) {
            keys.append("text:" + text)
        } else if let thread = complaint.event.thread {
            keys.append("thread:" + thread)
        }
        if anonymous {
            if keys.isEmpty {
                keys.append("anon:\(complaint.source):\(Int(intervalStart.timeIntervalSince1970))")
            }
        } else {
            keys.append("author:" + author)
        }
        return keys
    }

    /// A long text reduced to its words (lower case, no links, mentions or numbers), so copies with other
    /// markup, handles or ticket numbers match; `nil` for a short text, which is its author's own.
    static func campaignText(_ text: String) -> String? {
        var words: [Substring] = []
        for token in text.lowercased().split(whereSeparator: \.isWhitespace) {
            if token.hasPrefix("http") || token.hasPrefix("@") || token.hasPrefix("www.") { continue }
            let letters = token.filter(\.isLetter)
            if !letters.isEmpty { words.append(Substring(letters)) }
        }
        guard words.count >= campaignWords else { return nil }
        return String(words.prefix(40).joined(separator: " "))
    }
}
