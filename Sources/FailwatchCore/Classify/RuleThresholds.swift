// SPDX-License-Identifier: Apache-2.0

/// The few numbers that turn rule facts into a label, per language; tuned on the public evaluation splits only.
///
/// German and English posts differ in how often the weak cues occur without a grievance: German
/// writes "nicht", "wieder" and "seit" in every other sentence, so they weigh less there.
struct RuleThresholds: Sendable {
    /// Compound sentiment at or below which a post is negative.
    var negative: Float = -0.2
    /// Compound sentiment at or above which a post is positive.
    var positive: Float = 0.6
    /// Complaint score at which a post is a complaint.
    var complaint: Float = 1.2
    /// A complaint must not read this positive…
    var complaintMaxSentiment: Float = 0.5
    /// …unless its complaint score is this high (sarcasm: "thanks for the 5 hour delay").
    var complaintDespitePositive: Float = 1.5
    /// Tokens beyond which sentiment and cues are diluted (a long text is not more negative per word).
    var longText = 50
    /// Weights of the cues in the complaint score.
    var complaintTerm: Float = 1.0
    /// A grievance word or problem word in a yes/no question ("Is my flight delayed?").
    var askedComplaint: Float = 0.5
    var complaintWeak: Float = 0.5
    var negation: Float = 0.5
    var weakCap: Float = 1.0
    var problem: Float = 0.7
    var othersToo: Float = 0.5
    var duration: Float = 0.5
    var fine: Float = 1.0
    var negativity: Float = 1.2
    var addressed: Float = 0.4
    /// How much a text emoticon (":)", ":D", "xD") counts of its lexicon valence.
    var emoticonWeight: Float = 1
    /// How a bad word next to an "ended" word ("Streik beendet") counts.
    var ended = EndedRule()

    /// A bad thing that is over is good news: its valence is multiplied by `flip` when an "ended" word
    /// follows within `reach` tokens (or precedes within three) in the same clause.
    struct EndedRule: Sendable {
        var reach = 3
        var flip: Float = -0.6
    }

    /// English (and posts in other languages): a post to a provider's handle with a grievance word
    /// is a complaint; "not"/"never" count nearly as much as a grievance word.
    static let english = RuleThresholds(
        negative: -0.15, complaintDespitePositive: 2.0, complaintTerm: 0.8, complaintWeak: 0.35, negation: 0.7,
        weakCap: 1.4, problem: 0.5, duration: 0.8, negativity: 0.8, addressed: 0.7)

    /// German: weak cues and negation are everyday words.
    /// German puts the verb last ("Der Streik der Lokführer ist seit heute Abend beendet"), so the
    /// "ended" word may come late in the clause.
    /// German posts smile and laugh (":)", "xD") at jokes and mishaps more than at the service, and
    /// news texts of 40 words rarely mean more than a tweet.
    static let german = RuleThresholds(
        positive: 0.55, longText: 40, complaintTerm: 0.8, complaintWeak: 0.25, negation: 0.25, negativity: 1.0,
        addressed: 0, emoticonWeight: 0.3, ended: EndedRule(reach: 10, flip: -2.4))

    /// The thresholds for a post's language ("de", "en" or "other").
    static func `for`(language: String) -> RuleThresholds {
        language == "de" ? german : english
    }
}
