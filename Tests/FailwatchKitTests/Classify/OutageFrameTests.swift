// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchKit
import Testing

// The outage frame: a service + a failure + now + whose. Every sentence here is written for these
// tests; each guard family has its own test, so a rule that breaks one family says which.

private let rules = Classifier()

private func verdict(_ text: String, _ lang: String) -> Classification {
    rules.classify(text, language: lang)
}

/// A guard that leaves a grievance: no outage, but a complaint.
private func expectComplaintNotOutage(_ text: String, _ lang: String) {
    let c = verdict(text, lang)
    #expect(!c.outage, "\(c.reasons)")
    #expect(c.complaint, "\(c.reasons)")
}

/// An outage report, naming `symptom` when given.
private func expectOutage(_ text: String, _ lang: String, symptom: Symptom? = nil) {
    let c = verdict(text, lang)
    #expect(c.outage, "\(c.reasons)")
    if let symptom { #expect(c.symptom == symptom, "\(c.reasons)") }
}

private func expectNoOutage(_ text: String, _ lang: String) {
    let c = verdict(text, lang)
    #expect(!c.outage, "\(c.reasons)")
}

/// An outage report or none, as `outage` says.
private func expectOutage(_ text: String, _ lang: String, is outage: Bool) {
    let c = verdict(text, lang)
    #expect(c.outage == outage, "\(c.reasons)")
}

@Test(arguments: [
    ("my mobile data hasnt worked since lunchtime, anyone else?", "en", Symptom.mobileData),
    ("Is Telco down? no signal at all in Leeds", "en", .signal),
    ("texts arent sending tonight, is there a problem with sms in Hull?", "en", .sms),
    ("cant make calls since 9am, emergency only on the screen", "en", .calls),
    ("broadband still down, third day now", "en", .internet),
    ("all the tv channels are gone tonight", "en", .tv),
    ("our site on their servers returns 503 since ten minutes", "en", .hosting),
    ("webmail not loading, mail server refuses my login", "en", .email),
    ("landline has no dial tone again this morning", "en", .phone),
    ("Seit 20 Minuten kein Internet, bei euch auch?", "de", .internet),
    ("Handy zeigt kein Netz, ist bei Funkwelle was kaputt?", "de", .signal),
    ("Fernsehen geht seit dem Abend nicht mehr", "de", .tv),
    ("Festnetz tot, schonwieder", "de", .phone),
    ("S Internet isch scho wieder weg", "de", .internet),  // Swiss
    ("Des Internet geht ned, seit a Stund", "de", .internet),  // Austrian
    ("whatsapp is down for me right now", "en", .app),
    // Every common way of saying a service fails, not only the textbook one.
    ("none of my texts are sending tonight", "en", .sms),
    ("mobile data has been non-existent all day", "en", .mobileData),
    ("our VPS is unreachable since 2pm, no ping at all", "en", .hosting),
    ("all my emails are bouncing this morning", "en", .email),
    ("phone says SOS only, what is going on", "en", .signal),
    ("Handy zeigt nur Notruf an, seit einer Stunde", "de", .signal),
    ("Die Datenbank bei unserem Hoster ist nicht erreichbar", "de", .hosting),
    ("I kaun ned telefonieren, seit heit in da Früh", "de", .calls),  // Austrian
    ("d Mails chömed nöd a sit em Morge", "de", .email),  // Swiss
    ("📵 seit heute Mittag in Linz", "de", .signal),
    // A message that never leaves or never arrives.
    ("my texts are not delivering to anyone since lunch", "en", .sms),
    ("every sms stuck on sending tonight", "en", .sms),
    ("SMS hängen beim Senden, seit dem Vormittag", "de", .sms),
])
func outageReportsNameWhatFailed(text: String, lang: String, symptom: Symptom) {
    expectOutage(text, lang, symptom: symptom)
}

@Test(arguments: [
    ("the broadband was down for two hours yesterday, still no apology", "en"),
    ("internet is back now after the outage, not good enough", "en"),
    ("Gestern Abend war das Internet drei Stunden weg. Kein Wort vom Anbieter.", "de"),
    ("Internet geht wieder, aber drei Stunden Ausfall ist eine Frechheit", "de"),
    ("the outage is over, three hours without a word from you", "en"),
    ("Die Störung ist vorbei, aber drei Stunden ohne Info von euch", "de"),
    ("Hatte den ganzen Vormittag kein Internet, so eine Frechheit", "de"),
    ("s Internet isch am Morge zwei Stund weg gsi, das isch e Frechheit", "de"),
    ("the outage the other day lasted four hours, no compensation offered", "en"),
])
func aPastOutageIsAComplaint(text: String, lang: String) {
    expectComplaintNotOutage(text, lang)
}

@Test(arguments: [
    ("Bluewave is down all over town, glad I'm with Telco", "en"),
    ("Bei Kabelnet ist alles tot, bei mir läuft alles. Zum Glück gewechselt.", "de"),
    ("whatsapp is down, the internet is fine, not an isp thing", "en"),
])
func anotherCompanysOutageWithContrastIsNoOutageOfTheWriters(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("power cut on our street, everything is dead", "en"),
    ("Strom ausgefallen im ganzen Viertel", "de"),
    ("the heating is broken again and the engineer comes friday", "en"),
    ("Zug fällt aus, Stellwerk kaputt", "de"),
    ("the parcel delivery failed twice, courier is useless", "en"),
    ("my phone screen is broken after I dropped it", "en"),
])
func otherThingsFailingAreNoOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("I'm down for pizza tonight", "en"),
    ("the new shop is just down the road", "en"),
    ("calm down mate, it is only a game", "en"),
    ("I'm dead 😂", "en"),
    ("we are so down for this", "en"),
])
func idiomsAreNoOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("they are closing down the store in town", "en"),
    ("why are you shutting down the rewards app?", "en"),
    ("I want to cancel my contract and disconnect the line", "en"),
    ("Ich will kündigen, Vertrag läuft aus und die Leitung wird abgeschaltet", "de"),
])
func cancellingOrClosingDownIsNoOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("Planned maintenance on Tuesday night: internet may be down between 1 and 3am", "en"),
    ("Geplante Wartungsarbeiten: heute Nacht kann es zu Unterbrechungen kommen", "de"),
])
func maintenanceNoticesAreNoOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("Never lose signal again with our new network. Switch today!", "en"),
    ("RT @TelcoNews: No outages with our fibre, 99.9% uptime guaranteed", "en"),
    ("Nie wieder offline: Glasfaser mit Verfügbarkeitsgarantie. Jetzt wechseln!", "de"),
])
func marketingAndItsRepostsAreNoOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("my broadband is so slow tonight, useless, it takes ages to load anything", "en"),
    ("Internet am Abend so langsam, Videos ruckeln", "de"),
])
func aSlowLineThatWorksIsAComplaint(text: String, lang: String) {
    expectComplaintNotOutage(text, lang)
}

