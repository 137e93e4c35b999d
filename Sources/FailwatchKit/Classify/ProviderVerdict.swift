// SPDX-License-Identifier: Apache-2.0

/// The label of a post for one provider it mentions: "bei X alles ruhig, Y hat Probleme" complains about Y only.
public struct ProviderVerdict: Sendable, Equatable, Codable {
    /// The provider's id from the configuration.
    public var id: String
    public var label: Label
    /// Sentiment of the clauses about this provider, in [-1, 1].
    public var sentiment: Double

    public init(id: String, label: Label, sentiment: Double) {
        self.id = id
        self.label = label
        self.sentiment = sentiment
    }
}
