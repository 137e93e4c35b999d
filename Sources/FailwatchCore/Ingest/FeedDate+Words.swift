// SPDX-License-Identifier: Apache-2.0

extension FeedDate {
    /// What a word in a date means; one table for every language so a mixed date still reads.
    enum Word: Sendable {
        /// A month; `ambiguous` when the word is also a weekday abbreviation (French `mar.`).
        case month(Int, ambiguous: Bool)
        /// A day name: dropped, since feeds often carry the wrong weekday.
        case weekday
        /// A word that carries nothing (`de`, `um`, `Uhr`, `1st`'s `st`).
        case filler
        /// A named zone, minutes east of UTC.
        case zone(Int)
        /// A military letter zone, trusted only after the time of day.
        case military(Int)
        /// `AT`: Atlantic Time after the time of day, "at" before it.
        case atWord
        /// English `am`/`pm`: only after the time of day (German "am 5. Mai" means "on").
        case meridiem(pm: Bool)
        /// Korean 오전/오후, before the time; implies Korea Standard Time.
        case koreanMeridiem(pm: Bool)
        /// CJK suffixes 년/年 (year), 월/月 (month), 일/日 (day) after a number.
        case mark(Mark, korean: Bool)
    }

    enum Mark: Sendable { case year, month, day }

    /// Month, weekday and zone names, keyed lower-case.
    enum Words {
        /// Looks up a word, lower-casing ASCII in place and other scripts through `String`.
        static func lookup(_ word: UnsafeBufferPointer<UInt8>) -> Word? {
            guard !word.isEmpty, word.count <= 15 else { return nil }
            var ascii = true
            for byte in word where byte >= 0x80 {
                ascii = false
                break
            }
            let key: String
            if ascii {
                key = String(unsafeUninitializedCapacity: word.count) { buffer in
                    for (index, byte) in word.enumerated() {
                        buffer[index] = (byte &- 65 < 26) ? byte | 0x20 : byte
                    }
                    return word.count
                }
            } else {
                key = String(decoding: word, as: UTF8.self).lowercased()
            }
            return table[key]
        }

        static let table: [String: Word] = {
            var table: [String: Word] = [:]
            for (month, names) in monthNames.enumerated() {
                for name in names.split(separator: " ") { table[String(name)] = .month(month + 1, ambiguous: false) }
            }
            for name in weekdayNames.split(separator: " ") {
                let key = String(name)
                if case .month(let month, _)? = table[key] {
                    table[key] = .month(month, ambiguous: true)
                } else {
                    table[key] = .weekday
                }
            }
            for name in fillers.split(separator: " ") { table[String(name)] = .filler }
            for (name, offset) in zones { table[name] = .zone(offset) }
            for (index, letter) in "abcdefghiklm".enumerated() { table[String(letter)] = .military(-(index + 1) * 60) }
            for (index, letter) in "nopqrstuvwxy".enumerated() { table[String(letter)] = .military((index + 1) * 60) }
            table["z"] = .zone(0)
            table["at"] = .atWord
            table["am"] = .meridiem(pm: false)
            table["pm"] = .meridiem(pm: true)
            table["오전"] = .koreanMeridiem(pm: false)
            table["오후"] = .koreanMeridiem(pm: true)
            table["년"] = .mark(.year, korean: true)
            table["월"] = .mark(.month, korean: true)
            table["일"] = .mark(.day, korean: true)
            table["年"] = .mark(.year, korean: false)
            table["月"] = .mark(.month, korean: false)
            table["日"] = .mark(.day, korean: false)
            return table
        }()