@Test(arguments: [
    ("your app keeps crashing and I cant log in to pay my bill", "en"),
    ("the website login is down again, cannot see my bill", "en"),
    ("Die Kundenportal-Seite geht nicht, Rechnung kann ich nicht sehen", "de"),
])
func providerSystemsAreAComplaint(text: String, lang: String) {
    expectComplaintNotOutage(text, lang)
}

@Test(arguments: [
    ("got my new sim today and still no service, activation is taking ages", "en"),
    ("paid the bill but they barred my number, no service now", "en"),
])
func noServiceTheWritersAccountExplainsIsAComplaint(text: String, lang: String) {
    expectComplaintNotOutage(text, lang)
}

@Test func aRetweetIsMarkedAsARepost() {
    #expect(verdict("RT @someone: no internet in Graz since noon", "en").repost)
    #expect(!verdict("no internet in Graz since noon, RT if you too", "en").repost)
}

@Test func explainNamesTheFrameAndTheGuard() {
    let outage = verdict("@Telco my broadband is still down", "en")
    #expect(
        outage.reasons.contains {
            $0.hasPrefix("outage frame:") && $0.contains("\"broadband\"") && $0.contains("\"still\"")
        })
    let past = verdict("my broadband was down yesterday", "en")
    #expect(past.reasons.contains { $0.hasPrefix("outage guard:") && $0.contains("past") })
}

@Test func anOutageKeepsTheSentimentItsWordsHave() {
    let mild = verdict("internet down", "en")
    let angry = verdict("internet down AGAIN, absolutely useless and pathetic!!", "en")
    #expect(mild.outage && angry.outage)
    #expect(mild.sentiment != angry.sentiment)
    #expect(angry.sentiment < mild.sentiment)
}

@Test func perProviderVerdictsFollowTheirOwnClauses() {
    let classifier = Classifier(providers: [
        ProviderTerms(id: "a1", name: "A1"), ProviderTerms(id: "liwest", name: "LIWEST", hashtags: ["liwest"]),
    ])
    let c = classifier.classify("A1 is down all over Vienna, glad I'm with LIWEST", language: "en")
    let a1 = c.providers.first { $0.id == "a1" }
    let liwest = c.providers.first { $0.id == "liwest" }
    #expect(a1?.outage == true, "\(c.reasons)")
    #expect(a1?.symptom != nil)
    #expect(liwest?.outage == false, "\(c.reasons)")
    #expect(liwest?.symptom == nil)
    // One match per place in the text, named as written: no "#liwest" for a plain word.
    let matches = c.reasons.filter { $0.hasPrefix("provider liwest") }
    #expect(matches == ["provider liwest (\"LIWEST\")"])
}

@Test func negativeTermsCountAsComplaintWords() {
    let plain = Classifier().classify("Bereitstellung verschoben", language: "de")
    let configured = Classifier(extraNegativeTerms: ["Bereitstellung verschoben"])
        .classify("Bereitstellung verschoben", language: "de")
    #expect(!plain.complaint)
    #expect(configured.complaint, "\(configured.reasons)")
}

@Test(arguments: [
    ("is there a problem with texts in Hull tonight", "en"),
    ("any issues with broadband in LS6", "en"),
    ("gibt es Probleme mit dem Netz in Bern", "de"),
])
func aQuestionWithoutItsQuestionMarkCounts(text: String, lang: String) {
    expectOutage(text, lang)
}

