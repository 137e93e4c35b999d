// SPDX-License-Identifier: Apache-2.0

/// English and German words too common to say what a complaint is about, and filler words that
/// mean something only inside a phrase. A maintainer tunes these lists, not the counter.
enum ReportStopWords {
    static let all: Set<String> = Set(
        """
        a about above after again against all also am an and any are as at be because been before being below
        between both but by can could did do does doing during each few for from further had has have having
        he her here hers herself him himself his how i if in into is it its itself just me more most my myself
        now of off on once only or other our ours ourselves out over own same she should so some such than that
        the their theirs them themselves then there these they this those through to too under until up very was
        we were what when where which while who whom why will with would you your yours yourself yourselves
        i'm im it's its don dont can't cant won't wont didn didnt isn isnt doesn doesnt get got getting still
        again already really even much many one two three anyone anybody someone everyone via amp rt new
        today yesterday tomorrow day days time week hours hour minutes now just like know think want need going
        gonna let lets us ll ve re let's yes yeah ok okay please thanks thank http https www com
        aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anderm
        andern anderr anders auch auf aus bei bin bis bist da damit dann das dass daß dasselbe dazu dein deine
        deinem deinen deiner deines dem demselben den denn denselben der derer derselbe derselben des desselben
        dessen dich die dies diese dieselbe dieselben diesem diesen dieser dieses dir doch dort du durch ein
        eine einem einen einer eines einig einige einigem einigen einiger einiges einmal er es etwas euch euer
        eure eurem euren eurer eures für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm
        ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist jede jedem jeden jeder jedes jene jenem
        jenen jener jenes jetzt kann man manche manchem manchen mancher manches mein meine meinem meinen meiner
        meines mich mir mit muss musste nach noch nun nur ob oder ohne sehr sein seine seinem seinen seiner
        seines selbst sich sie sind so solche solchem solchen solcher solches soll sollte sondern sonst über
        um und uns unsere unserem unseren unser unseres unter viel vom von vor während war waren warst was
        weg weil weiter welche welchem welchen welcher welches wenn werde werden wie wieder will wir wird wirst
        wo wollen wollte würde würden zu zum zur zwar zwischen schon mal gerade heute gestern morgen seit
        tag tage stunde stunden minuten immer echt einfach gibt geht mehr wer wieso warum weiß weiss
        """.split(whereSeparator: { $0.isWhitespace }).map(String.init))

    /// Filler: words that say something only beside another ("kein internet", "gar nicht
    /// erreichbar", "no signal"). Never a top term on their own; kept inside phrases.
    static let fillers: Set<String> = Set(
        """
        kein keine keinem keinen keiner keines nicht nichts gar jemand jemandem jemanden niemand niemandem
        irgendwie irgendwas irgendwer irgendwo irgendwann halt eben eigentlich ganz total wohl ja nee nein
        mega voll bitte leider komplett überhaupt ueberhaupt sogar nie nix ständig staendig dauernd
        no not none nothing never anything something somebody anymore totally completely literally
        """.split(whereSeparator: { $0.isWhitespace }).map(String.init))
}
