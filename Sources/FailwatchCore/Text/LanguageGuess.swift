// SPDX-License-Identifier: Apache-2.0

/// Guesses whether a post is German or English from its function words, so the right lexicon reads it.
///
/// Posts are short, so character statistics are unreliable; the commonest closed-class words
/// ("und", "nicht", "the", "is") decide. Words both languages share ("in", "an", "so") count for none.
public enum LanguageGuess {
    static let votes: [UInt64: Int8] = {
        var table: [UInt64: Int8] = [:]
        let german = """
            der das und ist nicht ich ein eine einen einem mit auf bei seit schon auch wieder kein keine \
            keinen geht mal noch wie wir ihr euch mir mich sich zu im den dem des von fuer aber oder wenn \
            dann nur sind hat haben wird werden nichts nix heute gestern morgen jetzt hier bitte danke \
            warum wieso immer mehr sehr gibt gar ja nein doch dass weil kann koennt koennen uns unser \
            mein meine dein deine ihr ihre sein seine ab nach vor ueber unter zum zur beim vom ned net \
            noed nid isch gaht funktioniert leider mein schon eigentlich
            """
        let english = """
            the and is are not you my your to of for with it this that was were have has be at no why \
            can dont cant again still been from just what when how our they their there here me we \
            would should could will does doesnt didnt isnt arent please thanks thank any anyone else \
            get got its im ive going been being about after very today yesterday now out
            """
        for w in german.split(separator: " ") { if let h = TextHash.word(String(w)) { table[h] = 1 } }
        for w in english.split(separator: " ") { if let h = TextHash.word(String(w)) { table[h] = -1 } }
        return table
    }()

    /// "de", "en" or "other".
    public static func guess(_ text: TokenizedText) -> String {
        var de = 0
        var en = 0
        for token in text.tokens where token.kind == .word {
            if let v = votes[token.hash] {
                if v > 0 { de += 1 } else { en += 1 }
            }
        }
        if de == 0 && en == 0 { return "other" }
        return de > en ? "de" : en > de ? "en" : "other"
    }

    /// Guesses from raw text.
    public static func guess(_ text: String) -> String {
        guess(Tokenizer.tokenize(text))
    }
}
