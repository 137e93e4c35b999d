// SPDX-License-Identifier: Apache-2.0

/// The words behind the outage frame (see ``OutageFrame``): what a customer buys, when, whose, and
/// the things that look like an outage report but are not.
///
/// A failure word ("down", "no signal", "geht nicht", "Störung", a configured `outage_terms` entry)
/// only counts when its clause also says *what* failed and nothing here says it is over, someone
/// else's, or not the service at all. Entries are folded like every other list ("Störung" =
/// "stoerung"); a line holds one phrase, a plain list holds words. The longest phrase at a token wins.
enum OutageVocabulary {
    /// Services a customer buys, by the symptom an alert reports.
    static let services: [(Symptom, String)] = [
        (
            .internet,
            """
            internet broadband wifi wlan wi-fi dsl vdsl adsl fibre fiber glasfaser ftth fttc router modem \
            hub connection connections verbindung internetverbindung leitung anschluss nbn lan \
            kabelinternet internetzugang dongle connectivity intenret internt interent inet
            """
        ),
        (
            .mobileData,
            """
            data 4g 5g 3g lte datenverbindung daten edge \
            \nmobile data\nmobiles internet\nmobile internet\nmobilen daten
            """
        ),
        (
            .signal,
            """
            signal signals reception empfang bars coverage mast masts tower netz handynetz mobilfunk \
            mobilfunknetz roaming service services funkloch dienst signl sginal
            """
        ),
        (
            .calls,
            """
            calls anrufe telefonieren telefonate anrufen \
            \nmake calls\nmake a call\nreceive calls\nmake or receive\ncall out\noutbound calls\nincoming calls
            """
        ),
        (.sms, "sms texts txts txt messages imessage nachrichten \ntext messages\nverification sms"),
        (
            .tv,
            """
            tv fernsehen iptv channels channel sender dvr receiver tivo \
            \ncable tv\non demand\nset top box
            """
        ),
        (.phone, "landline festnetz telefon voip sip telefonie \nphone line\ndial tone\nhome phone"),
        (.email, "email emails e-mail mail mails webmail inbox imap smtp postfach mailserver \nmail server"),
        (
            .hosting,
            """
            server servers vps hosting webspace dns nameserver nameservers domain domains webserver 502 503 504 \
            cpanel api cluster nodes webhosting rechenzentrum imap datenbankserver \
            \nload balancer\nhealth checks
            \nbad gateway\nmy website\nour website\nmy site\nour site\nour sites\nour shop\nmy shop\nmy blog\
            \nmeine website\nunsere website\nmeine seite\nunsere seite\nunser shop\nunsere seiten\nonlineshop
            """
        ),
        (
            .app,
            """
            whatsapp instagram facebook youtube netflix spotify discord hulu snapchat tiktok telegram \
            gmail icloud twitter skype zoom slack github reddit twitch
            """
        ),
        // The provider or its network as a whole: a service, but nothing more precise.
        // A handset ("phone", "Handy") is not a service: "my phone screen is broken" is no outage.
        (.unknown, "network netzwerk mobilnetz cell cellular networks \nmobile network\nmobile signal\nmobile service"),
    ]

