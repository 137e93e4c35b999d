# One-off: move 30 of the 84 Austrian/Swiss posts to standard German (brief: ~25 each), some without umlauts.
import glob, re
NEW = {
"easyname hat ma": "easyname hat mir die Domainrechnung zweimal abgebucht. Die Seite laeuft, aber der Support antwortet seit drei Tagen nicht. Der Kundendienst ist echt kaputt 🙄",
"Wartungsarbeiten bei World4You": "Wartungsarbeiten bei World4You am Sonntag zwischen 3 und 5 Uhr, ein kurzer Ausfall ist moeglich. Nur zur Info fuers Team, nicht erschrecken.",
"Handy hat wieder Netz, aber des": "Handy hat wieder Netz, aber das Internet zuhause ueber A1 ist immer noch weg. Seit gestern in Graz-Liebenau, was ist da los?",
"@MagentaTelekom @sabi_w": "@MagentaTelekom @sabi_w bei mir war es auch weg, gestern Abend. Jetzt geht's wieder. Aber die Hotline ist eine Katastrophe.",
"A1 hat ma de SMS": "A1 hat mir die SMS-Funktion gesperrt wegen einer offenen Rechnung von 4 Euro. Längst bezahlt, die Sperre ist immer noch da. Funktioniert nicht, so ein Service.",
"A1 is am Obnd": "A1 ist am Abend so lahm, dass Netflix nur in Kartoffelqualität läuft. Geht schon, aber für das Geld?",
"RT @dreiAT": "RT @dreiAT: Nie wieder kein Netz im Urlaub – EU-Roaming inklusive in allen Tarifen.",
"Nummernportierung von Magenta": "Nummernportierung von Magenta zu Drei seit einer Woche nicht fertig. Kein Netz mit der neuen Karte, die alte geht auch nicht mehr.",
"Magenta hot ma de eSIM": "Magenta hat meine eSIM nicht aufs neue Handy uebertragen, jetzt hab ich kein Netz. Im Shop heisst es, das dauert. Super.",
"LIWEST is zruck": "LIWEST ist zurueck nach dem Ausfall gestern. Ich zahle jeden Monat brav und krieg nicht mal eine Mail.",
"Drei hot bei mir": "Drei: im Bad kein Empfang, nie. Zum Telefonieren muss ich auf den Balkon. Ist seit 2 Jahren so.",
"In da Wochau": "In der Wachau auf der B3 bricht mit Magenta jedes Gespraech ab, jedes Mal. Das Funkloch kennt jeder, seit Jahren ist es dort tot.",
"Willhaben geht grad": "Willhaben geht nicht, aber LIWEST passt, alle anderen Seiten laufen.",
"De Öffis in Wien": "Die Öffis in Wien stehen schon wieder, Störung bei der U4. Komme zu spät in die Arbeit.",
"Wos mocht's ihr": "Was macht ihr, wenn im Homeoffice das Internet ausgefallen ist? Bei A1 gibt's einen Ersatz-Cube, weiß das wer?",
"Infomaniak hät": "Infomaniak hatte gestern Abend eine Störung, eine Stunde lang nichts. Jetzt läuft wieder alles, aber die Kommunikation war schwach.",
"Mini Siite isch tot": "Meine Seite war tot, weil ich vergessen hatte, das SSL-Zertifikat zu verlaengern. cyon kann nichts dafuer, alles wieder gut.",
"Bi Sunrise gönd Anruef": "Bei Sunrise gehen Anrufe wieder, aber SMS kommen immer noch keine an. Das ganze Team in Winterthur hat das gleiche Problem.",
"Quickline: Internet und TV sind": "Quickline: Internet und TV sind wieder da. Zwei Tage Störung im Emmental, und die Hotline hat uns nur vertröstet.",
"@salt_ch @luca_z": "@salt_ch @luca_z bei mir ist es gestern auch ausgefallen, jetzt geht es wieder. Trotzdem eine Frechheit bei dem Preis.",
"Bi Sunrise chunsch": "Bei Sunrise kommt man an der Hotline nicht durch, nach 30 Minuten wird einfach aufgelegt. Das Handy funktioniert, der Service ist kaputt.",
"Quickline, mini Apps": "Quickline, meine Apps laden alle nicht mehr, auch der Browser nicht. WLAN verbunden. Ein Problem in Biel?",
"Salt-Wärbig im Tram": "Salt-Werbung im Tram: 'Nie mehr tot im Funkloch.' Mal schauen, ob das auch im Wallis stimmt 😅",
"Sunrise: Abo gwächslet": "Sunrise: Abo gewechselt, und seitdem geht meine alte SIM nicht mehr. Die neue kommt erst naechste Woche. Kein Netz bis dann?",
"Sunrise gaht wieder.": "Sunrise geht wieder. Die Störung von heute Morgen hat mich ein Meeting gekostet. Nicht das erste Mal.",
"Mit Salt han ich": "Mit Salt hab ich im Schlafzimmer nie Empfang, praktisch tot. Jeden Abend das gleiche Theater.",
"Frag: Git's bi Sunrise": "Frage: Gibt es bei Sunrise einen Repeater fürs Handynetz? Im Keller kein Empfang, ich will dort eine Werkstatt einrichten.",
"Twint funktioniert nicht": "Twint funktioniert nicht, ich kann nicht zahlen. Das Sunrise-Netz ist aber gut, ist ein Twint-Problem.",
"Netflix gaht nöd": "Netflix geht nicht, aber das Salt-Internet laeuft. Erst auf Downdetector schauen, bevor man die Hotline anruft 😅",
"SBB: Störung zwüsche": "SBB: Störung zwischen Olten und Aarau, alle Züge fallen aus. Ich stehe am Perron und friere.",
}
used = set()
for f in sorted(glob.glob("scratch/[a-k]_*.py")):
    lines = open(f, encoding="utf-8").read().split("\n")
    for i, line in enumerate(lines):
        m = re.match(r'\("(at|ch)",("\w+",F|"[\w-]+","[\w-]+"),("[^"]*"|None),"(.*)"\),$', line)
        if not m: continue
        for k, v in NEW.items():
            if m.group(4).startswith(k):
                assert k not in used, k; used.add(k)
                lines[i] = '("de",%s,%s,"%s"),' % (m.group(2), m.group(3), v)
    open(f, "w", encoding="utf-8").write("\n".join(lines))
print(len(used), set(NEW) - used)