@Test(arguments: [
    ("Telcoria scho wieda weg?", "de"),
    ("Wavenet broke again??", "en"),
    ("@telco dead again", "en"),
    ("@telco down", "en"),
    ("Another outage, third this month", "en"),
])
func aFailureWordWithoutAServiceReportsAnOutageWhenAskedNowOrSaidOfTheProvider(text: String, lang: String) {
    expectOutage(text, lang)
}

@Test func aConfiguredProvidersNameAndAFailureWordAloneReportAnOutage() {
    let classifier = Classifier(providers: [ProviderTerms(id: "kabelnet", name: "Kabelnet")])
    let c = classifier.classify("Kabelnet tot.", language: "de")
    #expect(c.outage, "\(c.reasons)")
    #expect(c.providers.first?.outage == true)
    #expect(!Classifier().classify("Kabelnet tot.", language: "de").outage)
}

@Test(arguments: [
    ("@telco my team is out of the cup, cheer me up with a discount", "en"),
    ("Mein Drucker ist kaputt.", "de"),
    ("our team got knocked out in the first round", "en"),
])
func aFailureWordWithoutServiceNowQuestionOrProviderIsNoOutage(text: String, lang: String) {
    let c = verdict(text, lang)
    #expect(!c.outage, "\(c.reasons)")
}

@Test(arguments: [
    ("Bin dann mal weg!", "de"),
    ("Check it out!", "en"),
    ("Mum is dead tired tonight", "en"),
    ("Grandad is dead.", "en"),
    ("I'm broke.", "en"),
])
func aNameFailureNeedsANameThatIsNoPerson(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("I'd settle for a half decent signal in this town", "en"),
    ("no problems with my internet since the upgrade", "en"),
    ("no decent 4G anywhere in town", "en"),
    ("Kein gescheites Netz in unserem Tal, nie gehabt", "de"),
])
func aMissingQualityIsNoMissingService(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("signal always drops on the train between Leeds and York", "en"),
    ("reception is rubbish whenever I'm in the city centre", "en"),
    ("Im Zug nach Wien hab ich unterwegs kein Netz", "de"),
])
func coverageWhereOneGoesIsChronic(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("it's back now after four hours without broadband", "en"),
    ("Endlich wieda Internet, drei Stunden woar's weg", "de"),  // Austrian
    ("Internet gaht wieder, aber sit em Morge isch es dreimal usgfalle", "de"),  // Swiss
])
func aServiceSaidToBeBackReportsNoOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("calls and texts are fine but no mobile data since noon", "en", Symptom.mobileData),
    ("Telefon läuft einwandfrei, aber kein Internet seit heute früh", "de", .internet),
])
func onePartDownWhileTheRestWorksIsAnOutage(text: String, lang: String, symptom: Symptom) {
    expectOutage(text, lang, symptom: symptom)
}

@Test func sayingThereIsNoGuaranteeIsNoMarketing() {
    expectOutage("no signal for 30 hours now and still no guarantee it gets fixed", "en")
}

@Test(arguments: [
    ("my 4G has never been this bad, no data for 3 days", "en"),
    ("Seit 2 Wochen kein Empfang, das war noch nie so", "de"),
])
func aFailureThatHasLastedDaysGoesOnNow(text: String, lang: String) {
    expectOutage(text, lang)
}

@Test(arguments: [
    ("Working from home and the broadband has just died on me", "en"),
    ("they ended my chat, and my internet keeps dropping out", "en"),
    ("they still haven't fixed it, no signal since Monday", "en"),
    ("mobile data coverage has been pretty much non-existent this week", "en"),
    ("Seit 90 Minuten 100% Paketverlust zu unserem Server", "de"),
    ("I can hear them but they can't hear me on calls today", "en"),
])
func wordsThatOnlyLookLikeAGuardDoNotVeto(text: String, lang: String) {
    expectOutage(text, lang)
}

@Test(arguments: [
    ("Anyone know if Telco covers the coast road? Driving there next week", "en"),
    ("Boiler's broken again. At least the broadband works", "en"),
    ("the neighbours lost their broadband in the storm", "en"),
    ("can't get your coverage checker to load for my postcode", "en"),
    ("Over the years I lost all connection to my old band mates", "en"),
])
func questionsForInformationOthersLossesAndOldTimesAreNoOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("haven't been able to get online all day, is there a fault near me?", "en", Symptom.internet),
    ("broadband has been off since 6am and the hub lights are red", "en", .internet),
    ("wifi keeps going in and out tonight, nothing stays connected", "en", .internet),
    ("my 4G has vanished, apps just spin", "en", .mobileData),
    ("what's happening with your network? calls keep dropping this evening", "en", .calls),
    ("mobile data won't work at all right now", "en", .mobileData),
    ("internet is unusable since the storm, pages never open", "en", .internet),
])
func failuresSaidWithoutTheUsualFailureWordsAreOutages(text: String, lang: String, symptom: Symptom) {
    expectOutage(text, lang, symptom: symptom)
}

