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
            kabelinternet internetzugang dongle connectivity intenret internt interent inet fritzbox easybox superhub \
            \nget online\ngo online\ngetting online\ngoing online\nstay online\nstaying online
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
            mobilfunknetz roaming service services funkloch dienst signl sginal \
            📵 \nsos only\nonly sos\nemergency calls only\nemergency only\nonly emergency calls\nnur notruf\nnur notrufe\nnur sos
            """
        ),
        (
            .calls,
            """
            calls anrufe telefonieren telefonate anrufen hear \
            \nmake calls\nmake a call\nreceive calls\nmake or receive\ncall out\noutbound calls\nincoming calls
            """
        ),
        (
            .sms,
            """
            sms texts txts txt texting messaging messages imessage nachrichten otp otps passcodes smstan mtan \
            \ntext messages\nverification sms\nverification codes\nsecurity codes\nlogin codes\nsms codes\nsms tan
            """
        ),
        (
            .tv,
            """
            tv fernsehen iptv channels channel sender dvr receiver tivo audio \
            \ncable tv\non demand\nset top box
            """
        ),
        (
            .phone,
            "landline festnetz telefon voip sip telefonie \nphone line\ndial tone\nhome phone\nmy line\nour line\nyour line"
        ),
        (
            .email,
            "email emails e-mail mail mails webmail inbox imap smtp pop3 postfach postfaecher mailbox mailboxes mailserver \nmail server"
        ),
        (
            .hosting,
            """
            server servers vps hosting webspace dns nameserver nameservers domain domains webserver 502 503 504 \
            cpanel api cluster nodes webhosting rechenzentrum imap datenbankserver database datenbank db mysql \
            postgres vm vms instance instances storage cdn ssh sftp ftp kubernetes k8s wordpress droplet droplets \
            vserver vservers rootserver backends \
            \nload balancer\nhealth checks\ncontrol panel\nshared hosting\nstatus codes
            \nbad gateway\nmy website\nour website\nmy site\nour site\nour sites\nour shop\nmy shop\nmy blog\
            \nmeine website\nunsere website\nmeine seite\nunsere seite\nunser shop\nunsere seiten\nonlineshop\nmeine webseite\nunsere webseite\
            \nmeine homepage\nunsere homepage\nmy homepage\nour homepage\nmy sites\nour websites\nmy websites
            """
        ),
        (
            .app,
            """
            whatsapp instagram facebook youtube netflix spotify discord hulu snapchat tiktok telegram \
            gmail icloud twitter skype zoom slack github reddit twitch playstation psn xbox steam
            """
        ),
        // The provider or its network as a whole: a service, but nothing more precise.
        // A handset ("phone", "Handy") is not a service: "my phone screen is broken" is no outage.
        (.unknown, "network netzwerk mobilnetz cell cellular networks \nmobile network\nmobile signal\nmobile service"),
    ]

    /// The errors a phone shows when the network fails: the service and its failure at once.
    static let deviceErrors: [(Symptom, String)] = [
        (
            .sms,
            "\nmessage failed\nmessages failed\ntext failed\ntexts failed\nsending failed\nsend failed\nmessage not sent"
        ),
        (.calls, "\ncall failed\ncalls failed\ncall failure\ncall failures\ncalls failing"),
        (
            .signal,
            """
            \nsaying sos\nsays sos\nshows sos\nshowing sos\nstuck on sos\nzeigt sos\nzeigt nur sos\nsearching for network\
            \nsearching for signal\nsearching for service\nstuck on searching\nsucht netz\nsucht nach netz
            """
        ),
        (
            .hosting,
            """
            \nconnection refused\nconnection timed out\nconnection reset\ngateway timeout\ninternal server error\
            \nerror establishing a database connection\nservice unavailable\nserver not found
            """
        ),
    ]

    /// Verbs of using a service: right after "can't" or "unable to" they name the service ("can't
    /// text anyone", "unable to ring out", "kann nicht surfen"). Elsewhere they name nothing ("text
    /// me", "I'll call you"). "send"/"receive" say it failed, not what.
    static let serviceVerbs: [(Symptom, String)] = [
        (.calls, "call ring dial telefoniere telefoniern raustelefonieren"),
        (.sms, "text message msg simsen"),
        (.internet, "browse surf surfen stream streamen download load"),
        (.unknown, "send receive"),
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
            warteschleife hold dm dms queue button form link links system code checker kundencenter kundenportal \
            termin technikertermin appointment engineer engineers technician \
            \nerror message\nerror code
            \nlog in\ncustomer service\ncustomer services\nlive chat\non hold\ncall back\ncalled back\
            \nhung up\nput the phone down\ntop up\nmy account\ncoverage checker\nstatus checker
            """
        ),
        (
            // Things that fail but are not a telecom service.
            .otherThing,
            """
            power strom electricity stromausfall heating heizung heizig boiler water wasser gas train trains \
            zug zuege bahn oeffis ubahn u-bahn sbahn s-bahn strassenbahn tube bus buses tram flight flights plane post parcel paket delivery courier car \
            auto lift elevator aufzug fridge freezer bank banking screen battery akku display charger ampel \
            ampeln vpn game games match spiel console brain heart band restaurant kino film movie player \
            spieler stuermer council behoerdenportal fernwaerme handy smartphone handset iphone samsung pixel printer drucker \
            mood spirits kreislauf stimmung polls poll umfragen umfrage head kopf hirn gehirn birne \
            \ncard machine\nonline banking\nonline-banking\nroyal mail\ndeutsche post\nthe post\npost office\nthe atm\nan atm\
            \ncash machine\ncashpoint\ngeldautomat\ntracking
            """
        ),
        (
            // The failure goes on now; a failure that keeps coming back is back now. "The last week" and
            // "seit gestern" are spans up to now, not "last week" and "gestern"; "since your maintenance"
            // dates a failure, it announces none.
            .now,
            """
            now still again currently today tonight atm rn anymore jetzt gerade grad grade heute seit \
            aktuell momentan derzeit zurzeit schonwieder wieda nu since another mehr keeps constantly staendig dauernd \
            \nright now\nat the moment\nthis morning\nthis evening\nthis afternoon\nall day\nyet again\nscho wieder\nscho wieda\
            \nimmer noch\nnoch immer\nschon wieder\nno imma\nall morning\nall afternoon\nall evening\nall night\nnoch nicht\nnoch ned\nnoch net\nno ned\nnoch nid\
            \nsince yesterday\nseit gestern\nseit vorgestern\nseit letzter woche\nseit letztem\nsit geschter\nsit gester\nsit vorgeschter\
            \nsince the maintenance\nsince your maintenance\nafter the maintenance\nafter your maintenance\nseit der wartung\nnach der wartung\
            \nthe last week\nthe past week\nthe last month\nthe past month\nthe last hour\nthe past hour\nthe last few days\nthe past few days\nthe last few hours\nthe past few hours\nthe last couple of days\nthe last two days\nthe last three days\
            \nkeeps dropping\nkeep dropping\nkeeps failing\nkeep failing\nkeeps disconnecting\nkeeps cutting out\
            \nkeeps going off\nkeeps disappearing\nkeeps losing\nkeep losing
            """
        ),
        // "Fail" as a noun of mockery: the phrase keeps its "fail" from being read as a failure.
        (
            .mockery,
            "\na fail\na total fail\ntotal fail\nepic fail\nan epic fail\nsuch a fail\nabsolute fail\nmassive fail\nbig fail"
        ),
        // A time of today (each also a `.now` word above): now, but after a return it says when the
        // failure was ("back now, but the fault this morning cost me an interview").
        (
            .today,
            "today tonight heute \nthis morning\nthis evening\nthis afternoon\nall day\nall morning\nall afternoon\nall evening\nall night"
        ),
        (
            // The failure is over or was then.
            .past,
            """
            yesterday gestern vorgestern war waren wars earlier neulich damals remember restored \
            hatte hatten gewesen gwesen gsi geschter vorgeschter vorhin kuerzlich lasted dauerte \
            monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag \
            freitag samstag sonntag \
            \nfixed it\nfixed in\nbeen fixed\ngot fixed\nwas fixed\nhas fixed\nwurde behoben\nis over\nnow over\
            \nist vorbei\nsind vorbei\nthe other day\nover the weekend
            \nlast night\nlast week\nlast month\nlast weekend\nlast year\nlast years\nlast weeks\nlast nights\nletzte woche\nletzten montag\
            \nletzten monat\nletztes jahr\nletzte nacht\nam wochenende
            """
        ),
        // English past tense ("was down"); German "was" means "something".
        (.pastEnglish, "was"),
        // Always so: a coverage or speed complaint, not a failure now.
        (
            .chronic,
            """
            always never jedesmal usually normally generally anywhere whenever along unterwegs forever \
            \nimmer schon\nschon immer\nseit jeher\nevery single day\nalways the same\nsame as always\
            \never since\ndead zone\nevery evening\nevery night\nevery day\njeden abend\njeden tag\njede nacht\
            \nfor years\nover the years\nseit jahren\nevery call\nlived with\nlive with\nput up with\nin general\nmost of the time\nhalf the time\
            \nevery time\njedes mal\nin some areas\nin certain areas\nin places\nin busy places\non the train\
            \non the motorway\nwhen im in\nwhen in\nim zug\nauf der autobahn\nin manchen gegenden\nin der regel\
            \non the tube\nin the underground\nin der u-bahn\nin der ubahn\nin da u-bahn\nas always\nas usual\nwie immer\
            \nwie ueblich\nwia imma\nwie imma
            """
        ),
        (
            // The writer says their own service works, or that they caused it themselves.
            .exonerate,
            """
            innocent unschuldig wenigstens immerhin \
            \nnot their fault\nnot your fault\nnot netzwerk\nnothing to do with\nnot an isp thing\nmy fault\
            \nmy bad\nthats on me\nits on me\nall on me\nat least\nmein fehler\nmis problem\nliegt nicht an\nkann nix dafuer\nkann nichts dafuer\
            \ncha nuet defuer\nhat nichts mit\nhat nix mit\nnicht schuld\nis fine\nis ok\ns fine\nis grand\ns grand\neverything else works\neverything else is fine\nworks for everything else\nalles andere geht\nalles andere funktioniert\nworks fine\
            \nworking perfectly\nworking fine\nfull speed\nstayed up\nstill works\nlaeuft einwandfrei\nrennt einwandfrei\
            \nlauft einwandfrei\nisch tiptop\nist tiptop\nkein strom\nstrom ist weg\nstrom weg\npower outage\
            \npower is out\npower went out\nno power\
            \nglad i switched\nglad i moved\nglad i left\nglad im with\nglad i am with\nglad im not with\nglad im on\
            \nglad we switched\nglad we moved\nglad we left\nglad were with\nglad were on\nglad were not with\
            \nnot you this time\nnot you guys\nits not you\nzum glueck\nairplane mode\nflugmodus\nforgot to pay\nforgot to renew\nafter i updated\nafter i installed\nafter i changed\nafter updating\nbad deploy\nmy own fault\nour bad\nunser fehler\nselbst schuld\
            \nvergessen\nrage quit\nrage-quit\nnot an outage\nstill work\nis not down\nfine here\nseems fine\
            \nfine tonight\nfine now\nfine today\nkann da nix dafuer\nkann da nichts dafuer\nnix zu tun\nnichts zu tun\
            \nvolles netz\nwork fine\nnicht bei\nin the lift\nim aufzug\nin the tunnel\nim tunnel\nim keller\nin the basement\
            \nnot your problem\nnicht euer problem\nnicht eure schuld\npower cut\nlost power
            """
        ),
        // The writer's own side: said to be fine ("SIM is fine", "my account is fine and paid"), it
        // rules itself out as the cause, so the failure is the network's.
        (
            .ownSide,
            "account sim simcard phone handset handy smartphone router modem konto rechnung bill \nmy account\nmy sim\nmy phone\nmy router\nmy bill"
        ),
        (
            // The writer's own account explains the lost service: a complaint. So does a used-up
            // allowance or credit ("no data left", "ran out of data", "no credit").
            .account,
            """
            activate activation activated ported porting portierung nummernportierung portiert rufnummernmitnahme pac stac unpaid barred blocked blacklisted \
            deactivated suspended gesperrt unblacklisted blacklist allowance bundle bundles credit guthaben \
            datenvolumen inklusivvolumen \
            \nno data left\nnone left\nran out\nrun out\nrunning out\nused up\nused all\nbolt on\nadd on\
            \naufgebraucht\nverbraucht\
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
        // Or a what-if: "what happens if the network is down", "was passiert bei einem Ausfall". Or
        // how to report or check one: "how do I report a fault", "wie melde ich eine Störung".
        (
            .possible,
            """
            may might possible possibly moeglich koennte \nkann es\nkann bis\nkoennen es\nwhat happens if\
            \nwhat happens when\nwhat happens to\nin case\nin the event\nway to check\nwas passiert wenn\
            \nwas passiert bei\nwas passiert eigentlich\nim falle\nim fall\nfalls mal\nhow do i report\nhow can i report\
            \nhow to report\nhow do i check\nhow can i check\nhow to check\nwie melde ich\nwo melde ich\nway to get\
            \nhow do i tell\nhow can i tell\nhow do i know if\nwie erkenne ich\nworan erkenne ich\nwie merke ich
            """
        ),
        // A condition: what follows in its clause is supposed ("if my internet goes down, can I…",
        // "compensation when the network is down"). "when" counts only within its clause.
        (.supposing, "if when wenn falls"),
        // Before "if", a verb of knowing makes it "whether": "can you check if texts are down" asks.
        (
            .whether,
            "know knows dunno unsure check checking see wonder wondering wondered ask asking tell confirm advise sure idea find"
        ),
        (
            // The provider selling its service.
            .marketing,
            """
            uptime verfuegbarkeit verfuegbarkeitsgarantie guaranteed garantiert billboard werbung advert \
            advertising sale \
            \nswitch today\njetzt wechseln\nwith our\nmit unserem\nmit unserer\nmit uns\nso last year\nsign up
            """
        ),
        (
            // News about the provider: a fine, a payout, a regulator's or a study's findings. Shared by
            // many people at once, it must not read as many outage reports (GUIDELINE: news is other).
            .news,
            """
            fined bussgeld geldstrafe \
            \nfine of\nordered to pay\nagreed to pay\nto pay compensation\nwill pay compensation\nto compensate customers\
            \nstudy finds\nsurvey finds\nreport finds\nreport says\nregulator says\nregulator finds\nshares fell\nshares drop\
            \nmuss zahlen\nmuessen zahlen\nstrafe zahlen\nstrafe verhaengt\nlaut studie\nlaut bericht\nlaut einer studie\
            \nlaut einem bericht
            """
        ),
        (
            // Cancelling, moving or a business closing: not a failure.
            .cancel,
            """
            cancel cancelled cancelling cancellation kuendigen kuendigung gekuendigt contract vertrag \
            moved umzug umgezogen terminate closing close shutting shut switched \
            \nclosing down\nshutting down\nshut down\nclose down\nclosing it down\ndisconnecting my\nmoving house\nmoving home\
            \nim moving\nwere moving\nmoving out\nmoving to\nmoving in
            """
        ),
        // "dead" before an adjective is British for "very": "dead good", "dead chuffed".
        (
            .intensifier,
            """
            \ndead good\ndead cute\ndead easy\ndead chuffed\ndead happy\ndead funny\ndead nice\ndead cold\ndead quick\
            \ndead proud\ndead excited\ndead simple\ndead serious\ndead lucky\ndead jealous\ndead posh\ndead right\
            \ndead impressed\ndead handy\ndead helpful\ndead friendly
            """
        ),
        // A person as the subject of "down", "dead", "broke": "I'm down for it", "he's dead".
        (
            .person,
            "i im ive id we he hes she shes they theyre who whos ich bin bist wir er dad mum mom papa mama grandad grandma oma opa"
        ),
        (
            .absence,
            """
            no zero without kein keine keinen keinem kei keis ka koa kane koane lost losing null \
            \nnot getting\nnot receiving\nhavent had\nhasnt had\nhave not had\nnot had\nnot have\ndont have\
            \ndont get\ncant get\nnot got\nno more\nkeeps losing\nkeep losing\nnone of my\nnone of our\nhavent got\
            \nnot a single\nnobody is getting\nnobody getting\nnobody gets\nno one is getting\nnobody is receiving\
            \nno one is receiving\nnobody receives\nniemand bekommt\nkeiner bekommt\nkeine meiner\nkeine von meinen\nhab kein\nhab keine\nhabe kein\nhabe keine
            """
        ),
        (
            .failWord,
            """
            down out dead gone weg tot kaputt broken offline fail fails failed failing disappeared ausgefallen \
            spinnt streikt futsch died dwon donw unmoeglich impossible refusing rejecting verweigert \
            timeouts timeout paketverlust nueme nimmer nimma 502 503 504 nonexistent unreachable unerreichbar \
            unavailable bouncing bounce bounces undeliverable died broke hin off abgestuerzt abgstuerzt weggebrochen \
            wegbricht wegbrechen weggefallen abgerissen \
            \nnicht verbunden\nnicht synchronisiert\nsynchronisiert nicht\nantwortet nicht\nantworten nicht\ntimes out\ntimed out\
            \nisnt delivering\nnot syncing\nhasnt synced\nwont sync\nnone arrived\nnothing arrives\nnothing has arrived\
            \nnothing arriving\nblank page\nwhite page\nweisse seite\nschwarzes bild\nblack screen\nhours late\nhours later\
            \nhour late\nstunden spaeter\nstunden zu spaet\nmit verspaetung\nstunde verspaetig\nstunde verspaetung\
            \nnicht mehr\nkommen nicht an\nkommt nicht an\nkommt nicht\nkommen nicht\nchunnt noed\nchoemed noed\
            \ngengan ned\nnix laedt\nnix lodt\nnichts laedt\nnot responding\nnot answering\ntiming out\
            \nbad gateway\npacket loss\ndont resolve\ndoesnt resolve\nnot resolving
            \nnot working\nisnt working\narent working\ndoesnt work\ndont work\nhasnt worked\nhavent worked\
            \nnot coming through\narent coming through\nnot sending\narent sending\nwont send\nnot loading\
            \ncuts out\ncutting out\ncut out\nplaying up\nfucking up\nmessing up\ndropping out\ndropped out\
            \nkeeps dropping\nstopped working\nstopped answering\nstopped responding\nwont boot\nwont start\nbootet nicht\nstartet nicht\nfails to work\nstraight to voicemail\ngo to voicemail\ndirekt auf die mailbox\ndirekt auf der mailbox\ngeht nicht\ngeht ned\nfunktioniert nicht\nnicht erreichbar\
            \nnon existent\nnon-existent\nnot connecting\nwont connect\nwont load\nnot going through\narent going through\
            \nwont go through\nwont go\nnot arriving\narent arriving\nnot being delivered\nnot delivered\nnot receiving\
            \nnot delivering\narent delivering\nwont deliver\nstuck on sending\nstuck sending\nstuck on delivering\
            \nhaengt beim senden\nhaengen beim senden\nhaengen beim versenden\nhaengt beim versenden\
            \nkeeps failing\nkeep failing\nkeeps disconnecting\nkeep dropping\ndrops out\nkeeps cutting out\
            \nnot reachable\nnot available\nrefusing connections\nrefuses connections\nconnection refused\
            \nno ping\nthrowing errors\nthrowing error\nreturning errors\ninternal server error\
            \nerror 500\nfehler 500\nhttp 500\n500 error\nnot resolving\nwont resolve\
            \nnicht vorhanden\nnicht verfuegbar\nnicht zugestellt\nkommt nichts an\nkommen keine\nkommt nix an\
            \nlaedt nicht\nlaedt nichts\nlaedt ned\nbricht ab\nbrechen ab\nbricht staendig ab\nfliegt raus\nfliege raus\
            \nfalle raus\ngaht noed\ngoht noed\nlauft noed\nlauft ned\nfunktioniert noed\nfunktioniert ned\ntuet noed\
            \ngeht net\nned erreichbar\nnoed erreichbar\nisch tot\nisch weg\nisch down\nnimmt keine\nwill nicht\
            \nwont work\nwill not work\nisnt loading\narent loading\nisnt connecting\narent connecting\nwent off\ngone off\
            \nbeen off\ngoing off\nkeeps going off\nin and out\non and off\ncoming and going\ncomes and goes\nkeeps disappearing\
            \nvanished\nunusable\nintermittent\nwaeg\nisch waeg\nsind waeg\ndoesnt want to work\nwont want to work\
            \narent going\nisnt going\nnot going out\nnever go\nnever goes\nnever send\nnever sends\nnever arrive            \nnever arrives\nstopped sending\nstopped receiving\nstopped loading\nstopped connecting\nstopped coming through            \nhasnt come back\nhavent come back\nhasnt been back\nhavent been back\nnot back yet\nstill not back\nisnt back            \narent back\nnever came back\nnicht wieder da\nnoch nicht wieder\nnoch nicht zurueck            \nfehlgeschlagen\nschlaegt fehl\nschlagen fehl\ngeht nicht raus\ngehen nicht raus\nverbindet nicht\
            \nverbindet sich nicht\ngeht nich\ngehn nich\ngehen nich\nfunktioniert nich\ntut nich\nnoed aa\nnid aa
            """
        ),
        (
            .cannot,
            """
            cant cannot unable \
            \nnot able to\ncant even\nunable to\nkann nicht\nkann keine\nkann nicht mehr\nkomme nicht\
            \nimpossible to\ncant use\ncannot use\nunable to use\nkann ned\nkaun ned\nchan noed\nchan nid\nkein zugriff\
            \narent my\nisnt my\nwont my\ndont my\ndoesnt my\narent our\nisnt our\nwont our\ndont our\
            \nhavent been able to\nhasnt been able to\nhave not been able to\nhas not been able to\nnot been able to\
            \ncouldnt\ncould not\ncant seem to\nwont let me\nnot letting me
            """
        ),
        (
            .trouble,
            """
            \nwhats wrong with\nwhat is wrong with\nsomething up with\nwhats up with\nwhats going on with\
            \nwhat is going on with\nanything wrong with\nwas ist los mit\nwhats happening with\nwhat is happening with\
            \nwhats happened to\nwhat has happened to\nist bei euch was\nist bei euch grad was\nist bei euch gerade was\
            \nwas ist los bei euch\nist was bekannt\nist etwas bekannt\
            \nist bei euch was los\nisch bi oich oepis\nisch oepis\nis bei eich wos
            """
        ),
        // Names a service failure by itself.
        (
            .namesOutage,
            "outage outages outtage outtages blackout stoerung stoerungen stoerig usfall funkloch funkloecher"
        ),
        // Nothing works at all: a failure without naming the service.
        (
            .totalFailure,
            """
            📵 \nnothings working\nnothing works\nnothing is working\nnothing working\nnothing loading\nnothing loads\
            \nimmer noch nix\nimmer noch nichts\ngar nix geht\nnix lodt\nnix geht mehr\ngaht nuet\ngoht nuet\nlauft nuet\nsos only\nonly sos\
            \nnix geht\nnichts geht\ngar nichts geht\nois tot\nalles tot\nka seitn ladt\nkeine seite laedt\
            \nnuet ladet\nnuet meh\nladet goa nix\nlaedt gar nix\nlaedt gar nichts\
            \nnothing connects\nnothing will connect\nnothing is connecting\nnothing is loading\nnothing will load\nnothings loading\npages just spin\npages wont load\nnothing is getting through\nnothings getting through\
            \nemergency calls only\nemergency only\nonly emergency calls\nnur notruf\nnur notrufe\nnur sos
            """
        ),
        // A question, also without its "?": "is there a problem with texts in Leeds", "gibts a Störung".
        (
            .asking,
            """
            any anyone anybody jemand \
            \nis there\nare there\nis it\nis something\ngibt es\ngibts\ngits\nhat jemand\nhabt ihr\nhaben sie\nwhy is\nwhy are
            """
        ),
        // Between "no" and a service: what is missing is a quality of the service, or trouble with it.
        (
            .quality,
            """
            decent proper right good reliable better great stable fast usable consistent half problems problem \
            issues issue trouble complaints need gescheit gescheites ordentlich ordentliches vernuenftig \
            vernuenftiges anstaendig stabil stabiles schnell schnelles probleme stoerung stoerungen \
            their his her seine ihre ihren deren
            """
        ),
        // After "down", a direction, not a state ("down the road", "down to").
        (.direction, "the to under a on with road street hill"),
        (.slow, "slow slower speed speeds lag laggy buffering mbps langsam geschwindigkeit ruckelt ruckeln"),
        // Asks when the service returns ("when will my internet be back", "how long until texts are
        // fixed", "still waiting for my line to be fixed"), which says it is not back now: with a return
        // word after it, a question about an outage.
        (
            .awaiting,
            """
            \nwhen will\nwhen is\nwhen are\nwhen does\nwhen do\nwhen can\nhow long until\nhow long till\
            \nhow long before\nhow long will\nhow much longer\nany eta\neta on\neta for\nany idea when\nwann geht\
            \nwann ist\nwann wird\nwann kommt\nwann funktioniert\nwann laeuft\nwie lange noch\nwie lange dauert\nbis wann\nwaiting for\
            \nwaiting on\nwait for\nwarte auf\nwarten auf\nwarte drauf\nwarten drauf
            """
        ),
        (
            .returning,
            "back fix fixed restored repair repaired sorted resolved working wieder behoben repariert reparieren zurueck"
        ),
        // Asked of a service in a yes/no question: whether it fails now ("are texts working?", "is anyone
        // able to send texts?"). German "funktioniert X?" asks as often whether it works with something.
        (.working, "working \nable to"),
        // German "works": denied by a negation closing its clause ("die Daten gehen seit Mittag nicht").
        (
            .works,
            "geht gehen gaht goht funktioniert funktionieren funzt laeuft laufen lauft laedt laden tut tuet kommen kommt chunnt"
        ),
        (
            .agentReply,
            """
            \nsorry for the\nsorry to hear\nthanks for getting in touch\nthanks for reaching out\nthanks for letting us know\nthanks for your patience\
            \nsorry for any inconvenience\nour engineers\nour technicians\nour team is\nour team are\nunsere techniker\nwere aware\nwe are aware\ndm us\
            \nper pn\nmagst du uns\ndanke fuer deine nachricht\nlets get this sorted\nwell take a look\nwell check\nschauen wir uns\nwere not aware\nwe are not aware\nwe arent aware\ni apologize\nwe apologize\napologies for\ndrop us a dm\nsend us a dm\
            \nplease dm us\nentschuldigen sie\nschreib uns\nwere sorry\nwe are sorry\nsorry youre\nsorry you are\
            \nplease try restarting\nlet us know if\ntut mir leid\ntut uns leid\nschau ich nach\nschauen wir nach\nper dm
            """
        ),
    ]
}