    /// What each ``OutageFrame/Role`` listed here means, and its words.
    static let roles: [(OutageFrame.Role, String)] = [
        (
            // Provider systems and support channels, not the service itself: a complaint.
            .providerSide,
            """
            app website site webseite seite page portal login account konto kundenkonto webchat chat \
            hotline support kundenservice kundendienst billing bill bills rechnung payment payments \
            registration password passwort store shop agent advisor adviser operator callback rueckruf \
            warteschleife hold dm dms queue button form link links system code \
            \nerror message\nerror code
            \nlog in\ncustomer service\ncustomer services\nlive chat\non hold\ncall back\ncalled back\
            \nhung up\nput the phone down\ntop up\nmy account
            """
        ),
        (
            // Things that fail but are not a telecom service.
            .otherThing,
            """
            power strom electricity stromausfall heating heizung heizig boiler water wasser gas train trains \
            zug zuege bahn tube bus buses tram flight flights plane post parcel paket delivery courier car \
            auto lift elevator aufzug fridge freezer bank banking screen battery akku display charger ampel \
            ampeln vpn game games match spiel console brain heart band restaurant kino film movie player \
            spieler stuermer council behoerdenportal fernwaerme \
            \ncard machine\nonline banking\nonline-banking
            """
        ),
        (
            // The failure goes on now.
            .now,
            """
            now still again currently today tonight atm anymore jetzt gerade grad grade heute seit \
            aktuell momentan derzeit zurzeit schonwieder wieda nu since \
            \nright now\nat the moment\nthis morning\nthis evening\nthis afternoon\nall day\nyet again\
            \nimmer noch\nnoch immer\nschon wieder\nno imma\nall morning\nall afternoon\nall night
            """
        ),
        (
            // The failure is over or was then.
            .past,
            """
            yesterday gestern vorgestern war waren wars earlier neulich damals remember restored \
            monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag \
            freitag samstag sonntag \
            \nfixed it\nfixed in\nbeen fixed\ngot fixed\nwas fixed\nhas fixed\nwurde behoben
            \nlast night\nlast week\nlast month\nlast weekend\nlast year\nletzte woche\nletzten montag\
            \nletzten monat\nletztes jahr\nletzte nacht\nam wochenende
            """
        ),
        // English past tense ("was down"); German "was" means "something".
        (.pastEnglish, "was"),
        // Always so: a coverage or speed complaint, not a failure now.
        (
            .chronic,
            """
            always never jedesmal \
            \never since\ndead zone\nevery evening\nevery night\nevery day\njeden abend\njeden tag\njede nacht
            """
        ),
        (
            // The writer says their own service works, or that they caused it themselves.
            .exonerate,
            """
            innocent unschuldig wenigstens immerhin \
            \nnot their fault\nnot your fault\nnot netzwerk\nnothing to do with\nnot an isp thing\nmy fault\
            \nmy bad\non me\nmein fehler\nmis problem\nliegt nicht an\nkann nix dafuer\nkann nichts dafuer\
            \ncha nuet defuer\nhat nichts mit\nhat nix mit\nnicht schuld\nis fine\nis ok\nworks fine\
            \nworking perfectly\nworking fine\nfull speed\nstayed up\nstill works\nlaeuft einwandfrei\
            \nglad i switched\nglad im with\nglad i am with\nzum glueck\nairplane mode\nflugmodus\nforgot to pay\
            \nvergessen\nrage quit\nrage-quit\nnot an outage\nstill work\nis not down\nfine here\nseems fine\
            \nfine tonight\nfine now\nfine today\nkann da nix dafuer\nkann da nichts dafuer\nnix zu tun\nnichts zu tun\
            \nvolles netz\nwork fine\nnicht bei\nin the lift\nim aufzug\nin the tunnel\nim tunnel\nim keller\nin the basement
            """
        ),
        (
            // The writer's own account explains the lost service: a complaint.
            .account,
            """
            activate activation activated ported porting pac stac unpaid barred blocked blacklisted \
            deactivated suspended gesperrt unblacklisted blacklist \
            \nno sim
            \nnew sim\nsim swap\nreplacement sim\nneue sim\nnot paid\npaid my bill\npaid the bill
            """
        ),
        (
            // Planned work announced ahead.
            .maintenance,
            """
            maintenance wartung wartungsarbeiten wartungsfenster netzausbau geplante geplant planned \
            scheduled \nengineering work\nengineering works
            """
        ),
        // A possible interruption, in a notice: "may lose connection", "kann es zu Unterbrechungen kommen".
        (.possible, "may might possible possibly moeglich koennte \nkann es\nkann bis\nkoennen es"),
        (
            // The provider selling its service.
            .marketing,
            """
            uptime verfuegbarkeit verfuegbarkeitsgarantie guarantee garantie billboard werbung advert \
            advertising sale \
            \nswitch today\njetzt wechseln\nwith our\nmit unserem\nmit unserer\nmit uns\nso last year\nsign up
            """
        ),
        (
            // Cancelling, moving or a business closing: not a failure.
            .cancel,
            """
            cancel cancelled cancelling cancellation kuendigen kuendigung gekuendigt contract vertrag \
            moving umzug terminate closing close shutting shut switched \
            \nclosing down\nshutting down\nshut down\nclose down\nclosing it down\ndisconnecting my
            """
        ),
        // A person as the subject of "down", "dead", "broke": "I'm down for it", "he's dead".
        (.person, "i im ive id we he hes she shes they theyre ich wir er"),
        (
            .absence,
            """
            no zero without kein keine keinen keinem kei ka lost losing null \
            \nnot getting\nnot receiving\nhavent had\nhasnt had\nhave not had\nnot had\nnot have\ndont have\
            \ndont get\ncant get\nnot got\nno more\nkeeps losing\nkeep losing
            """
        ),
        (
            .failWord,
            """
            down out dead gone weg tot kaputt broken offline fails failed failing disappeared ausgefallen \
            spinnt streikt futsch died dwon donw outtage unmoeglich impossible refusing rejecting verweigert \
            timeouts timeout paketverlust nueme nimmer nimma 502 503 504 \
            \nnicht mehr\nkommen nicht an\nkommt nicht an\nkommt nicht\nkommen nicht\nchunnt noed\nchoemed noed\
            \ngengan ned\nnix laedt\nnix lodt\nnichts laedt\nnot responding\nnot answering\ntiming out\
            \nbad gateway\npacket loss\ndont resolve\ndoesnt resolve\nnot resolving
            \nnot working\nisnt working\narent working\ndoesnt work\ndont work\nhasnt worked\nhavent worked\
            \nnot coming through\narent coming through\nnot sending\narent sending\nwont send\nnot loading\
            \ncuts out\ncutting out\ncut out\nplaying up\nfucking up\nmessing up\ndropping out\ndropped out\
            \nkeeps dropping\nstopped working\nfails to work\ngeht nicht\ngeht ned\nfunktioniert nicht\nnicht erreichbar
            """
        ),
        (
            .cannot,
            """
            cant cannot unable \
            \nnot able to\ncant even\nunable to\nkann nicht\nkann keine\nkann nicht mehr\nkomme nicht
            """
        ),
        (
            .trouble,
            """
            \nwhats wrong with\nwhat is wrong with\nsomething up with\nwhats up with\nwhats going on with\
            \nwhat is going on with\nanything wrong with\nwas ist los mit
            """
        ),
        // Nothing works at all: a failure without naming the service.
        (
            .totalFailure,
            """
            \nnothings working\nnothing works\nnothing is working\nnothing working\nnothing loading\nnothing loads\
            \nimmer noch nix\nimmer noch nichts\ngar nix geht\nnix lodt\nnix geht mehr
            """
        ),
        // After "down", a direction, not a state ("down the road", "down to").
        (.direction, "the to under a on with road street hill"),
        (.slow, "slow slower speed speeds lag laggy buffering mbps langsam geschwindigkeit ruckelt ruckeln"),
        (
            .agentReply,
            """
            \nsorry for the\nsorry to hear\ni apologize\nwe apologize\napologies for\ndrop us a dm\nsend us a dm\
            \nplease dm us\nentschuldigen sie\nschreib uns
            """
        ),
    ]
}