@Test(arguments: [
    ("I turned the wifi off and on again, still rubbish customer service though", "en"),
    ("couldn't get through to your support line for an hour", "en"),
    ("20% off broadband this week only, sign up now", "en"),
])
func userActionsSupportAndOffersAreNoOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("the engineer says my line is dead", "en", Symptom.phone),
    ("@telco rebooted twice and it keeps dropping out", "en", .unknown),
    ("Das WLAN bricht ständig ab", "de", .internet),
])
func aFailureThatKeepsComingBackAndTheLineItselfCount(text: String, lang: String, symptom: Symptom) {
    expectOutage(text, lang, symptom: symptom)
}

@Test(arguments: [
    (
        "paid the bill in full, never once late in 6 years, loyal customer, and since this morning no signal at all in Leeds",
        "en"
    ),
    ("the status page says no problems, but our broadband has been dead since 7", "en"),
    ("Die App meldet keine Störung, aber bei uns ist seit Mittag kein Internet", "de"),
])
func accountWordsElsewhereAndTheProvidersOwnAllClearDoNotExplainAFailure(text: String, lang: String) {
    expectOutage(text, lang)
}

@Test(arguments: [
    ("Anrufe schlagen fehl, jedes Mal 'Verbindung fehlgeschlagen', seit heute früh", "de"),
    ("bei uns geht seit zwei Stunden gar nichts, kane Verbindung, ois tot", "de"),
    ("is the network down in Leeds rn", "en"),
    ("Der Router verbindet sich nicht mehr, Internet geht nich", "de"),
])
func failuresInColloquialAndAustrianFormsAreOutages(text: String, lang: String) {
    expectOutage(text, lang)
}

@Test(arguments: [
    ("We're sorry you're having trouble with your signal, please try restarting and let us know if it continues", "en"),
    ("@kunde Tut mir leid, dass dein Internet weg ist. Schick uns per DM deine Kundennummer", "de"),
    ("what happens if the network is down while I'm abroad? just planning ahead", "en"),
    ("Was passiert eigentlich bei einem Ausfall mit meinem Festnetz?", "de"),
    ("mein Handy ist seit dem Update komplett tot, habt ihr Ersatzgeräte?", "de"),
    ("the office printer is offline again", "en"),
    ("power cut on the whole estate so the wifi is off, not your problem this time", "en"),
    ("der Technikertermin ist schon wieder ausgefallen", "de"),
])
func agentRepliesWhatIfsDevicesAndPowerCutsAreNoOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("@telco why aren't my texts sending??", "en"),
    ("@telco is texting broken today?", "en"),
    ("@telco is there a problem with messaging tonight", "en"),
    ("@telco chöme bi öich SMS nöd aa?", "de"),
])
func questionsAboutMessagesAreOutages(text: String, lang: String) {
    expectOutage(text, lang, symptom: .sms)
}

@Test func thePostIsNoMailServiceAndAGameNetworkIsAnApp() {
    expectNoOutage("Royal Mail lost my parcel again, tracking is dead", "en")
    expectOutage("Playstation network down again, can't play online", "en", symptom: .app)
}

@Test func explainNamesTheFailureWordOfAServiceSaidToFailOnce() {
    let reasons = verdict("@telco is texting broken today? no signal either", "en").reasons
        .filter { $0.hasPrefix("outage frame:") }
    #expect(reasons.contains { $0.hasPrefix("outage frame: failure \"broken\" + service") }, "\(reasons)")
    #expect(!reasons.contains { $0.hasPrefix("outage frame: failure \"texting\"") }, "\(reasons)")
    #expect(Set(reasons).count == reasons.count, "\(reasons)")
}

@Test(arguments: [
    ("@telco can't text anyone since lunch", "en", Symptom.sms),
    ("@telco unable to ring out all evening", "en", .calls),
    ("@telco cant even browse tonight, nothing loads", "en", .internet),
    ("@telco every message I send says message failed", "en", .sms),
    ("@telco my phone just shows call failed, since 10am", "en", .calls),
    ("Ich kann seit heute früh nicht surfen, @telco was ist da los", "de", .internet),
])
func aVerbOfUsingAServiceAfterCannotAndAPhonesErrorNameTheService(text: String, lang: String, symptom: Symptom) {
    expectOutage(text, lang, symptom: symptom)
}

@Test(arguments: [
    ("@telco I can't even call you, the helpline number is always engaged", "en"),
    ("@telco can't ring customer services, on hold forever", "en"),
    ("text me when you land, can't wait", "en"),
    ("I'll call the shop tomorrow, cant talk now", "en"),
])
func theVerbReachingTheProviderOrNoCannotNamesNoService(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("@telco when will my broadband be back?", "en"),
    ("@telco when will texts be working again", "en"),
    ("@telco how long until the signal is fixed? nothing in Hull since 8", "en"),
    ("@telco wann geht das Internet wieder? seit Mittag nix", "de"),
])
func askingWhenTheServiceReturnsSaysItIsDown(text: String, lang: String) {
    expectOutage(text, lang)
}

