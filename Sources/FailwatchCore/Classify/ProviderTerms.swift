// SPDX-License-Identifier: Apache-2.0

/// How to recognise one provider in a post, and its own extra vocabulary (mapped from feeds.yml).
///
/// A second type beside the kit's `ProviderConfig` because the layers need one: the core may not
/// see the configuration's kit-level settings (internal monitor, detection overrides), so the kit
/// hands the classifier, the report and the store this view (`ProviderTerms.init(_:)` in the kit).
public struct ProviderTerms: Sendable, Equatable {
    public var id: String
    /// Display name; also matched as a term ("Telekom").
    public var name: String
    /// Other spellings: "1&1", "1und1", "1 und 1".
    public var aliases: [String]
    /// Account handles, with or without "@".
    public var handles: [String]
    /// Hashtags, with or without "#".
    public var hashtags: [String]
    /// Domains such as "telekom.de".
    public var domains: [String]
    /// Phrases in which the name means something else ("Telekom Baskets"); matches inside them are ignored.
    public var exclude: [String]
    /// Extra outage and negative terms that count for this provider.
    public var outageTerms: [String]
    public var negativeTerms: [String]

    public init(
        id: String, name: String, aliases: [String] = [], handles: [String] = [], hashtags: [String] = [],
        domains: [String] = [], exclude: [String] = [], outageTerms: [String] = [], negativeTerms: [String] = []
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.handles = handles
        self.hashtags = hashtags
        self.domains = domains
        self.exclude = exclude
        self.outageTerms = outageTerms
        self.negativeTerms = negativeTerms
    }
}
