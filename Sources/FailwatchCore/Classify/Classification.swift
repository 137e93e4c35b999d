// SPDX-License-Identifier: Apache-2.0

/// The classifier's verdict on one post, with the reasons a person can check.
public struct Classification: Sendable, Equatable, Codable {
    public var label: Label
    /// How the author feels, in [-1, 1].
    public var sentiment: Double
    /// "de", "en" or "other".
    public var language: String
    /// The post complains (outages included).
    public var complaint: Bool
    /// The post reports a service being down.
    public var outage: Bool
    /// What failed, for an outage verdict ("sms", "internet"…); `nil` for every other label.
    public var symptom: Symptom?
    /// The text reposts someone else's ("RT @user: …"): detection counts its author once.
    public var repost = false
    /// One verdict per provider the post mentions.
    public var providers: [ProviderVerdict]
    /// Matched terms and rules, for `failwatch explain`.
    public var reasons: [String]
    /// The rules' complaint score (a complaint from 1.0) and the lexicon's compound sentiment before
    /// complaints pull it down: the numbers behind the label, for tuning and explain.
    public var complaintScore: Double = 0
    public var lexiconSentiment: Double = 0
    /// Counts of the cues behind the complaint score (complaint, weak, problem, others-too, duration,
    /// fine, addressed, tokens, negation, asked); filled only when asked for details.
    public var cueCounts: [Int] = []

    /// The stored form: the verdict and its reasons; the tuning numbers are left out.
    enum CodingKeys: String, CodingKey {
        case label, sentiment, language, complaint, outage, symptom, repost, providers, reasons
    }

    public init(
        label: Label, sentiment: Double, language: String, providers: [ProviderVerdict] = [], reasons: [String] = []
    ) {
        self.label = label
        self.sentiment = sentiment
        self.language = language
        self.complaint = label.isComplaint
        self.outage = label == .outage
        self.providers = providers
        self.reasons = reasons
    }
}