@Test(arguments: [
    ("@telco when will 5G come to my village?", "en"),
    ("@telco when will the app be fixed, it crashes on login", "en"),
    ("@telco thanks, my broadband is working again", "en"),
])
func awaitingNoReturnOrTheAppIsNoOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("@telco are texts working? my sister sent three and none came", "en", true),
    ("is anyone's telco signal working in Hull?", "en", true),
    ("@telco is 5G working in Hull yet?", "en", false),
    ("@telco does wifi calling work on an older handset?", "en", false),
    ("@telco is the app working? it logs me out", "en", false),
])
func askingWhetherAServiceIsWorkingNowIsAnOutageQuestion(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@telco still waiting for my broadband to be fixed, day 3", "en"),
    ("@telco when are you going to fix the signal in Hull? nothing since Monday", "en"),
    ("@telco warte drauf, dass das Internet wieder geht, seit heute früh nix", "de"),
])
func waitingForAServiceToBeFixedSaysItIsDown(text: String, lang: String) {
    expectOutage(text, lang)
}

@Test(arguments: [
    ("@telco still waiting for my refund, third email", "en"),
    ("@telco when are you going to fix the app? it crashes", "en"),
])
func waitingForMoneyOrTheAppIsNoOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("@telco I've got no data left and it's only the 10th, how?", "en"),
    ("@telco used all my data in a week, no data now till the 20th", "en"),
    ("@telco no credit so I can't make calls, how do I top up online?", "en"),
    ("@telco Datenvolumen aufgebraucht, jetzt geht kein Internet mehr", "de"),
])
func aUsedUpAllowanceOrCreditExplainsMissingServiceLikeTheAccount(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("Otherco is down again, so glad I moved to @telco", "en"),
    ("Otherco broadband dead all evening, glad I left them for @telco", "en"),
    ("Telco to pay compensation to customers hit by last year's data outage", "en"),
])
func aCompetitorsOutageWithContrastAndLastYearsOutageAreNoOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("@telco whats wrong with your messaging service", "en", true),
    ("@telco my texts won't go", "en", true),
    ("@telco what's wrong with your customer service, 2 hours on hold", "en", false),
])
func whatsWrongWithAServiceAsksWithoutItsQuestionMark(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test func aReturnSaidDoneEndsTheOutageAndOneHopedForDoesNot() {
    expectNoOutage("@telco broadband was down all morning, finally managed to get back online", "en")
    expectOutage("@telco broadband down since 6, hopefully it'll be back up soon", "en")
}

@Test(arguments: [
    ("Telco fined £5m over a network outage in 2018", "en"),
    ("Telco ordered to pay customers after the nationwide broadband outage", "en"),
    ("Regulator finds Telco's mobile network was down for 2 million customers", "en"),
    ("Bußgeld für Telco, weil das Internet in halb Kärnten ausgefallen ist", "de"),
])
func newsAboutTheProviderIsNoOutageReport(text: String, lang: String) {
    expectNoOutage(text, lang)
    #expect(verdict(text, lang).reasons.contains { $0.hasSuffix("news about the provider") })
}

@Test(arguments: [
    ("Ka Netz in da U-Bahn, wie immer", "de", false),
    ("no signal on the tube as usual", "en", false),
    ("@telco broadband down again as usual, since 7", "en", true),
])
func noSignalAsAlwaysOrUndergroundIsChronicButDownAgainIsNow(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@hostco Mails kommen seit heute früh nicht an, Postfach leer", "de", true),
    ("die SMS kommen seit gestern Abend nicht an, @telco was ist los", "de", true),
    ("Der Techniker kommt heute nicht an, Termin verschoben", "de", false),
])
func germanKommenNichtAnSaysMessagesFailWhenTheyAreTheSubject(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@hostco our site is down because I forgot to renew the domain, my own fault", "en", false),
    ("@hostco bad deploy on our side took the shop offline, sorry for the ticket", "en", false),
    ("@hostco Shop offline, unser Fehler, falsches Update eingespielt", "de", false),
    ("@telco I unplugged the router and plugged it back in, still no internet since 6", "en", true),
])
func aFailureTheWriterCausedIsNoOutageButTheirTroubleshootingIs(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@telco your network is dead good in Cornwall, well done", "en"),
    ("The governing party is down in the polls again", "en"),
    ("Why is everyone's mood so down today", "en"),
    ("Mein Kreislauf ist total down heute", "de"),
])
func deadMeaningVeryAndMoodsOrPollsGoingDownAreNoOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("@telco do you pay compensation when the network goes down?", "en", false),
    ("@telco if my broadband goes down can I tether from my phone instead?", "en", false),
    ("Wenn das Internet ausfällt, gibt es dann eine Gutschrift @telco?", "de", false),
    ("@telco how do I report a fault on my phone line?", "en", false),
    ("@telco wie melde ich eine Störung am Anschluss?", "de", false),
    ("@telco when I ring my mum it says call failed, since this morning", "en", true),
    ("@telco even if I restart the router it won't connect", "en", true),
    ("@telco is there an outage in Hull? If not why have I got no signal", "en", true),
    ("@telco can you check if texts are down in Hull", "en", true),
    ("@telco if it's still down tomorrow I'm leaving, no internet since Friday", "en", true),
])
func aFailureSupposedAfterIfOrWhenIsNoReportButOneAskedOrGrantedIs(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test func explainNamesTheSupposedFailure() {
    let reasons = verdict("@telco if my broadband goes down, can I tether from my phone?", "en").reasons
    #expect(reasons.contains { $0.hasSuffix("a failure supposed (if, when), not reported") }, "\(reasons)")
}

@Test(arguments: [
    ("@telco texts stopped sending this morning, still nothing", "en", true),
    ("@telco my line dropped at midnight and hasn't come back", "en", true),
    ("@telco my broadband is still not back after the storm", "en", true),
    ("@telco internet dropped out around 9 but it has been stable since", "en", false),
    ("@telco the texts that failed overnight came through this morning", "en", false),
    ("@telco Störung heute Morgen, wurde schnell behoben, danke", "de", false),
])
func aReturnDeniedIsAnOutageAndAReturnStatedEndsIt(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@telco my texts aren't going tonight", "en"),
    ("@telco my messages just say sending and never go", "en"),
    ("@telco nobody is getting my messages since lunch", "en"),
    ("@telco verification codes not arriving since this morning", "en"),
    ("Is anyone on @telco able to send texts right now??", "en"),
])
func messagesThatNeverGoOrReachNobodyAreAnSMSOutage(text: String, lang: String) {
    expectOutage(text, lang, symptom: .sms)
}

