// SPDX-License-Identifier: Apache-2.0

/// What a word or phrase tells the rules, beyond its sentiment valence.
struct Cue: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    /// "not", "nicht", "kein": flips the valence of the next words.
    static let negation = Cue(rawValue: 1 << 0)
    /// "very", "sehr", "total": strengthens the next word.
    static let booster = Cue(rawValue: 1 << 1)
    /// "slightly", "etwas": weakens the next word.
    static let dampener = Cue(rawValue: 1 << 2)
    /// "but", "aber": what follows counts more than what came before.
    static let contrast = Cue(rawValue: 1 << 3)
    /// "Störung", "outage", "no internet": the service is down.
    static let outage = Cue(rawValue: 1 << 4)
    /// "anyone else?", "bei euch auch?": asks whether others are hit, typical of outages.
    static let othersToo = Cue(rawValue: 1 << 5)
    /// "problem", "issue", "Fehler": something is wrong, not yet said what.
    static let problem = Cue(rawValue: 1 << 6)
    /// "internet", "WLAN", "Netz": the thing that fails in an outage.
    static let infrastructure = Cue(rawValue: 1 << 7)
    /// "dead", "tot", "weg", "out": failure when said of infrastructure.
    static let failState = Cue(rawValue: 1 << 8)
    /// "down": an outage only in the right context (not "down to earth", "let me down").
    static let down = Cue(rawValue: 1 << 9)
    /// "refund", "Warteschleife", "still waiting": a grievance.
    static let complaint = Cue(rawValue: 1 << 10)
    /// "why", "again", "warum": often part of a grievance, weak alone.
    static let complaintWeak = Cue(rawValue: 1 << 11)
    /// "läuft wieder", "back up": an outage is over.
    static let resolved = Cue(rawValue: 1 << 12)
    /// "alles ruhig", "works fine": this service is fine.
    static let fine = Cue(rawValue: 1 << 13)
    /// "is", "ist", "went": makes a following "down" a state.
    static let copula = Cue(rawValue: 1 << 14)
    /// "seit", "since", "for": starts a duration ("seit 20 min").
    static let durationStart = Cue(rawValue: 1 << 15)
    /// "min", "Stunden", "hours": ends a duration.
    static let timeUnit = Cue(rawValue: 1 << 16)
    /// "you", "your", "euch", "ihr": the post addresses someone.
    static let addressee = Cue(rawValue: 1 << 17)
    /// Words that make a following "down" not an outage ("calm down", "let … down").
    static let downExcluder = Cue(rawValue: 1 << 18)
    /// Words after "down" that make it a direction, not a state ("down to earth", "down the road").
    static let downDirection = Cue(rawValue: 1 << 19)
    /// "thanks", "danke": politeness that is not praise in a service request.
    static let thanks = Cue(rawValue: 1 << 20)
    /// A user's extra negative term from the configuration.
    static let negativeTerm = Cue(rawValue: 1 << 21)
    /// "please", "help", "thanks", "bitte": politeness in a request, not a feeling; valence mostly ignored.
    static let politeness = Cue(rawValue: 1 << 22)
    /// "beendet", "vorbei", "behoben": the bad thing next to it is over ("Streik beendet" is good news).
    static let ended = Cue(rawValue: 1 << 23)
    /// "liebe", "hallo": a salutation; "Liebe Bahn, …" is no declaration of love.
    static let salutation = Cue(rawValue: 1 << 24)
    /// "is", "can", "ist", "fährt": a verb that, first in a clause ending with "?", makes a yes/no question.
    static let auxiliary = Cue(rawValue: 1 << 25)
    /// "geht", "funktioniert", "läuft": a German verb that says a service fails when a negation
    /// closes its clause ("geht das Internet nicht").
    static let serviceVerb = Cue(rawValue: 1 << 26)
    /// "nichts", "nix": with a service verb, nothing works, whatever the thing.
    static let nothing = Cue(rawValue: 1 << 27)
    /// "mehr", "richtig": may follow the negation that closes such a clause ("geht nicht mehr").
    static let negationTail = Cue(rawValue: 1 << 28)
    /// "fällt", "bricht", "setzt": a German verb of failing whose particle may close the clause
    /// ("der Router fällt seit gestern immer wieder aus").
    static let separableFail = Cue(rawValue: 1 << 29)
    /// "aus", "ab", "zusammen", "weg": the particle of such a verb.
    static let failParticle = Cue(rawValue: 1 << 30)
    /// "ohne", "so": before a negated service verb, a rule about it, not a report that it fails
    /// ("ohne Internet geht nichts", "so funktioniert das nicht").
    static let qualifier = Cue(rawValue: 1 << 31)
}
