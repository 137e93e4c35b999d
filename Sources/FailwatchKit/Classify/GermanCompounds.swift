// SPDX-License-Identifier: Apache-2.0

/// Reads German compounds the lexicon does not list by their last part, which carries the meaning:
/// "Netzausfall" and "Stellwerksstörung" are outages, "Bahnchaos" and "Personalmangel" grievances,
/// "Fehlplanung" a failure (the prefix "Fehl-").
///
/// German forms new compounds freely, so no word list can hold them all; the head word can.
enum GermanCompounds {
    /// What a compound's head makes of it.
    struct Head: Sendable {
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
        Head(suffix: "freude", valence: 2.0, cues: []),
    ]

    /// The head of a token at least three letters longer than it, or the failure prefix "fehl".
    static func head(of token: Token, in text: TokenizedText) -> (valence: Float, cues: Cue)? {
        let length = Int(token.end - token.start)
        for h in heads where length >= h.suffix.utf8CodeUnitCount + 3 {
            if text.token(token, hasSuffix: h.suffix) { return (h.valence, h.cues) }
        }
        if length >= 8 && text.token(token, hasPrefix: "fehl") { return (-1.4, .problem) }
        return nil
    }
}