@Test(arguments: [
    ("Mein Kopf ist heute komplett offline, zu wenig Schlaf", "de"),
    ("Bin total down nach der Woche", "de"),
    ("my head is dead after that meeting", "en"),
])
func aHeadOrAPersonThatIsDownOrOfflineIsNoOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("@telco phone calls work again but texts still fail", "en", true),
    ("@telco the internet is back but the TV still won't load anything", "en", true),
    ("@telco Internet läuft wieder, aber das Festnetz geht noch nicht", "de", true),
    ("@telco everything is back now, thanks for the quick fix", "en", false),
    ("@telco it's back now. your status page said a mast was down again", "en", false),
    ("@telco broadband is working again, but the fault this morning cost me a client call", "en", false),
    ("@telco Netz geht wieder. Die Störung heute Morgen war trotzdem ärgerlich", "de", false),
])
func afterAReturnAPartStillOutIsAnOutageAndWhatWasOverIsNot(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@telco my broadband has been down for the last week", "en", true),
    ("@telco my broadband was down last week, no refund yet", "en", false),
])
func theLastWeekIsASpanUpToNowAndLastWeekIsPast(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@telco all my texts fail since noon", "en", true),
    ("@telco your roaming prices are a total fail", "en", false),
])
func failSaidOfAServiceIsAFailureAndAFailAsMockeryIsNot(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@hoster unsere Webseite ist seit einer Stunde nicht erreichbar", "de"),
    ("@hoster our homepage has been unreachable since 10 am", "en"),
    ("@hoster every page of our shop gives connection refused right now", "en"),
    ("@hoster my two servers stopped responding about ten minutes ago", "en"),
])
func aHostedSiteOrServerThatFailsIsAHostingOutage(text: String, lang: String) {
    expectOutage(text, lang, symptom: .hosting)
}

@Test(arguments: [
    ("@telco pages just spin on every device in the house, anyone else?", "en"),
    ("@telco nothing is loading at all since 8pm", "en"),
])
func nothingLoadingIsAnOutage(text: String, lang: String) {
    expectOutage(text, lang)
}

@Test(arguments: [
    ("@telco no coverage at all in our village, been like that forever", "en"),
    ("@telco im Keller hab ich kein Netz, immer schon so", "de"),
])
func coverageThatHasAlwaysBeenMissingIsChronic(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("@telco SIM is fine, tried it in another phone, still no signal anywhere in town", "en", true),
    ("@telco my account is fine and paid, but no service at all since 3pm", "en", true),
    ("@telco my internet is fine, it's the streaming app that won't load", "en", false),
])
func theWritersOwnSideSaidToBeFineRulesItselfOutNotTheService(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@telco zero outages for me this year, well done", "en", false),
    ("@lisa bei mir geht alles, ka Störung hier in Linz", "de", false),
    ("RT @telco: No more dead spots on the motorway with our new masts", "en", false),
    ("@telco the checker says no outage but I have had no internet since 6", "en", true),
])
func anOutageDeniedIsNoReportButAFailureBesideItIs(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("the streaming app is down worldwide, my data's fine @telco", "en"),
    ("@telco the game servers are down again, your broadband is grand", "en"),
    ("Nicht die Telekom, der Messenger ist down. Alles andere geht bei mir", "de"),
])
func anAppDownWhileTheWritersOwnServiceWorksIsNoOutageOfThatService(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("@telco broadband was down first thing, fine since about ten", "en"),
    ("@telco am Vormittag war das Netz weg, jetzt geht alles wieder", "de"),
])
func aReturnSaidAsFineSinceEndsTheOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("@telco mobile Daten gehen seit Mittag immer noch nicht", "de", true),
    ("@telco das Internet funktioniert seit gestern nicht mehr", "de", true),
    ("@telco das Internet geht, nur das Telefon nicht so gut", "de", false),
])
func germanWorksDeniedByANegationClosingItsClauseIsAFailure(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@telco my phone keeps saying SOS in the town centre, anyone else?", "en"),
    ("@telco Handy zeigt nur SOS seit einer Stunde", "de"),
])
func aPhoneShowingSOSIsASignalOutage(text: String, lang: String) {
    expectOutage(text, lang, symptom: .signal)
}

