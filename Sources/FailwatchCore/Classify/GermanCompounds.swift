// SPDX-License-Identifier: Apache-2.0

/// Reads German compounds the lexicon does not list by their last part, which carries the meaning:
/// "Netzausfall" and "Stellwerksstörung" are outages, "Bahnchaos" and "Personalmangel" grievances,
/// "Fehlplanung" a failure (the prefix "Fehl-").
///
/// German forms new compounds freely, so no word list can hold them all; the head word can.
enum GermanCompounds {
    /// What a compound's head makes of it.
    struct Head: Sendable {
        /// The head word, or for ``prefixes`` the first part.
        var suffix: StaticString
        var valence: Float
        var cues: Cue
    }

    /// Heads, longest first where one ends another ("stoerungen" before "stoerung").
    static let heads: [Head] = [
        Head(suffix: "stoerungen", valence: -1.6, cues: .outage),
        Head(suffix: "stoerung", valence: -1.6, cues: .outage),
        Head(suffix: "ausfaelle", valence: -1.6, cues: .outage),
        Head(suffix: "ausfall", valence: -1.6, cues: .outage),
        Head(suffix: "abbrueche", valence: -1.6, cues: .outage),
        Head(suffix: "abbruch", valence: -1.6, cues: .outage),
        Head(suffix: "verspaetungen", valence: -1.6, cues: .complaint),
        Head(suffix: "verspaetung", valence: -1.6, cues: .complaint),
        Head(suffix: "chaos", valence: -2.0, cues: .complaint),
        Head(suffix: "frust", valence: -2.0, cues: .complaint),
        Head(suffix: "aerger", valence: -2.0, cues: .complaint),
        Head(suffix: "wahnsinn", valence: -1.8, cues: .complaint),
        Head(suffix: "katastrophe", valence: -2.6, cues: .complaint),
        Head(suffix: "desaster", valence: -2.6, cues: .complaint),
        Head(suffix: "skandal", valence: -2.4, cues: .complaint),
        Head(suffix: "abzocke", valence: -2.6, cues: .complaint),
        Head(suffix: "zumutung", valence: -2.4, cues: .complaint),
        Head(suffix: "hoelle", valence: -2.2, cues: []),
        Head(suffix: "streiks", valence: -1.2, cues: []),
        Head(suffix: "streik", valence: -1.2, cues: []),
        Head(suffix: "probleme", valence: -1.4, cues: .problem),
        Head(suffix: "problem", valence: -1.4, cues: .problem),
        Head(suffix: "fehler", valence: -1.4, cues: .problem),
        Head(suffix: "maengel", valence: -1.4, cues: .problem),
        Head(suffix: "mangel", valence: -1.4, cues: .problem),
        Head(suffix: "schaden", valence: -1.4, cues: .problem),
        Head(suffix: "sperrung", valence: -1.2, cues: []),
        Head(suffix: "verzoegerungen", valence: -1.4, cues: .complaint),
        Head(suffix: "verzoegerung", valence: -1.4, cues: .complaint),
        Head(suffix: "pannen", valence: -1.6, cues: .problem),
        Head(suffix: "panne", valence: -1.6, cues: .problem),
        Head(suffix: "debakel", valence: -2.4, cues: .complaint),
        Head(suffix: "fiasko", valence: -2.4, cues: .complaint),
        Head(suffix: "misere", valence: -2.0, cues: .complaint),
        Head(suffix: "versagen", valence: -2.2, cues: .complaint),
        Head(suffix: "horror", valence: -2.0, cues: []),
        Head(suffix: "stress", valence: -1.4, cues: []),
        Head(suffix: "diebstahl", valence: -2.0, cues: []),
        Head(suffix: "diebe", valence: -2.0, cues: []),
        Head(suffix: "unfall", valence: -1.5, cues: []),
        Head(suffix: "unfaelle", valence: -1.5, cues: []),
        Head(suffix: "unglueck", valence: -2.2, cues: []),
        Head(suffix: "anschlag", valence: -2.2, cues: []),
        Head(suffix: "risiko", valence: -1.4, cues: []),
        Head(suffix: "risiken", valence: -1.4, cues: []),
        Head(suffix: "freude", valence: 2.0, cues: []),
        Head(suffix: "spass", valence: 1.8, cues: []),
        Head(suffix: "lob", valence: 1.8, cues: []),
    ]

    /// Prefixes that make any compound a curse ("Scheißbahn", "Drecksladen") or a failure ("Fehlplanung").
    static let prefixes: [Head] = [
        Head(suffix: "fehl", valence: -1.4, cues: .problem),
        Head(suffix: "scheiss", valence: -2.6, cues: .complaint),
        Head(suffix: "drecks", valence: -2.4, cues: .complaint),
        Head(suffix: "kack", valence: -2.4, cues: .complaint),
    ]

    /// The last three bytes of each of ``heads`` (every head has at least three), packed as
    /// ``lastThree(of:in:)`` packs a token's: most tokens end like no head, and one integer
    /// comparison per head says so before any suffix is compared byte by byte.
    static let headTails: [UInt32] = heads.map { head in
        let base = head.suffix.utf8Start
        let n = head.suffix.utf8CodeUnitCount
        return UInt32(base[n - 3]) << 16 | UInt32(base[n - 2]) << 8 | UInt32(base[n - 1])
    }

    /// A token's last three bytes packed as in ``headTails`` (the token has at least three).
    @inline(__always)
    static func lastThree(of token: Token, in text: TokenizedText) -> UInt32 {
        let end = Int(token.end)
        return UInt32(text.folded[end - 3]) << 16 | UInt32(text.folded[end - 2]) << 8 | UInt32(text.folded[end - 1])
    }

    /// The head of a token at least three letters longer than it, or one of the ``prefixes``.
    static func head(of token: Token, in text: TokenizedText) -> (valence: Float, cues: Cue)? {
        let length = Int(token.end - token.start)
        if length >= 3 {
            let tail = lastThree(of: token, in: text)
            for (index, h) in heads.enumerated()
            where headTails[index] == tail && length >= h.suffix.utf8CodeUnitCount + 3 {
                if text.token(token, hasSuffix: h.suffix) { return (h.valence, h.cues) }
            }
        }
        if length >= 8 {
            for p in prefixes where text.token(token, hasPrefix: p.suffix) { return (p.valence, p.cues) }
        }
        return nil
    }
}
