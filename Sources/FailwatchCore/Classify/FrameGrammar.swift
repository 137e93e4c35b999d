// SPDX-License-Identifier: Apache-2.0

/// The small grammar words the outage frame reads by their place in a clause, not by a role: a
/// maintainer extends a language here, beside ``OutageVocabulary``. Each list is words separated by
/// spaces, folded as the tokenizer folds them (lower case, "ä" → "ae", no apostrophes). German verbs
/// of failing and their particles ("bricht … ab") are ``RuleVocabulary``'s, shared with the rules.
enum FrameGrammar {
    /// Before "if": granted, not supposed ("even if I restart the router it won't connect").
    static let granting = "even as auch selbst"
    /// After "if": the condition is whole ("if not, why have I no signal?").
    static let wholeCondition = "so not nicht ja nein"
    /// A reason stated: a failure after it is reported, whatever "if" came before.
    static let because = "because cause cos coz cuz bc weil denn"
    /// Whom a verb of knowing asks, between it and "if" ("let me know if", "tell us if").
    static let askedOf = "me us you"
    /// Between a name and its failure ("Kabelnet is down", "@telco just dead").
    static let copulas = "is are s seems ist sind isch scheint went just"
    /// Open a yes/no question ("are texts working?").
    static let yesNoOpeners = "is are isnt arent"
    /// Asks whether a service has arrived, not whether it fails ("is 5G working in town yet?").
    static let notYet = "yet"
    /// A service's state of being back, and the verbs that state it ("is the network back yet?",
    /// "when will it be restored?"): asked about, the service is still out. Without such a verb or the
    /// service right before it, "back" is another word ("hear back", "call me back").
    static let askedReturns = "back fixed restored repaired sorted resolved behoben repariert"
    static let beForms = "is are be been s ist sind isch"
    /// Opening a clause, ask when a service returns, "?" or not ("wann gehts wieder").
    static let returnQuestions = "wann when"
    /// Before "back", a reply awaited, not a service ("how long to hear back?", "call me back").
    static let contactVerbs = "hear call ring phone text email write get got"
    /// Between "can't" and the verb of a service: "can't make a single call", "can't put a call through".
    static let fillers = "a an one single any even make place put get send"
    /// Before "off": the writer switches something off, nothing fails ("turn data roaming off").
    static let switching = "turn turned turning turns switch switched switching switches put take took taking"
    /// After a service's "'s": it works ("broadband's fine").
    static let fineAfterS = "fine ok okay grand good"
    /// Closing a clause right after a service, with only ``ellipsisFillers`` between, a negation denies
    /// it with the verb left out ("internet no", "das Internet aber nicht", "my data still isn't").
    static let ellipticNegations = "no not isnt arent doesnt dont wont nicht ned net noed nid nein"
    static let ellipsisFillers = "but still yet aber noch immer leider"
    /// Open a phrase whose verb may be left out ("signal is there but service isn't").
    static let conjunctions = "and und but aber while waehrend"
    /// Other people: what is fine for them does not clear the writer ("my wife on O2 is fine").
    static let otherPeople = """
        he she they hes shes theyre his their mate mates wife husband sister brother friend friends \
        neighbour neighbours neighbor neighbors parents mum mom dad partner son daughter colleague colleagues \
        er mann frau schwester bruder freund freundin nachbar nachbarn eltern kollege kollegin
        """
    /// German negations and modals: "ich kann seit heute früh nicht surfen" puts the verb last.
    static let germanNegations = "nicht ned net noed nid nimmer nimma weder"
    static let germanModals = "kann kannst koennen koennt konnte konnten kaun chan cha"
    /// After a closing negation, still closing the clause with it: "nicht mehr", "kommen nicht an".
    static let germanAfterNegation = "mehr meh an"
    /// Whom "call" or "text" reaches when it is the provider ("can't even call them").
    static let addressees = "you u them ya yous euch ihnen sie"
    /// The writer speaking for themselves: a repost without these (and without a question or a
    /// mention) is an announcement.
    static let firstPerson = "i im ive id me my mine ich mir mich mein meine meinen meinem meiner mi"
    /// Open a reply to a person by name ("Hi Sarah,"): with a "we" voice, the provider's support.
    static let greetings = "hi hey hello hallo servus gruezi gruessgott moin dear liebe lieber"
    static let weVoice = "we us our were weve well wed wir uns unser unsere unseren unserem"
    /// After a problem word, asks for information ("anyone know if Telco covers the coast road?").
    static let know = "know knows weiss wisst"
}
