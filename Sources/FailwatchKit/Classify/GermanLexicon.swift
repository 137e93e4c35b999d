// SPDX-License-Identifier: Apache-2.0

/// failwatch's own German sentiment lexicon, written for this project (Apache-2.0).
///
/// The well-known German lexicons (SentiWS, GermanPolarityClues) are licensed for non-commercial
/// use only, so they cannot ship. Valences use VADER's scale (-4 ... +4). A suffix after `/`
/// expands inflections: `A` adjective endings (-e -en -er -es -em, comparative -er, superlative
/// -st-), `N` noun plural/case endings (-e -en -n -s -er), `V` a verb stem (-e -en -t -st -et -te
/// -ten -tet and the participle ge-…-t). Words are folded on load (ä = ae).
enum GermanLexicon {
    static let data = """
        gut 1.9 A
        besser 1.9 A
        best 2.5 A
        super 2.9 A
        toll 2.6 A
        klasse 2.4
        prima 2.3
        spitze 2.5
        top 2.0
        perfekt 2.8 A
        genial 2.8 A
        großartig 3.0 A
        hervorragend 3.0 A
        ausgezeichnet 2.9 A
        wunderbar 2.9 A
        wunderschön 3.0 A
        schön 2.0 A
        nett 1.7 A
        freundlich 1.9 A
        hilfsbereit 2.1 A
        kompetent 1.9 A
        zuverlässig 2.0 A
        pünktlich 1.6 A
        schnell 1.0 A
        stabil 1.2 A
        bequem 1.4 A
        sauber 1.3 A
        angenehm 1.9 A
        entspannt 1.6 A
        zufrieden 2.0 A
        glücklich 2.6 A
        froh 2.0 A
        dankbar 2.1 A
        begeistert 2.8 A
        fantastisch 3.0 A
        phantastisch 3.0 A
        traumhaft 2.8 A
        herrlich 2.6 A
        lecker 2.2 A
        cool 1.5 A
        geil 2.0 A
        lustig 1.7 A
        witzig 1.6 A
        günstig 1.4 A
        preiswert 1.4 A
        fair 1.4 A
        empfehlenswert 2.3 A
        vorbildlich 2.5 A
        beeindruckend 2.4 A
        erfolgreich 2.0 A
        gelungen 2.1 A
        hübsch 2.0 A
        lieb 2.0 A
        danke 1.6
        dankeschön 1.8
        vielen 0.3
        dank 1.5
        merci 1.5
        bravo 2.5
        juhu 2.3
        yay 2.2
        hurra 2.3
        endlich 0.6
        freude 2.4 N
        spaß 2.1
        glück 2.3
        lob 2.2
        liebe 2.6
        lieben 2.6
        liebt 2.6
        liebe 2.6
        mag 1.3
        gefällt 1.8
        gefallen 1.5
        freue 2.0
        freuen 2.0
        freut 2.0
        empfehle 2.0
        empfehlen 2.0
        genieße 2.0
        genießen 2.0
        lohnt 1.5
        klappt 1.2
        geklappt 1.3
        hilft 1.2
        geholfen 1.6
        gelöst 1.6
        behoben 1.4
        erfolg 2.0 N
        vorteil 1.3 N
        verbesserung 1.5 N
        highlight 1.8 N
        bestens 2.4
        gerne 1.3
        gern 1.2
        hoffentlich 0.5
        hoffnung 1.2 N
        wow 2.3
        nice 2.0
        awesome 3.1
        love 3.2
        like 1.5
        thanks 1.9
        thx 1.6
        lol 1.8
        haha 2.0
        hahaha 2.2
        schlecht -2.3 A
        schlechter -2.4 A
        schlechtest -2.9 A
        mies -2.4 A
        miserabel -3.0 A
        grottig -2.8 A
        grottenschlecht -3.2 A
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
        ärger -2.2
        wut -2.8
        wütend -2.9 A
        sauer -2.1 A
        stinksauer -3.0 A
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
        unverschämt -2.9 A
        unverschämtheit -3.0 N
        frechheit -2.8 N
        zumutung -2.7 N
        sauerei -2.7 N
        skandal -2.7 N
        skandalös -2.8 A
        katastrophe -3.0 N
        desaster -3.0 N
        chaos -2.2
        chaotisch -2.2 A
        abzocke -2.9 N
        abgezockt -2.8 A
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
        langsam -1.4 A
        lahm -1.9 A
        träge -1.4 A
        kaputt -2.2 A
        defekt -2.0 A
        marode -2.2 A
        dreckig -2.2 A
        schmutzig -1.9 A
        eklig -2.5 A
        ekelhaft -2.7 A
        überfüllt -1.9 A
        voll 0.0
        kalt -0.6 A
        eng -0.7 A
        stickig -1.6 A
        laut -0.7 A
        unangenehm -1.9 A
        unzumutbar -2.7 A
        inakzeptabel -2.6 A
        unakzeptabel -2.6 A
        unerträglich -2.8 A
        lächerlich -2.3 A
        absurd -1.8 A
        verspätet -1.7 A
        verspätung -1.8 N
        verzögerung -1.5 N
        ausgefallen -1.6 A
        gestrichen -1.5 A
        gesperrt -1.6 A
        verpasst -1.7 A
        gestrandet -2.0 A
        ausfall -1.9
        ausfälle -1.9
        störung -1.6 N
        problem -1.5 N
        probleme -1.5
        fehler -1.6 N
        mangel -1.6
        mängel -1.7
        schaden -1.9
        beschwerde -1.8 N
        warteschleife -1.5 N
        wartezeit -1.2 N
        stress -1.8
        gestresst -1.9 A
        stressig -1.9 A
        müde -1.0 A
        angst -2.0
        sorge -1.4 N
        gefahr -1.9 N
        gefährlich -2.0 A
        unfall -2.2 N
        tot -2.0 A
        tote -2.5 N
        tod -2.6
        verletzt -2.2 A
        verletzte -2.3 N
        krank -1.8 A
        streik -1.6 N
        streiks -1.6
        gestreikt -1.6
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
        ignoriert -1.9 A
        verarscht -2.8 A
        verarsche -2.8 N
        veräppelt -2.3 A
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
        kostenlos 1.5 A
        gratis 1.5
        schnäppchen 1.8 N
        aufatmen 1.8
        erleichtert 2.0 A
        erleichterung 2.0 N
        praktisch 1.3 A
        komfortabel 1.8 A
        komfort 1.2
        verbessert 1.5 A
        einigung 1.2 N
        hammer 1.5
        sauschnell 2.2
        bombastisch 2.6 A
        klasse 2.4
        angenehm 1.9 A
        grandios 2.9 A
        sympathisch 2.0 A
        stinkt -2.0
        stinken -2.0
        stinkend -2.0 A
        ärgern -2.1
        dreist -2.3 A
        dreistigkeit -2.4 N
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
        genervt -2.3 A
        """
}