@Test func explainNamesADeniedOutage() {
    let reasons = verdict("@telco zero outages for me this year", "en").reasons
    #expect(reasons.contains { $0.hasSuffix("an outage denied (no outages, keine Störung)") }, "\(reasons)")
}

@Test(arguments: [
    ("@telco die SMS kommen seit heute früh bei mir nicht an", "de", true),
    ("@telco Anrufe brechen seit Mittag nach zwei Sekunden ab", "de", true),
    ("@telco i chan sit em Mittag nöd telefoniere", "de", true),
    ("@telco Glasfaser kommt bei uns erst nächstes Jahr an", "de", false),
])
func germanClausesClosingOnTheirNegationOrParticleReportAFailure(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@telco internet dead since yesterday, still nothing", "en", true),
    ("@telco das Internet ist seit gestern weg", "de", true),
    ("@telco das Internet war gestern kurz weg", "de", false),
])
func sinceYesterdayIsASpanUpToNowAndYesterdayIsPast(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@jo thanks for getting in touch, we are not aware of any faults in your area", "en"),
    ("who's down for the match on Saturday? @telco arena, two spare seats", "en"),
    ("how can I tell if the network is down or just my phone?", "en"),
    ("Die Öffis stehen schon wieder, Störung bei der U-Bahn", "de"),
    ("Meldung: Ausfall im Kabelnetz am Vormittag, inzwischen behoben", "de"),
])
func agentRepliesIdiomsHowToTransportAndResolvedNewsAreNoOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("@sarah_k Hi Sarah, we're looking into the outage near you now and will update you", "en", false),
    ("@max Hallo Max, das Netz ist in deiner Gegend gerade gestört, wir arbeiten dran", "de", false),
    ("@kerry Hey there, our records show a fault on your line, we'll get it fixed today", "en", false),
    ("Hi @telco, we have had no internet since 9 this morning", "en", true),
    ("@jo hi, we have no signal here either since lunch @telco", "en", true),
])
func aReplyGreetingACustomerByNameInAWeVoiceIsTheProvidersSupport(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@telco phew, broadband restored. six hours offline today is not on", "en", false),
    ("@telco when will my broadband be restored? offline since 6", "en", true),
])
func aServiceRestoredEndsTheOutageAndOneAwaitedDoesNot(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@telco any known issues in Hull? my phone is useless", "en", true),
    ("@telco gibt es gerade eine Störung in Graz?", "de", true),
    ("any issues with the new tariff, anyone tried it?", "en", false),
])
func aProblemAskedOfTheProviderOutrightNeedsNoService(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@telco my phone has been searching for network for an hour", "en"),
    ("@telco anyone else's phone stuck on searching?", "en"),
])
func aPhoneSearchingForTheNetworkIsASignalOutage(text: String, lang: String) {
    expectOutage(text, lang, symptom: .signal)
}

@Test(arguments: [
    ("@telco nobody can reach me, calls go straight to voicemail since this morning", "en", Symptom.calls),
    ("@telco 4G useless all day in town, can't even load the news", "en", Symptom.internet),
    ("@telco the hub is flashing and nothing connects, whole street is off", "en", Symptom.internet),
])
func callsToVoicemailPagesThatWontLoadAndNothingConnectingAreOutages(text: String, lang: String, symptom: Symptom) {
    expectOutage(text, lang, symptom: symptom)
}

@Test(arguments: [
    ("RT @telco: No signal worries this summer - unlimited roaming in 40 countries", "en", false),
    ("RT @telco: Kein Funkloch mehr im Tal – ab heute mit neuem Sendemast", "de", false),
    ("RT @jo: no signal in Leeds for 3 hours now @telco", "en", true),
    ("RT @jo: my broadband has been down since 9, anyone else?", "en", true),
])
func aRepostThatNamesNoWriterAsksNothingAndTagsNoOneIsAnAnnouncement(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@hoster every site on the shared plan shows 'Error establishing a database connection'", "en"),
    ("@hoster my VPS won't boot since your maintenance, the console shows nothing", "en"),
])
func aServersErrorOrAFailureSinceMaintenanceIsAHostingOutage(text: String, lang: String) {
    expectOutage(text, lang, symptom: .hosting)
}

@Test func aMaintenanceNoticeIsStillNoOutage() {
    expectNoOutage("@hoster planned maintenance tonight 01:00-03:00, servers may be unreachable briefly", "en")
}

@Test func aSiteTheWriterBrokeThemselvesIsNoOutage() {
    expectNoOutage("@hoster our site broke after I updated a plugin, how do I restore a backup?", "en")
}

