// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// The report as one self-contained HTML page: inline CSS and SVG, no script, no request
/// (a Content-Security-Policy forbids any), readable on a phone and printable to PDF.
/// Every piece of text from posts, sources or the configuration goes through ``escape(_:)``.
enum ReportHTML {
    static func render(_ report: WeeklyReport) -> String {
        let zone = report.week.timeZone
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="generator" content="failwatch">
            <title>Weekly reputation report \(report.week.label)</title>
            <style>\(style)</style>
            </head>
            <body>
            <header>
            <h1>Weekly reputation report <span class="week">\(report.week.label)</span></h1>
            <p class="meta">\(escape(ReportWording.span(report.week))) · times in \(escape(zone.identifier)) · generated \(escape(ReportWording.time(report.generatedAt, zone)))</p>
            </header>
            <main>

            """
        let notes = ReportWording.notes(report)
        if !notes.isEmpty {
            html += "<div class=\"notes\" role=\"note\">" + notes.map { "<p>\(escape($0))</p>" }.joined() + "</div>\n"
        }
        html += overview(report)
        html += incidents(report)
        for (index, provider) in report.providers.enumerated() {
            html += section(provider, report: report, index: index)
        }
        html += coverage(report)
        html += glossary()
        html += """
            </main>
            <footer><p>Made by failwatch from public posts. Counts are per provider: a post naming two providers counts for both.
            Each figure is explained under “What each figure means”.</p></footer>
            </body>
            </html>

            """
        return html
    }

    // MARK: - Sections

    private static func overview(_ report: WeeklyReport) -> String {
        var html = "<section id=\"overview\"><h2>The week at a glance</h2>\n"
        guard !report.providers.isEmpty else { return html + "<p>No providers configured.</p></section>\n" }
        html += "<div class=\"scroll\"><table class=\"figures stack\"><caption>Each provider beside the others, with the change against the week before</caption>\n"
        html += "<thead><tr><th scope=\"col\">Provider</th><th scope=\"col\">Mentions</th><th scope=\"col\">Outage posts</th><th scope=\"col\">Complaints</th><th scope=\"col\">Net score</th><th scope=\"col\">Positive · neutral · negative</th><th scope=\"col\">Share of voice</th><th scope=\"col\">Share of complaints</th><th scope=\"col\">Incidents</th></tr></thead>\n<tbody>\n"
        for provider in report.providers {
            let current = provider.current
            let previous = provider.previous
            let incidents = report.incidents.filter { $0.providerID == provider.id }.count
            html += "<tr><th scope=\"row\"><a href=\"#p-\(anchor(provider.id))\">\(escape(provider.name))</a></th>"
            html += cell("Mentions", ReportWording.count(current.mentions), ReportWording.change(current.mentions, previous?.mentions))
            html += cell("Outage posts", ReportWording.count(current.outages), ReportWording.change(current.outages, previous?.outages))
            html += cell("Complaints", ReportWording.count(current.complaints), ReportWording.change(current.complaints, previous?.complaints))
            html += cell("Net score", ReportWording.score(current.netScore), ReportWording.points(current.netScore, previous?.netScore))
            html += "<td data-label=\"Positive · neutral · negative\">\(ReportWording.percent(current.positiveShare)) · \(ReportWording.percent(current.neutralShare)) · \(ReportWording.percent(current.negativeShare))</td>"
            html += cell(
                "Share of voice", ReportWording.percent(provider.shareOfVoice),
                ReportWording.points(provider.shareOfVoice, provider.previousShareOfVoice, scale: 100))
            html += cell(
                "Share of complaints", ReportWording.percent(provider.shareOfComplaints),
                ReportWording.points(provider.shareOfComplaints, provider.previousShareOfComplaints, scale: 100))
            html += "<td data-label=\"Incidents\">\(incidents)</td></tr>\n"
        }
        html += "</tbody></table></div>\n"
        html += "<figure>" + ReportSVG.shares(report, id: "shares") + "</figure>\n</section>\n"
        return html
    }

    static func incidents(_ report: WeeklyReport) -> String {
        let zone = report.week.timeZone
        var html = "<section id=\"incidents\"><h2>Incidents and how fast the provider spoke</h2>\n"
        html += "<figure>" + ReportSVG.timeline(report, id: "timeline") + "</figure>\n"
        guard !report.incidents.isEmpty else { return html + "<p>No incidents this week.</p></section>\n" }
        html += "<div class=\"scroll\"><table class=\"stack\"><caption>Incidents overlapping the week, by first complaint</caption>\n<thead><tr>"
        for title in [
            "Provider", "First complaint", "Peak", "End", "Duration", "Peak complaints", "People", "Our alert after",
            "Provider's first word",
        ] {
            html += "<th scope=\"col\">\(title)</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for incident in report.incidents {
            html += "<tr><th scope=\"row\">\(escape(incident.providerName))</th>"
            html += cell("First complaint", escape(ReportWording.time(incident.start, zone)))
            html += cell("Peak", incident.peakAt.map { escape(ReportWording.time($0, zone)) } ?? "–")
            html += cell("End", incident.end.map { escape(ReportWording.time($0, zone)) } ?? "still open")
            html += cell("Duration", incident.duration.map { escape(ReportWording.duration($0)) } ?? "–")
            html += cell("Peak complaints", escape(ReportWording.peak(incident)))
            html += cell("People", "\(incident.authors)")
            html += cell("Our alert after", escape(ReportWording.alertDelay(incident)))
            var word = escape(ReportWording.officialDelay(incident))
            if let statement = incident.officialWord {
                let title = escape(AlertText.clean(statement.title, limit: 160))
                let kind = escape(ReportWording.wordKind(statement))
                let linked = statement.url.flatMap(ReportPost.safeLink).map { "<a href=\"\(escape($0))\" rel=\"noopener noreferrer nofollow\">\(title)</a>" } ?? title
                word += "<br><span class=\"small\">\(kind): \(linked)</span>"
            } else {
                word = "<strong>\(word)</strong>"
                if let last = ReportWording.lastWordBefore(incident, zone), let said = incident.lastWordBefore {
                    word += "<br><span class=\"small\">\(escape(last)): \(escape(AlertText.clean(said.title, limit: 120)))</span>"
                }
            }
            var notes: [String] = []
            if incident.silent { notes.append("silent outage: every official signal stayed green") }
            if let cause = incident.commonCause { notes.append(AlertText.clean(cause, limit: 200)) }
            if let joined = ReportWording.joined(incident) { notes.append(AlertText.clean(joined, limit: 200)) }
            if let held = incident.heldBy { notes.append("alerts held: " + AlertText.clean(held, limit: 200)) }
            if !notes.isEmpty { word += "<br><span class=\"small\">\(escape(notes.joined(separator: "; ")))</span>" }
            html += cell("Provider's first word", word) + "</tr>\n"
        }
        return html + "</tbody></table></div>\n</section>\n"
    }

    private static func section(_ provider: ProviderWeek, report: WeeklyReport, index: Int) -> String {
        let week = report.week
        let current = provider.current
        var html = "<section class=\"provider\" id=\"p-\(anchor(provider.id))\"><h2>\(escape(provider.name))</h2>\n"
        guard current.mentions > 0 else {
            return html + "<p>No posts about \(escape(provider.name)) this week.</p></section>\n"
        }
        html += "<p class=\"lead\">\(ReportWording.count(current.mentions)) mentions (\(escape(ReportWording.change(current.mentions, provider.previous?.mentions)))), "
        html += "\(ReportWording.count(current.complaints)) complaints of which \(ReportWording.count(current.outages)) about outages, "
        html += "net score \(escape(ReportWording.score(current.netScore))).</p>\n"
        html += "<h3>Daily volume</h3><figure>" + ReportSVG.dailyVolume(provider, week: week, id: "d\(index)") + "</figure>\n"
        html += dailyTable(provider, week: week)
        html += "<h3>When people posted</h3><figure>" + ReportSVG.heatMap(provider, week: week, id: "h\(index)") + "</figure>\n"
        html += "<h3>Sentiment over the week</h3><figure>" + ReportSVG.sentiment(provider, week: week, id: "s\(index)") + "</figure>\n"
        html += "<div class=\"columns\">\n"
        let terms = provider.terms
        var termsNote = ""
        if terms.sampled < terms.total { termsNote = " (from \(ReportWording.count(terms.sampled)) of \(ReportWording.count(terms.total)) complaints)" }
        html += list("Top complaint terms" + termsNote, terms.terms, unit: "posts")
        html += list("Top complaint phrases", terms.phrases, unit: "posts")
        html += list("Top sources", Array(provider.sources.prefix(10)), unit: "posts")
        html += list("Networks", provider.networks, unit: "posts")
        html += list("Languages", provider.languages, unit: "posts")
        html += "</div>\n"
        html += posts("Typical complaints", terms.typical, zone: week.timeZone)
        html += posts("Most positive", provider.mostPositive, zone: week.timeZone)
        return html + "</section>\n"
    }

    /// Where the data comes from and where it has holes.
    private static func coverage(_ report: WeeklyReport) -> String {
        let zone = report.week.timeZone
        var html = "<section id=\"coverage\"><h2>What the figures rest on</h2>\n"
        html += "<p>\(escape(ReportWording.gaps(report.coverage, zone)))</p>\n"
        guard !report.coverage.sources.isEmpty else { return html + "<p>Nothing stored yet.</p></section>\n" }
        html += "<div class=\"scroll\"><table class=\"stack\"><caption>Each source: its first and last stored post, its posts and failed reads this week</caption>\n<thead><tr>"
        for title in ReportWording.coverageColumns { html += "<th scope=\"col\">\(title)</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in ReportWording.coverageRows(report.coverage, zone) {
            html += "<tr><th scope=\"row\">\(escape(row[0]))</th>"
            for (title, value) in zip(ReportWording.coverageColumns.dropFirst(), row.dropFirst()) { html += cell(title, escape(value)) }
            html += "</tr>\n"
        }
        return html + "</tbody></table></div>\n</section>\n"
    }

    /// Each figure in one sentence.
    private static func glossary() -> String {
        var html = "<section id=\"glossary\"><h2>What each figure means</h2>\n<dl>"
        for entry in ReportGlossary.entries { html += "<dt>\(escape(entry.figure))</dt><dd>\(escape(entry.meaning))</dd>" }
        return html + "</dl>\n</section>\n"
    }

    private static func dailyTable(_ provider: ProviderWeek, week: ReportWeek) -> String {
        var html = "<details><summary>Figures per day</summary><div class=\"scroll\"><table class=\"stack\"><thead><tr><th scope=\"col\">Day</th>"
        for label in Label.allCases { html += "<th scope=\"col\">\(label.rawValue)</th>" }
        html += "<th scope=\"col\">mentions</th><th scope=\"col\">net score</th></tr></thead><tbody>"
        for (day, figures) in provider.days.enumerated() {
            html += "<tr><th scope=\"row\">\(escape(week.dayNames[day]))</th>"
            for label in Label.allCases { html += cell(label.rawValue, "\(figures.counts[label] ?? 0)") }
            html += cell("mentions", "\(figures.mentions)") + cell("net score", escape(ReportWording.score(figures.netScore))) + "</tr>"
        }
        return html + "</tbody></table></div></details>\n"
    }

    private static func list(_ title: String, _ items: [TermCount], unit: String) -> String {
        var html = "<div><h3>\(escape(title))</h3>"
        guard !items.isEmpty else { return html + "<p class=\"small\">none</p></div>\n" }
        html += "<ol>"
        for item in items {
            html += "<li><bdi>\(escape(AlertText.clean(item.term, limit: 80)))</bdi> <span class=\"small\">\(ReportWording.count(item.count)) \(unit)</span></li>"
        }
        return html + "</ol></div>\n"
    }

    private static func posts(_ title: String, _ posts: [ReportPost], zone: TimeZone) -> String {
        var html = "<h3>\(escape(title))</h3>\n"
        guard !posts.isEmpty else { return html + "<p class=\"small\">none this week</p>\n" }
        for post in posts {
            html += "<blockquote dir=\"auto\">\(escape(post.text))</blockquote>\n<p class=\"by\">"
            var parts: [String] = []
            if let author = post.author, !author.isEmpty { parts.append("<bdi>\(escape(author))</bdi>") }
            parts.append(escape(post.sourceName))
            parts.append(escape(ReportWording.time(post.time, zone)))
            parts.append(escape(post.label.rawValue))
            if let link = post.link { parts.append("<a href=\"\(escape(link))\" rel=\"noopener noreferrer nofollow\">open the post</a>") }
            html += parts.joined(separator: " · ") + "</p>\n"
        }
        return html
    }

    private static func cell(_ label: String, _ value: String, _ change: String) -> String {
        "<td data-label=\"\(escape(label))\">\(escape(value))<br><span class=\"change\">\(escape(change))</span></td>"
    }

    /// A data cell that names its column, so a phone can stack the row (see `.stack` in the style).
    private static func cell(_ label: String, _ html: String) -> String {
        "<td data-label=\"\(escape(label))\">\(html)</td>"
    }

    /// A fragment id safe in any attribute: letters, digits and `-` only.
    static func anchor(_ id: String) -> String {
        String(id.unicodeScalars.map { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) ? Character($0) : "-" })
    }

    /// Text safe in element content and in quoted attributes.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }

    private static let style = """
        :root{color-scheme:light;--ink:#1a1a1a;--muted:#555;--line:#d0d0d0;--accent:#2166ac}
        *{box-sizing:border-box}
        body{margin:0 auto;max-width:62rem;padding:1rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
        h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.3rem;border-bottom:2px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
        h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
        .week{color:var(--accent)}.meta,.small,.change,.by{color:var(--muted);font-size:.875rem}
        .notes{border-left:4px solid #d95f02;background:#fff4e5;padding:.4rem .8rem;margin:1rem 0}.notes p{margin:.2rem 0}
        .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9rem}
        caption{text-align:left;color:var(--muted);font-size:.875rem;padding:.3rem 0}
        th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
        thead th{border-bottom:2px solid var(--ink)}td{font-variant-numeric:tabular-nums}
        figure{margin:.5rem 0}.chart{width:100%;height:auto;max-width:42rem;display:block;font-size:11px;font-family:inherit}
        .chart text{fill:#333}
        .columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:0 1.5rem}
        ol{padding-left:1.4rem;margin:.2rem 0}
        blockquote{margin:.6rem 0 .1rem;padding:.3rem .8rem;border-left:4px solid var(--line);overflow-wrap:anywhere;unicode-bidi:isolate}
        .by{margin:0 0 .6rem .8rem;overflow-wrap:anywhere}
        a{color:var(--accent)}a:focus{outline:2px solid var(--ink)}
        details summary{cursor:pointer;color:var(--accent)}
        dt{font-weight:600;margin-top:.5rem}dd{margin:0 0 0 1rem}
        footer{margin-top:2rem;border-top:1px solid var(--line);color:var(--muted);font-size:.8rem}
        @media (max-width:40rem){body{padding:.6rem;font-size:15px}th,td{padding:.25rem .3rem}
        .stack thead{position:absolute;left:-9999px}.stack,.stack tbody,.stack tr,.stack th,.stack td{display:block;width:auto}
        .stack tr{border-bottom:2px solid var(--line);padding:.3rem 0}.stack th,.stack td{border:0}
        .stack td::before{content:attr(data-label) ": ";font-weight:600}.stack .change{display:inline;margin-left:.3rem}
        .stack td br{display:none}}
        @media print{body{max-width:none;font-size:11pt}.provider{break-before:page}figure,table,blockquote{break-inside:avoid}
        details>*{display:block}a{color:inherit}.scroll{overflow:visible}}
        """
}