        /// Month names and abbreviations: English, German, French, Spanish, Italian, Portuguese,
        /// Dutch, Scandinavian, Hungarian, Greek. Both accented
        /// and plain spellings, since feeds often drop accents.
        static let monthNames: [String] = [
            "jan january januar jänner jän janvier janv enero ene gennaio gen janeiro januari január "
                + "ιαν ιανουαρίου ιανουάριος",
            "feb february februar février févr fevrier fevr fév febrero febbraio fevereiro fev februari "
                + "február febr φεβ φεβρουαρίου φεβρουάριος",
            "mar march märz mär maerz marz mrz mars marzo março marco maart mrt március márc marc "
                + "μάρ μαρ μάώ μαώ μαρτίου μάρτιος",
            "apr april avril avr abril abr aprile április ápr απρ απριλίου απρίλιος",
            "may mai mayo maggio mag maio mei maj május máj μάι μαϊ μαι μαΐου μάιος",
            "jun june juni juin junio giugno giu junho június jún ιούν ιουν ιον ιουνίου ιούνιος",
            "jul july juli juillet juil julio luglio lug julho július júl ιούλ ιουλ ιολ ιουλίου ιούλιος",
            "aug august août aout aoû agosto ago augustus augusti augusztus αύγ αυγ αυγούστου αύγουστος",
            "sep sept september septembre septiembre setiembre settembre set setembro szeptember szept "
                + "σεπ σεπτεμβρίου σεπτέμβριος",
            "oct october oktober okt octobre octubre ottobre ott outubro out október οκτ οκτωβρίου οκτώβριος",
            "nov november novembre noviembre novembro νοέ νοε νοεμβρίου νοέμβριος",
            "dec december dezember dez décembre déc decembre diciembre dic dicembre dezembro "
                + "δεκ δεκεμβρίου δεκέμβριος",
        ]

        static let weekdayNames =
            "mon monday tue tues tuesday wed weds wednesday thu thur thurs thursday fri friday sat saturday "
            + "sun sunday "
            + "mo montag di dienstag mi mittwoch do donnerstag fr freitag sa samstag sonnabend so sonntag "
            + "die mit don fre sam son "
            + "lun lundi mar mardi mer mercredi jeu jeudi ven vendredi samedi dim dimanche "
            + "lunes martes miércoles miercoles mié mie jueves jue viernes vie sábado sabado sáb sab domingo dom "
            + "lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi gio venerdì venerdi sabato "
            + "domenica "
            + "ma maandag dinsdag wo woensdag donderdag vr vrijdag za zaterdag zo zondag "
            + "segunda terça terca quarta quinta sexta feira "
            + "måndag mandag tisdag tirsdag onsdag torsdag fredag lördag lørdag söndag søndag "
            + "hétfő kedd szerda csütörtök péntek szombat vasárnap "
            + "κυρ δευ τρι τετ πεμ παρ σαβ κυριακή δευτέρα τρίτη τετάρτη πέμπτη παρασκευή σάββατο"

        static let fillers = "de del da le la um uhr om alle à den der st nd rd th er"

        /// Zone abbreviations as feeds use them; ambiguous ones (IST, BST outside Britain) take
        /// their most common meaning in feeds.
        static let zones: [(String, Int)] = [
            ("ut", 0), ("utc", 0), ("gmt", 0), ("z", 0), ("wet", 0), ("west", 60), ("bst", 60),
            ("cet", 60), ("met", 60), ("mez", 60), ("cest", 120), ("mest", 120), ("mesz", 120),
            ("eet", 120), ("eest", 180), ("msk", 180), ("ist", 330), ("pkt", 300), ("ict", 420),
            ("wib", 420), ("hkt", 480), ("sgt", 480), ("awst", 480), ("jst", 540),
            ("kst", 540), ("acst", 570), ("aest", 600), ("aedt", 660), ("nzst", 720), ("nzdt", 780),
            ("ast", -240), ("adt", -180), ("est", -300), ("edt", -240), ("et", -300),
            ("cst", -360), ("cdt", -300), ("ct", -360), ("mst", -420), ("mdt", -360), ("mt", -420),
            ("pst", -480), ("pdt", -420), ("pt", -480), ("akst", -540), ("akdt", -480),
            ("hst", -600), ("nst", -210), ("ndt", -150), ("brt", -180), ("art", -180),
        ]
    }
}
