// SPDX-License-Identifier: Apache-2.0

/// The few numbers that turn rule facts into a label; tuned on the public evaluation splits only.
enum RuleThresholds {
    /// Compound sentiment at or below which a post is negative.
    static let negative: Float = -0.2
    /// Compound sentiment at or above which a post is positive.
    static let positive: Float = 0.6
    /// Complaint score at which a post is a complaint.
    static let complaint: Float = 1.2
    /// A complaint must not read this positive…
    static let complaintMaxSentiment: Float = 0.5
    /// …unless its complaint score is this high (sarcasm: "thanks for the 5 hour delay").
    static let complaintDespitePositive: Float = 1.5
    /// Tokens beyond which sentiment and cues are diluted (a long text is not more negative per word).
    static let longText = 50
    /// Weights of the cues in the complaint score.
    static let complaintTerm: Float = 1.0
    static let complaintWeak: Float = 0.5
    static let weakCap: Float = 1.0
    static let problem: Float = 0.7
    static let othersToo: Float = 0.5
    static let duration: Float = 0.5
    static let fine: Float = 1.0
    static let negativity: Float = 1.2
    static let addressed: Float = 0.4
}
