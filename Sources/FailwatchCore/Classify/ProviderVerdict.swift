// SPDX-License-Identifier: Apache-2.0

/// The label of a post for one provider it mentions: "bei X alles ruhig, Y hat Probleme" complains about Y only.
public struct ProviderVerdict: Sendable, Equatable, Codable {
    /// The provider's id from the configuration.
    public var id: String
    public var label: Label
    /// Sentiment of the clauses about this provider, in [-1, 1].
    public var sentiment: Double
    /// What failed, for an outage verdict; `nil` for every other label.
    public var symptom: Symptom?

    /// The post reports this provider failing for its author now.
    public var outage: Bool { label == .outage }

    public init(id: String, label: Label, sentiment: Double, symptom: Symptom? = nil) {
        self.id = id
        self.label = label
        self.sentiment = sentiment
        self.symptom = symptom
    }
}
