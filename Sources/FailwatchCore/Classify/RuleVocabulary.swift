// SPDX-License-Identifier: Apache-2.0

/// The built-in German and English words and phrases behind each ``Cue``.
///
/// Entries are folded on load, so "Störung" also matches "Stoerung" and "STÖRUNG". Austrian and
/// Swiss forms ("ned", "nöd", "Störig", "kei Netz") sit beside the standard ones. A phrase matches
/// consecutive tokens; the longest phrase starting at a token wins.
enum RuleVocabulary {
    /// The hashes of the words listed for `cue` (a phrase's words one by one).
    static func words(of cue: Cue) -> Set<UInt64> { TextHash.words(entries.first { $0.0 == cue }?.1 ?? "") }

    static let entries: [(Cue, String)] = [
        (
            .negation,
            """
            not no never none nobody nothing neither nor without cannot cant dont doesnt didnt isnt \
            arent wasnt werent wont wouldnt shouldnt couldnt havent hasnt hadnt aint nope \
            nicht kein keine keinen keinem keiner keines nie niemals nichts nix ohne weder ned \
            noed nid nuet kei keinerlei
            """
        ),
        (
            .booster,
            """
            very really so extremely totally absolutely completely super incredibly seriously \
            fucking freaking such too most utterly truly damn especially hugely insanely \
            sehr total echt voll mega extrem richtig ziemlich absolut komplett voellig wirklich \
            besonders unglaublich hoechst aeusserst tierisch zu ultra saumaessig verdammt \
            oberst sowas dermassen
            """
        ),
        (.dampener, "slightly somewhat barely little bit kinda sorta etwas bisschen kaum leicht eher halbwegs"),
        (.contrast, "but however although whereas aber jedoch trotzdem allerdings sondern waehrend"),
        (
            .outage,
            """
            outage outages outtage outtages offline blackout disruption disruptions unreachable interruption paketverlust \
            stoerung stoerungen stoerig ausfall ausfaelle ausgefallen totalausfall netzausfall \
            unterbrechung unterbrochen nichterreichbar funkloch funkloecher ausfaellt usgfalle usgfallae usfall \
            disconnected disconnecting disconnects \
            \nno internet\nno service\nno signal\nno connection\nno wifi\nno network\nno broadband\
            \nno dial tone\nno tv\nno phone\nno data\nno reception\nno coverage\nno power\nno bars\nzero bars\
            \nnot working\nisnt working\narent working\nnot connecting\nstopped working\ndoesnt work\
            \ndoes not work\nwill not work\nwill not connect\ncan not connect\ncant get online\
            \ncannot get online\ncan not get online\nunable to get online\ncant go online\
            \ndont work\nwont work\nwont connect\ncant connect\ncannot connect\nunable to connect\
            \nkeeps dropping\nkeeps disconnecting\nkeeps cutting out\ndropping out\nlost connection\npacket loss\
            \nconnection lost\nconnection dropped\nnot loading\nwont load\ncant load\nis out\
            \ndown for everyone\ndown for anyone\ndown again\ngone down\nwent down\ngoes down\
            \nkein netz\nkein internet\nkein empfang\nkeine verbindung\nkein wlan\nkein wifi\nkein dsl\
            \nkein lte\nkein tv\nkein fernsehen\nkein telefon\nkein festnetz\nkein signal\nkein netzwerk\
            \nkeine internetverbindung\nkeinen empfang\nkeinen internetzugang\nkein internetzugang\nkei netz\nkei internet\nkei empfang\nkei verbindig\
            \ngeht nicht\ngeht nichts\ngeht nix\ngeht gar nichts\ngeht gar nix\nnichts geht\nnix geht\
            \ngeht ned\ngeht net\ngaht noed\ngoht noed\ngeht wieder nicht\ngeht schon wieder nicht\
            \nfunktioniert nicht\nfunktioniert ned\nfunktioniert noed\nfunzt nicht\nfunzt nix\ntut nicht\
            \nlaeuft nicht\nlaeuft nix\nlaeuft gar nichts\nnicht erreichbar\nnicht mehr erreichbar\
            \nfaellt aus\nfiel aus\nfaellt staendig aus\nist weg\nbricht ab\nbricht staendig ab\
            \nblinkt rot\nblinkt orange\nleuchtet rot\nleuchtet orange\nist down\nsind down\nwieder down\
            \nschon wieder down\nfallen aus\nfaellt heute aus\nfaehrt nicht\nfahren nicht\nfaehrt nichts\
            \nnichts faehrt\nkein zug\nkeine zuege\nsteht still\nstehen still\nstillstand\ntotalausfall\
            \nausser betrieb\nnicht funktioniert\nnicht funktionieren\nfunktionieren nicht\nzum erliegen
            """
        ),
        (
            .othersToo,
            """
            \nanyone else\nanybody else\nanyone having\nis it just me\njust me\nanyone know\neveryone else\
            \nbei euch auch\nbei euch\nnoch jemand\nauch betroffen\njemand anderes\nsonst noch jemand\
            \nbin ich der einzige\nbin ich die einzige\nbei wem noch\nwer noch\nauch bei euch\nbi eu au
            """
        ),
        (
            .problem,
            """
            problem problems issue issues trouble troubles error errors glitch bug fault faults \
            probleme schwierigkeiten fehler fehlermeldung stoerungsmeldung panne pannen \
            \nproblem mit\nprobleme mit\nissues with\nproblems with
            """
        ),
        (
            .infrastructure,
            """
            internet wifi wlan netz network connection verbindung router modem signal \
            empfang dsl vdsl lte 4g 5g 3g tv telefon landline festnetz mobilfunk handynetz \
            server streaming broadband fibre fiber glasfaser kabel cable \
            hotspot leitung anschluss netzwerk reception coverage fritzbox iptv webmail \
            handy fernsehen telefonie internetverbindung datenverbindung sms mails emails nachrichten
            """
        ),
        (
            .failState,
            """
            dead tot weg out kaputt broken broke died gone futsch hin tod haengt spinnt streikt abgebrochen abbricht \
            zusammengebrochen zusammenbricht aussetzt dropping drops dropped
            """
        ),
        (.separableFail, "faellt fallen fiel fielen bricht brechen brach setzt setzen setzte kackt schmiert stuerzt reisst reissen riss gheit gheie"),
        (.failParticle, "aus ab zusammen weg raus use"),
        (.qualifier, "ohne so"),
        (
            .serviceVerb,
            """
            geht gehen gaht goht gehts funktioniert funktionieren funktioniere funktioniered funktionierts \
            funzt funzen laeuft laufen lauft klappt klappen tut tuts laedt kommen kommt
            """
        ),
        (.nothing, "nichts nix nuet"),
        // Look like an outage phrase but are not ("es geht nicht um …", "I don't work on Sundays"):
        // no cue, and longer or earlier, so they win.
        (
            [],
            """
            \ngeht nicht um\ngeht nicht ums\ngeht nicht darum\ngeht nicht nur\ngeht nicht anders\
            \ni dont work\nwe dont work\ni didnt work\ni do not work
            """
        ),
        // "an" closes "kommen … nicht an" ("die SMS kommen seit gestern nicht an").
        (.negationTail, "mehr richtig wirklich zuverlaessig stabil gscheit ordentlich korrekt an"),
        (.down, "down"),
        (
            .complaint,
            """
            refund overcharged overcharging billing unacceptable ridiculous disappointed disappointing \
            terrible awful horrible worst useless rude incompetent pathetic disgrace disgraceful \
            appalling shocking joke nightmare scam rip ripoff unreliable delayed delay delays \
            cancelled canceled cancellation stranded lost missing damaged broken wrong slow late stuck \
            rude hung failure failures fault faulty bugs buggy glitchy crashed crashes crashing freezing \
            waste wasted unbelievable unreal apparently supposedly seriously anymore why warum wieso weshalb \
            complaint complain complaining unhappy frustrated frustrating annoyed annoying \
            warteschleife hotline kundenservice kundendienst rechnung abzocke abgezockt kuendigen \
            kuendigung gekuendigt langsam lahm schneckentempo drosselung gedrosselt verspaetung \
            verspaetungen verspaetet gestrichen unverschaemt frechheit sauerei skandal zumutung \
            katastrophe chaos aergerlich nervt genervt kaputt defekt entschaedigung erstattung \
            beschwerde reklamation techniker unfaehig inkompetent unzuverlaessig \
            lie lied liar lying hostage elsewhere overbooked oversold bumped ignored ignoring ruined \
            horrendous disgusted disgusting furious livid outraged unprofessional incompetence mishandled \
            misconnect diverted cramped dirty filthy uncomfortable nasty mess messed compensation \
            reimburse reimbursement excuse excuses \
            \nin line\nonly one\nmissed my\nmissed connection\nno food\nno water\nno info\
            \nno information\nno communication\npoor communication\nlack of\nlast time\ndone with\
            \nswitching to\nnever flying\nnever fly\ntaking my business\nlost my\nwhere is my\nwheres my\
            \nstill stuck\non the tarmac\nbeen sitting\nbeen on hold\nleft us\nleft me\nno apology\
            \nnot acceptable\ncant believe\ncan you believe\nthanks for nothing\nthanks a lot\
            \nno excuse\ngot nowhere\nhold up\nwhere is our\nwheres our\nother airline\nother airlines\
            \nform letter\ngeneric response\nlosing trust\nlost trust\ncost me\nwait and see\
            \nstill waiting\nbeen waiting\nstill not\nstill no\nstill havent\nstill hasnt\nno response\
            \nno reply\nno answer\nno one\nnever received\nnever arrived\nhavent received\nhasnt arrived\
            \nnot received\ndidnt receive\ndidnt get\nnever got\non hold\nwaiting for\nwaited for\
            \nsort it out\nsort this out\nwhats going on\nwhat is going on\nhow long\nhow many times\
            \nwhen will\nnot happy\nnot impressed\nfed up\nsick of\ntired of\nthird time\n3rd time\
            \nagain and again\nstill broken\nfix this\nfix it\nplease fix\nshould be ashamed\
            \nwould be nice\nwould be great\nwould be good\nwould be helpful\nwould have been\nwould have been nice\
            \nshould have\nshould be\nshouldnt have\ncould have\nsupposed to\nwas promised\nyou promised\nhung up\
            \nhang up\nhanging up\nno help\nnot helpful\nunhelpful\nany update\nany updates\nwhats up with\
            \nwhat happened\nhow come\nno one\nno way\nmoney back\nnot even\nwhat a joke\
            \nnever again\nnot a single\nat least\nwaste of\nwaiting on\
            \nwaere schoen\nwaere nett\nsoll das\nwie immer\nmal wieder\nwie lange noch\
            \nwarte seit\nwarten seit\nimmer noch\nschon wieder\nwieder mal\njedes mal\nseit tagen\
            \nseit wochen\nkeine antwort\nkeine rueckmeldung\nkeine reaktion\nzu spaet\nzu langsam\
            \nnicht zufrieden\nwas ist los\nwas soll das\nwo bleibt\nwann kommt\nwann faehrt\
            \nwarum dauert\nwie lange dauert\nstehen seit\nstehe seit\nwartet seit\
            \njedesmal\nals immer\nvon wegen\
            \nnicht pünktlich\nnicht puenktlich\nnie puenktlich\nnie pünktlich\nkein wunder\
            \nkein wlan\nkeine klimaanlage\nklimaanlage defekt\nklimaanlage ausgefallen\nzug voll\
            \nkein sitzplatz\nkeinen sitzplatz\nkein platz\nwagen fehlt\nfalsche wagenreihung\
            \numgekehrte wagenreihung\nanschluss weg\nanschluss verpasst\nzu teuer\nviel zu teuer
            """
        ),
        (
            .complaintWeak,
            """
            again still yet hours days weeks months nobody cant cannot wont unable failed fails \
            fix issue support help tried trying waiting wait hold charged charge charging fee fees bill \
            keep keeps kept twice my mein meine meinen meinem meiner \
            wieder seit stunden tagen wochen niemand warten warte wartet \
            versucht vertrag haette sollte
            """
        ),
        (
            .resolved,
            """
            restored reconnected wiederhergestellt \nback up\nback online\nup again\nworking again\nworks again\nwork again\nis back\nare back\nfixed now\
            \nall good now\nlaeuft wieder\ngeht wieder\nfunktioniert wieder\nwieder da\nwieder online\
            \nist zurueck\nwieder erreichbar\nstoerung behoben\nwurde behoben\nist behoben\nproblem geloest\
            \nfaehrt wieder\nfahren wieder\nrollen wieder\nrollt wieder\nwieder nach fahrplan\nwieder planmaessig\
            \nits back\nback now\nnow back\ncame back\nback to normal\nup and running\
            \nonline again\nbeen restored\nfixed it\ngot fixed\nbeen fixed\nsorted now\nall sorted\nworking now\nworks now\
            \nwieder normal\nwieder am laufen\nwieda da\nwieda do\ngeht wieda\nlaeuft wieda\nlauft wieder\
            \ngaht wieder\ngoht wieder\ntuet wieder\nisch wieder da\nendlich wieder\nendlich wieda\nwieder ok\nwieder do\
            \ngahts wieder\ngehts wieder\nlaeufts wieder\nbeen stable\nstable since\nstable again\nstable now\ncame through\ncome through now\nwieder stabil\nlaeuft wieder stabil\
            \nfine since\nok since\nfine again\ninzwischen behoben\nmittlerweile behoben\nhas been resolved\nnow resolved\ngeht alles wieder\ngaht alles wieder\ngoht alles wieder\nlaeuft alles wieder
            """
        ),
        (
            .fine,
            """
            \nalles ruhig\nalles gut\nalles ok\nalles okay\nlaeuft\nlaeuft alles\nlaeuft stabil\
            \nkeine probleme\nkeine stoerung\nkein problem\nworks fine\nworking fine\nall good\nno problems\
            \nno issues\nfine here\nworks for me\nbei mir geht\nbei mir laeuft\nno outage\nkein ausfall\
            \nno problem\nnot a problem\nnot an issue\nresolving my issue\nresolved my issue\nfixed my issue\
            \nfixed the problem\nsolved my problem\nproblem solved\nproblem geloest\nproblem behoben
            """
        ),
        (
            .ended,
            """
            beendet endet vorbei behoben beseitigt abgewendet ueberstanden aufgehoben ended resolved \
            beenden beendete beendeten ende abgeblasen abgesagt geloest
            """
        ),
        (.salutation, "liebe lieber liebes hallo hi hey moin servus"),
        (
            .auxiliary,
            """
            is are was were will would can could do does did may might should shall has have am \
            ist sind war waren wird werden wurde wurden kann koennt koennen gibt hat haben habt faehrt fahren kommt \
            muss darf duerfen soll
            """
        ),
        (.copula, "is are was were be been being went goes going gone still ist sind war waren isch wieder schon mal"),
        (.durationStart, "seit since for fuer"),
        (
            .timeUnit,
            """
            min mins minute minutes minuten h hr hrs hour hours std stunde stunden day days tag tage tagen \
            week weeks woche wochen month months monat monaten morning heute gestern yesterday today \
            morgens mittag abend
            """
        ),
        (.addressee, "you your youre yall euch ihr eure euer dich dir du deine sie ihnen"),
        (.downExcluder, "calm let upside thumbs slow settle sit lie lay turned turn put write wrote count cool step trickle wind knock hand look"),
        (.downDirection, "to the under with a my your on here there"),
        (.thanks, "thanks thank thx ty danke dankeschoen merci"),
        (
            .politeness,
            """
            please pls plz help thanks thank thx hi hello hey kindly hope hoping wish like ok okay yes \
            yeah sure appreciate appreciated bitte danke hallo hoffe hoffentlich gerne gern ja
            """
        ),
    ]

    /// Intensity of boosters and dampeners, as in VADER.
    static let boost: Float = 0.293
}
