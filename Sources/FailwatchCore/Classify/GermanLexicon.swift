// SPDX-License-Identifier: Apache-2.0

/// failwatch's own German sentiment lexicon, written for this project (Apache-2.0).
///
/// The well-known German lexicons (SentiWS, GermanPolarityClues) are licensed for non-commercial
/// use only, so they cannot ship. Valences use VADER's scale (-4 ... +4). A suffix after the value
/// expands inflections: `A` adjective endings (-e -en -er -es -em, comparative -er, superlative
/// -st-), `N` noun endings (-e -en -n -s), `V` a verb stem (-e -en -t -st -et -te -ten -tet and the
/// participle ge-…-t). Forms that would collide with a common neutral word ("Gefahr" → "gefahren",
/// "Erfolg" → "erfolgen") are listed one by one instead. `a_b` is a phrase of consecutive words
/// ("danke_für_nichts"), whose valence replaces its words'. Lines starting with `#` are comments.
/// Words are folded on load (ä = ae).
enum GermanLexicon {
    static let data = """
        # Praise. What a provider is praised for (punctual, reliable, fast, friendly, cheap) weighs more
        # than everyday delight ("schön", "toll", "geil"), which mostly praises something else.
        gut 1.5 A
        besser 1.5 A
        beste 2.0
        besten 1.8
        bester 2.0
        bestes 2.0
        super 2.3 A
        toll 2.1 A
        klasse 1.9
        weltklasse 2.8
        prima 2.3
        spitze 2.5
        spitzenmäßig 2.6 A
        top 1.6
        perfekt 2.2 A
        genial 2.2 A
        großartig 2.4 A
        hervorragend 3.0 A
        ausgezeichnet 2.9 A
        exzellent 2.9 A
        wunderbar 2.3 A
        wunderschön 2.4 A
        schön 1.6 A
        nett 1.4 A
        freundlich 2.8 A
        superfreundlich 3.2 A
        kundenfreundlich 3.0 A
        benutzerfreundlich 2.6 A
        hilfsbereit 3.0 A
        zuvorkommend 3.0 A
        höflich 1.8 A
        aufmerksam 1.4 A
        kompetent 2.8 A
        professionell 1.8 A
        kulant 3.0 A
        kulanz 1.6
        zuverlässig 3.0 A
        pünktlich 2.4 A
        überpünktlich 1.8 A
        pünktlichkeit 1.8
        schnell 1.5 A
        zügig 1.8 A
        flott 1.9
        blitzschnell 3.0 A
        sauschnell 3.0
        reibungslos 3.0 A
        problemlos 2.8 A
        störungsfrei 2.7 A
        unkompliziert 2.6 A
        stressfrei 2.8 A
        stabil 1.8 A
        bequem 2.1 A
        gemütlich 1.5 A
        komfortabel 2.6 A
        komfort 1.2
        sauber 1.9 A
        angenehm 2.8 A
        entspannt 1.6 A
        zufrieden 2.0 A
        glücklich 2.6 A
        froh 2.0 A
        dankbar 2.1 A
        begeistert 2.8 A
        fantastisch 2.4 A
        phantastisch 2.4 A
        traumhaft 2.2 A
        herrlich 2.1 A
        lecker 1.8 A
        cool 1.2 A
        geil 1.6 A
        lustig 1.4 A
        witzig 1.3 A
        günstig 2.1 A
        preiswert 2.1 A
        fair 1.4 A
        empfehlenswert 2.3 A
        vorbildlich 2.5 A
        beeindruckend 2.4 A
        erfolgreich 2.0 A
        gelungen 2.1 A
        hübsch 1.6 A
        sympathisch 2.0 A
        grandios 2.9 A
        bombastisch 2.6 A
        praktisch 1.3 A
        übersichtlich 1.2 A
        verbessert 1.5 A
        kostenlos 1.8 A
        gratis 1.8
        schnäppchen 1.8 N
        erleichtert 2.0 A
        erleichterung 2.0 N
        # Thanks and praise words (thanks are mostly politeness; see RuleVocabulary).
        danke 1.6
        dankeschön 1.8
        dank 0.8
        merci 1.5
        bravo 2.5
        respekt 1.8
        chapeau 2.2
        juhu 2.3
        yay 2.2
        hurra 2.3
        endlich 0.6
        freude 1.9 N
        vorfreude 2.2
        spaß 1.7
        glück 2.3
        lob 2.2
        lobe 2.0
        loben 2.0
        gelobt 1.8
        liebe 0.8
        ich_liebe 2.8
        lieben 2.1
        liebt 2.1
        mag 1.0
        gefällt 1.4
        gefallen 1.2
        freue 1.6
        freuen 1.6
        freut 1.6
        empfehle 2.0
        empfehlen 2.0
        genieße 1.6
        genießen 1.6
        lohnt 1.5
        klappt 1.2
        geklappt 1.3
        hilft 1.2
        geholfen 1.6
        gelöst 1.6
        behoben 1.4
        erfolg 2.0
        erfolge 2.0
        vorteil 1.3 N
        verbesserung 1.5 N
        highlight 1.8 N
        bestens 2.4
        gerne 1.3
        gern 1.2
        hoffnung 1.0 N
        einigung 1.2 N
        hammer 1.0
        wow 1.8
        nice 2.0
        awesome 3.1
        love 2.6
        like 1.5
        thanks 1.9
        thx 1.6
        lol 0.6
        haha 0.8
        hahaha 0.9
        daumen_hoch 2.2
        gut_gemacht 2.4
        weiter_so 2.2
        großes_lob 2.8
        ein_lob 2.4
        vielen_dank 1.8
        herzlichen_dank 2.0
        besten_dank 2.0
        tausend_dank 2.2
        hat_geklappt 1.6
        hat_alles_geklappt 2.2
        alles_bestens 2.4
        gute_arbeit 2.2
        toller_service 2.8
        super_service 2.8
        guter_service 2.2
        schnelle_hilfe 2.2
        schnell_geholfen 2.2
        gute_besserung 0.8
        zum_glück 1.2
        gott_sei_dank 1.6
        # Greetings and wishes: polite forms, not a verdict on the service.
        guten_morgen 0
        guten_tag 0
        guten_abend 0
        gute_nacht 0
        gute_fahrt 0.3
        gute_reise 0.3
        guten_rutsch 0
        frohe_weihnachten 0.3
        schönen_tag 0.3
        schönen_abend 0.3
        schönes_wochenende 0.3
        schönen_sonntag 0.3
        liebe_grüße 0
        viele_grüße 0
        beste_grüße 0
        herzliche_grüße 0
        freundliche_grüße 0
        freundlichen_grüßen 0
        am_besten 0.3
        erste_klasse 0
        zweite_klasse 0
        1_klasse 0
        2_klasse 0
        # Sarcasm: praise words turned against the service.
        danke_für_nichts -2.8
        na_toll -1.8
        na_super -1.8
        na_prima -1.8
        na_klasse -1.8
        na_großartig -1.8
        vielen_dank_auch -1.8
        danke_auch -1.2
        ganz_toll -0.6
        ist_ein_witz -2.2
        ein_witz -1.8
        im_stich_gelassen -2.4
        unter_aller_sau -3.0
        unter_aller_kanone -2.8
        unterste_schublade -2.8
        geht_gar_nicht -2.2
        # General negative words.
        schlecht -2.3 A
        schlechter -2.4 A
        schlechtest -2.9 A
        mies -2.4 A
        miserabel -3.0 A
        grottig -2.8 A
        grottenschlecht -3.2 A
        unterirdisch -2.6 A
        furchtbar -2.9 A
        schrecklich -2.9 A
        fürchterlich -2.9 A
        katastrophal -3.1 A
        unmöglich -2.0 A
        peinlich -2.2 A
        ärgerlich -2.3 A
        nervig -2.1 A
        lästig -1.8 A
        blöd -2.0 A
        doof -1.9 A
        dumm -2.1 A
        dämlich -2.3 A
        bescheuert -2.4 A
        beschissen -3.0 A
        scheiß -2.8
        scheiss -2.8
        scheiße -3.0
        scheisse -3.0
        kacke -2.7
        mist -2.2
        shit -2.6
        fuck -2.5
        wtf -2.0
        fail -2.2
        epic -0.3
        sucks -2.0
        kotzen -2.7
        kotz -2.6
        ankotzen -2.8
        kotzt -2.7
        nervt -2.2
        nerven -1.6
        genervt -2.3 A
        ärgert -2.1
        ärgere -2.1
        ärgern -2.1
        ärger -2.2
        wut -2.8
        wütend -2.9 A
        sauer -2.1 A
        stinksauer -3.0 A
        angepisst -2.6 A
        verärgert -2.3 A
        empört -2.3 A
        entsetzt -2.4 A
        fassungslos -2.0 A
        frustriert -2.5 A
        frust -2.4
        frustrierend -2.6 A
        enttäuscht -2.5 A
        enttäuschend -2.5 A
        enttäuschung -2.6 N
        traurig -2.2 A
        leider -1.2
        schade -1.6
        unfreundlich -2.2 A
        pampig -2.2 A
        patzig -2.0 A
        herablassend -2.0 A
        unverschämt -2.9 A
        unverschämtheit -3.0 N
        frechheit -2.8 N
        dreist -2.3 A
        dreistigkeit -2.4 N
        zumutung -2.7 N
        sauerei -2.7 N
        skandal -2.7 N
        skandalös -2.8 A
        katastrophe -3.0 N
        desaster -3.0 N
        debakel -2.8 N
        chaos -2.2
        chaotisch -2.2 A
        planlos -1.9 A
        ahnungslos -1.6 A
        überfordert -1.6 A
        abzocke -2.9 N
        abgezockt -2.8 A
        wucher -2.5
        betrug -3.0
        betrüger -3.0 N
        betrogen -2.8 A
        lüge -2.6 N
        gelogen -2.5
        unfähig -2.7 A
        inkompetent -2.7 A
        unzuverlässig -2.3 A
        unpünktlich -2.1 A
        unbrauchbar -2.5 A
        nutzlos -2.4 A
        sinnlos -2.0 A
        überteuert -2.2 A
        teuer -1.3 A
        langsam -0.8 A
        lahm -1.9 A
        träge -1.4 A
        schneckentempo -2.0
        kaputt -2.2 A
        defekt -2.0 A
        marode -2.2 A
        dreckig -2.2 A
        verdreckt -2.3 A
        versifft -2.5 A
        schmutzig -1.9 A
        eklig -2.5 A
        ekelhaft -2.7 A
        überfüllt -1.9 A
        rappelvoll -1.2 A
        gedränge -1.4
        stickig -1.6 A
        unangenehm -1.9 A
        unzumutbar -2.7 A
        inakzeptabel -2.6 A
        unakzeptabel -2.6 A
        unerträglich -2.8 A
        lächerlich -2.3 A
        lachhaft -2.3 A
        bodenlos -2.4 A
        absurd -1.8 A
        schikane -2.3 N
        willkür -2.2
        ausrede -1.6 N
        vertröstet -1.8 A
        abgewimmelt -2.0 A
        ignoriert -1.9 A
        verarscht -2.8 A
        verarsche -2.8 N
        veräppelt -2.3 A
        # Service failures: delays, cancellations, breakdowns, waiting.
        verspätet -1.7 A
        verspätung -1.8
        verspätungen -1.8
        verzögerung -1.5 N
        ausgefallen -1.6 A
        gestrichen -1.2 A
        gesperrt -1.4 A
        verpasst -0.5 A
        gestrandet -2.0 A
        steckengeblieben -1.9 A
        liegengeblieben -1.9 A
        festgesessen -1.8
        ausfall -1.9
        ausfälle -1.9
        störung -1.6 N
        problem -1.5 N
        probleme -1.5
        fehler -1.6 N
        panne -1.8 N
        mangel -1.6
        mängel -1.7
        schaden -1.6
        beschwerde -1.8 N
        warteschleife -1.5 N
        wartezeit -1.2 N
        stundenlang -1.2
        tagelang -1.2
        wochenlang -1.4
        ewig -0.8
        streik -1.2 N
        streiks -1.2
        gestreikt -1.2
        stress -1.8
        gestresst -1.9 A
        stressig -1.9 A
        müde -1.0 A
        ruckelt -1.5
        ruckeln -1.4
        abgestürzt -1.6 A
        preiserhöhung -1.3 N
        mahnung -1.2 N
        inkasso -1.8
        anschluss_verpasst -2.2
        anschlusszug_verpasst -2.2
        zug_verpasst -1.8
        sitze_fest -2.0
        sitzen_fest -2.0
        stecke_fest -2.0
        stecken_fest -2.0
        doppelt_abgebucht -2.2
        zu_viel_berechnet -2.2
        falsche_rechnung -2.0
        keine_durchsage -1.6
        keine_info -1.4
        keine_infos -1.4
        keine_information -1.4
        keine_informationen -1.4
        keine_auskunft -1.6
        entfällt -1.2
        entfallen -1.0
        teurer -1.3 A
        preiserhöhungen -1.3
        ungewiss -0.8 A
        schwierig -1.0 A
        kapitulieren -1.5
        kapituliert -1.5
        nichts_gebracht -1.6
        hat_nichts_gebracht -1.8
        kein_verlass -2.2
        fürn_arsch -2.8
        # Relief and recovery: a disruption or dispute is over.
        aufatmen 2.4
        atmen_auf 2.2
        aufgeatmet 2.2
        entwarnung 1.8
        läuft_wieder 1.4
        geht_wieder 1.4
        funktioniert_wieder 1.6
        fährt_wieder 1.4
        fahren_wieder 1.4
        rollen_wieder 1.4
        rollt_wieder 1.4
        wieder_nach_fahrplan 1.4
        wieder_planmäßig 1.4
        ist_behoben 1.6
        wurde_behoben 1.6
        störung_behoben 1.8
        problem_gelöst 2.0
        keine_probleme 1.4
        kein_problem 0.8
        nichts_zu_meckern 2.0
        nichts_auszusetzen 2.0
        # Insults and contempt, aimed at staff, fellow passengers or the provider.
        idiot -2.3
        idioten -2.3
        vollidiot -2.8
        vollidioten -2.8
        trottel -2.2
        depp -2.0
        deppen -2.0
        penner -2.0
        vollpfosten -2.4
        asozial -2.4 A
        assi -2.0
        assis -2.0
        dilettantisch -2.5 A
        dilettanten -2.4
        stümper -2.2
        stümperhaft -2.4 A
        pfusch -2.2
        murks -2.2
        schrott -2.4
        schrottreif -2.4
        bekloppt -2.2 A
        irrsinn -2.0
        irrsinnig -1.6 A
        beschämend -2.4 A
        schändlich -2.5 A
        blamabel -2.3 A
        blamage -2.3 N
        armutszeugnis -2.6
        saftladen -2.6
        sauhaufen -2.6
        drecksladen -2.8
        dreck -2.2
        müll -1.6
        fiasko -2.8
        farce -2.4
        trauerspiel -2.5
        tragödie -2.4 N
        misere -2.2
        schlamassel -2.0
        reinfall -2.2
        ärgernis -2.2
        ätzend -2.4 A
        scheußlich -2.6 A
        grauenhaft -2.8 A
        grausam -2.4 A
        grässlich -2.6 A
        widerlich -2.7 A
        abartig -2.5 A
        ekel -2.4
        empörung -2.2
        empörend -2.5 A
        unmut -1.8
        zorn -2.5
        verzweifelt -2.2 A
        verzweiflung -2.4
        hilflos -1.8 A
        ratlos -1.4 A
        unzufrieden -2.2 A
        unzufriedenheit -2.2
        unverständnis -1.8
        bitter -1.4 A
        verlogen -2.6 A
        lügen -2.4
        verarschen -2.8
        verfickt -2.8 A
        scheißegal -1.8
        fluchen -1.6
        geflucht -1.6
        beschweren -1.4
        beschwert -1.4
        heulen -1.4
        frieren -1.4
        friere -1.4
        eiskalt -1.2 A
        saukalt -1.8
        arschkalt -2.0
        affenhitze -1.6
        bullenhitze -1.6
        # Service failures and shortcomings.
        verzögert -1.2 A
        verzögerungen -1.5
        versäumnis -1.8
        versäumnisse -1.8
        unfreundlichkeit -2.2
        unpünktlichkeit -2.2
        unzuverlässigkeit -2.2
        inkompetenz -2.6
        ignoranz -2.4
        arroganz -2.2
        ewigkeit -1.2
        ewigkeiten -1.4
        zwangspause -1.6
        stillstand -1.6
        gefangen -1.6
        stranden -1.8
        strandeten -1.8
        feststecken -1.8
        festsitzen -1.8
        stehengeblieben -1.6 A
        liegen_geblieben -1.8
        stehen_geblieben -1.6
        vergeblich -1.5 A
        verweigert -1.8 A
        rausgeworfen -2.0
        rausgeschmissen -2.0
        abkassiert -2.2
        abkassieren -2.2
        geprellt -2.4
        nepp -2.4
        unübersichtlich -1.6 A
        undurchschaubar -1.8 A
        undurchsichtig -1.6 A
        durcheinander -1.2
        heruntergekommen -2.2 A
        runtergekommen -2.0 A
        vergammelt -2.2 A
        veraltet -1.2 A
        kaputtgespart -2.5
        dürftig -1.8 A
        kläglich -2.2 A
        mittelmäßig -1.2 A
        verheerend -2.6 A
        fatal -2.0 A
        störend -1.4 A
        stört -1.4
        stören -1.2
        nachteil -1.3 N
        beeinträchtigt -1.4 A
        beeinträchtigung -1.4 N
        einschränkung -1.0 N
        lahmgelegt -2.0 A
        lahmlegen -2.0
        legt_lahm -2.0
        verkehr_eingestellt -1.8
        zugverkehr_eingestellt -1.8
        betrieb_eingestellt -1.8
        mal_wieder -0.8
        schon_wieder -1.0
        wieder_mal -0.8
        wie_üblich -0.6
        zu_spät -1.0
        zu_wenig -1.0
        keine_ahnung -0.8
        na_danke -1.6
        herzlichen_dank_auch -1.8
        arschloch -3.0
        arschlöcher -3.0
        chaot -2.2 N
        verrotten -2.2
        verrottet -2.2 A
        erschreckend -2.2 A
        verschlissen -1.6 A
        abgehängt -1.6 A
        abgeschafft -1.0 A
        unliebsam -1.6 A
        betrügerei -2.4 N
        gesprengt -1.8 A
        abgerissen -1.2 A
        erdrutsch -1.6
        zum_erliegen -1.8
        außer_betrieb -1.6
        ausfällt -1.6
        ausfallen -1.4
        sperrung -0.8 N
        aufreger -1.6 N
        betrunken -1.2 A
        besoffen -1.4 A
        geschrei -1.4
        gebrüll -1.4
        gestank -2.0
        pisse -2.2
        kotze -2.4
        fucken -2.4
        fuckt -2.4
        gefickt -2.6
        nervenaufreibend -2.0 A
        vergeudet -1.8 A
        verschwendet -1.6 A
        zeitverschwendung -2.2
        keine_lust -1.2
        kein_bock -1.4
        null_bock -1.4
        schnauze_voll -2.4
        nase_voll -2.0
        es_reicht -1.6
        auf_die_nerven -2.0
        auf_den_sack -2.2
        auf_den_keks -1.8
        # Crime, violence and accidents in trains and stations.
        räuber -2.2 N
        raub -2.4
        überfall -2.6 N
        überfallen -2.6
        diebstahl -2.2
        dieb -2.0 N
        gestohlen -2.0 A
        geklaut -2.0 A
        entwendet -1.6 A
        gewalt -2.4
        schlägerei -2.4 N
        missbrauch -2.6
        missbraucht -2.6 A
        vergewaltigt -3.0
        bedroht -2.2 A
        bedrohung -2.2 N
        bespuckt -2.4
        beleidigt -2.0 A
        beschimpft -2.0 A
        randale -2.2
        randalierer -2.2 N
        vandalismus -2.2
        verwüstet -2.2 A
        anschlag -2.4
        entgleist -2.2 A
        entgleisung -2.2 N
        kollision -2.0 N
        zusammenstoß -2.2
        unglück -2.4
        gestorben -2.2
        getötet -2.8
        leiche -2.4
        selbstmord -2.4
        risiko -1.4
        risiken -1.4
        # Criticism and conflict.
        kritik -1.2 N
        kritisiert -1.3 A
        kritisieren -1.3
        beklagt -1.3 A
        beklagen -1.3
        unprofessionell -2.2 A
        arsch -2.2
        # Feelings and harm.
        angst -2.0
        sorge -1.4
        gefahr -1.9
        gefährlich -2.0 A
        unfall -1.5 N
        tot -2.0 A
        tote -1.8 N
        tod -2.6
        verletzt -2.2 A
        verletzte -2.3 N
        krank -1.8 A
        hass -3.0
        hasse -3.0
        hassen -3.0
        hasst -3.0
        verflucht -2.5 A
        verdammt -2.3 A
        leid -1.3
        pech -1.8
        elend -2.5 A
        horror -2.6
        hölle -2.6
        leiden -1.8
        leidet -1.8
        misshandelt -2.6 A
        misshandeln -2.6
        verprügelt -2.6 A
        verprügeln -2.6
        geschlagen -1.6 A
        angegriffen -2.2 A
        pöbeln -2.0
        pöbelt -2.0
        pöbelnde -2.0
        belästigt -2.2 A
        belästigung -2.2 N
        schläger -2.0 N
        rassistisch -2.4 A
        albtraum -2.8
        alptraum -2.8
        übel -2.0 A
        schlimm -2.3 A
        schlimmer -2.5 A
        schlimmst -2.9 A
        heftig -1.0 A
        armselig -2.4 A
        erbärmlich -2.7 A
        jämmerlich -2.5 A
        schwach -1.4 A
        mangelhaft -2.2 A
        ungenügend -2.1 A
        unnötig -1.4 A
        umständlich -1.5 A
        kompliziert -1.2 A
        verwirrend -1.3 A
        ungerecht -2.1 A
        unfair -2.0 A
        unhöflich -2.1 A
        respektlos -2.4 A
        arrogant -2.2 A
        gekündigt -1.0 A
        kündigen -1.3
        kündige -1.5
        kündigung -1.1 N
        versagt -2.4
        versagen -2.4
        versager -2.6 N
        pfui -2.4
        igitt -2.2
        schande -2.5
        argh -1.9
        grr -1.9
        grrr -2.1
        seufz -1.2
        hä -0.6
        stinkt -2.0
        stinken -2.0
        stinkend -2.0 A
        lärm -1.5
        boykott -2.0
        boykottiert -2.0
        fake -1.5
        gefährdet -1.6 A
        überlastet -1.8 A
        verschmutzt -1.9 A
        unpraktisch -1.5 A
        unbequem -1.6 A
        unverständlich -1.7 A
        rücksichtslos -2.3 A
        flop -2.0
        bashing -1.5
        """
}