@Test(arguments: [
    ("@telco is the network back yet? still nothing on my phone in Hull", "en", true),
    ("@telco any update on when my broadband will be back?", "en", true),
    ("@telco how long until service is restored in Kent?", "en", true),
    ("@telco wann ist das Netz in Graz endlich behoben?", "de", true),
    ("@telco how long before you call me back?", "en", false),
    ("@telco broadband is back, thanks for the quick fix!", "en", false),
    ("@telco was my broadband restored yesterday or is that tomorrow?", "en", false),
])
func aReturnAskedAboutIsAnOutageStillOn(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@telco broadband off since 6 in Hove, anyone else?", "en", Symptom.internet),
    ("@telco our internet is off and my exam starts at two", "en", Symptom.internet),
    ("@telco the internet's been cutting out every ten minutes tonight", "en", Symptom.internet),
    ("@telco since 3pm i cant make a single call, every one fails", "en", Symptom.calls),
    ("@telco can't put a call through to anyone this morning", "en", Symptom.calls),
    ("@telco engineer cancelled again and still no internet in Leicester", "en", Symptom.internet),
    ("@telco 5G showing and zero data moving right now", "en", Symptom.mobileData),
])
func aServiceOffAFillerBeforeItsVerbAndTheProvidersCancelledVisitStillReport(
    text: String, lang: String, symptom: Symptom
) {
    expectOutage(text, lang, symptom: symptom)
}

@Test(arguments: [
    ("@telco how do I turn data roaming off before my trip?", "en"),
    ("@telco switched the router off and on, works fine now", "en"),
    ("@telco disney+ shows an error on every film tonight, broadband's fine", "en"),
    ("our whole street lost power, router off, fridge off", "en"),
    ("@telco moving house next month, how do I take my broadband with me?", "en"),
])
func switchingOffAServiceSaidToBeFineAndAPowerCutAreNoOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("alle paar Minuten reißt die Verbindung ab, seit heute Mittag", "de"),
    ("der Router meldet Internet nicht verbunden, seit zwei Stunden", "de"),
    ("seit einer Stunde kann ich weder surfen noch telefonieren", "de"),
    ("SMS kommen seit heute früh keine an, ist bei euch was?", "de"),
    ("our VPS timed out all afternoon, nothing answers on ssh", "en"),
])
func germanVerbsOfBreakingOffAnsweringQuestionsAndEitherNorAreOutages(text: String, lang: String) {
    expectOutage(text, lang)
}

@Test(arguments: [
    ("@telco i was going to renew but the internet's been cutting out every ten minutes all evening", "en"),
    ("@telco Internet ist seit 2 Stunden ausgefallen, wann gehts wieder", "de"),
    ("@telco unser Anschluss ist seit gestern Nachmittag komplett tot", "de"),
    ("@telco massive outtage in Leeds?? nothing at all", "en"),
])
func anOngoingFailureAReturnAskedWithoutAQuestionMarkAndGermanTimeBeforeTheStateAreOutages(
    text: String, lang: String
) {
    expectOutage(text, lang)
}

@Test(arguments: [
    ("@telco i cant call anyone, every call fails. Still happening after a restart", "en", true),
    ("@telco there is never any signal in this village", "en", false),
])
func neverIsChronicUnlessThePostSaysItGoesOnNow(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@telco bars yes, internet no. since lunch", "en", true),
    ("@telco das WLAN läuft wieder, das Festnetz aber noch nicht", "de", true),
    ("@telco is it the router or the internet or not, no idea", "en", false),
])
func aServiceDeniedWithItsVerbLeftOutFails(text: String, lang: String, outage: Bool) {
    expectOutage(text, lang, is: outage)
}

@Test(arguments: [
    ("@telco #nointernet #leeds since half seven", "en", Symptom.internet),
    ("#keinNetz seit heute früh in Graz @telco", "de", Symptom.signal),
])
func aHashtagOfAbsenceAndAServiceNamesBoth(text: String, lang: String, symptom: Symptom) {
    expectOutage(text, lang, symptom: symptom)
}

@Test func aHashtagThatOnlyStartsWithNoIsNoService() {
    expectNoOutage("#nofilter sunset from the office roof", "en")
}

@Test func aTimeWithItsSIsThatTime() {
    expectNoOutage("@telco yesterday's broadband outage cost me a day's work, any refund?", "en")
}

@Test(arguments: [
    ("@telco my sister's broadband has been down all day, glad we switched to you", "en"),
    ("@telco not you this time, the streaming app has been down for an hour", "en"),
])
func anotherCompanysOutageWithWeAreGladOrNotYouIsNoOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("@telco my mate on another network is fine but my phone has no signal since 9", "en"),
    ("@telco is the network down? my phone has no service, my wife's on a different one and she's fine", "en"),
])
func whatIsFineForSomeoneElseDoesNotClearTheWriter(text: String, lang: String) {
    expectOutage(text, lang)
}

@Test(arguments: [
    ("no power in the whole street since eight, so no broadband either", "en"),
    ("Is wieder do! Noch zwa Tog ohne Internet endlich repariert", "de"),
])
func aPowerCutOrAnAustrianReturnIsNoOutage(text: String, lang: String) {
    expectNoOutage(text, lang)
}

@Test(arguments: [
    ("@telco my texts are arriving hours late today, mum's message from 9am came at 4", "en"),
    ("@telco SMS kommen seit heute früh erst Stunden später an", "de"),
])
func textsArrivingHoursLateAreAnSMSOutage(text: String, lang: String) {
    expectOutage(text, lang, symptom: .sms)
}

@Test func aPhraseDoesNotRunAcrossAComma() {
    // "moving, in" is no "moving in" (a move, which would be a cancellation).
    expectOutage("@telco full bars and zero data moving, in Leeds right now", "en", symptom: .mobileData)
}
