// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One provider to watch and every way people name it, so a post can be attributed to it
/// (and, through `exclude`, not to it when the name means something else).
public struct ProviderConfig: Sendable, Equatable {
    /// Stable key used in the store, alerts and `providers:` lists of sources; `id:` in
    /// feeds.yml or else ``slug(of:)`` of the name.
    public var id: String
    /// Display name, also a match term.
    public var name: String
    /// Other names and spellings ("Kabel Deutschland", "1und1").
    public var aliases: [String]
    /// Social handles, always starting with `@` ("@vodafoneservice").
    public var handles: [String]
    /// Hashtags, always starting with `#` ("#telekomstörung").
    public var hashtags: [String]
    /// Lower-case host names; a link to one of them attributes a post ("vodafone.de").
    public var domains: [String]
    /// Phrases that mean it is NOT this provider ("Telekom Baskets", "Vodafone Park").
    public var exclude: [String]
    /// Lower-case language codes the provider's customers write in; empty means any.
    public var languages: [String]
    /// Towns, regions or postcodes the provider serves (`places`): alerts say where reports come from.
    public var places: [String] = []
    /// Extra outage words for this provider's classifier (`outage_terms`).
    public var outageTerms: [String]
    /// Extra negative words for this provider's classifier (`negative_terms`).
    public var negativeTerms: [String]
    /// The provider's own monitoring (`internal:`), asked when an alert is built; `nil` when none.
    public var internalMonitor: InternalMonitor?
    /// `detection:` overrides for this provider; `nil` uses the top-level section.
    public var detection: DetectionConfig?
    /// `status_url:` the page customers read for updates, for `{status_url}` in statements.
    public var statusURL: URL?
    /// `holding_statement:` this provider's own suggested first statements, per language.
    public var holdingStatements: [String: HoldingTemplate] = [:]
    /// `maintenance:` windows: its alerts are held meanwhile, its incidents still recorded.
    public var maintenance: [MaintenanceWindow] = []

    public init(
        id: String, name: String, aliases: [String] = [], handles: [String] = [], hashtags: [String] = [],
        domains: [String] = [], exclude: [String] = [], languages: [String] = [], outageTerms: [String] = [],
        negativeTerms: [String] = [], internalMonitor: InternalMonitor? = nil, detection: DetectionConfig? = nil
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.handles = handles
        self.hashtags = hashtags
        self.domains = domains
        self.exclude = exclude
        self.languages = languages
        self.outageTerms = outageTerms
        self.negativeTerms = negativeTerms
        self.internalMonitor = internalMonitor
        self.detection = detection
    }

    /// The id derived from a name when feeds.yml gives none, so ids stay ASCII and URL-safe.
    ///
    /// Rule: lower-case; German umlauts become `ae`/`oe`/`ue`, `ß` becomes `ss`; other
    /// accents are dropped; every run of anything else that is not `a-z`/`0-9` becomes one `-`;
    /// leading and trailing `-` are removed. "Deutsche Telekom" → "deutsche-telekom",
    /// "1&1" → "1-1", "Störungsmelder Ö" → "stoerungsmelder-oe".
    /// - Returns: the slug, empty when the name has no letters or digits.
    public static func slug(of name: String) -> String {
        var folded = name.lowercased()
        for (umlaut, replacement) in [("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")] {
            folded = folded.replacingOccurrences(of: umlaut, with: replacement)
        }
        folded = folded.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return slug
    }
}
