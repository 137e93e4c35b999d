// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// The report as Markdown for a wiki page or a chat post: tables side by side, no charts.
/// Untrusted text has Markdown and HTML characters neutralised and mentions broken, so a post
/// cannot add links, images, raw HTML or pings.
enum ReportMarkdown {
    static func render(_ report: WeeklyReport) -> String {
        let zone = report.week.timeZone
        var lines = [
            "# Weekly reputation report \(report.week.label)", "",
            "\(ReportWording.span(report.week)) · times in \(zone.identifier) · generated \(ReportWording.time(report.generatedAt, zone))",
            "",
        ]
        for note in ReportWording.notes(report) { lines += ["> **Note:** \(escape(note))", ""] }
        lines += ["## The week at a glance", ""]
        if report.providers.isEmpty {
            lines += ["No providers configured.", ""]
        } else {
            lines += [
                "| Provider | Mentions | Outage posts | Complaints | Net score | Positive / neutral / negative | Share of voice | Share of complaints | Incidents |",
                "|---|---:|---:|---:|---:|---|---:|---:|---:|",
            ]
            for provider in report.providers {
                let current = provider.current
                let previous = provider.previous
                let count = report.incidents.filter { $0.providerID == provider.id }.count
                let cells = [
                    escape(provider.name),
                    "\(ReportWording.count(current.mentions)) (\(ReportWording.change(current.mentions, previous?.mentions)))",
                    "\(ReportWording.count(current.outages)) (\(ReportWording.change(current.outages, previous?.outages)))",
                    "\(ReportWording.count(current.complaints)) (\(ReportWording.change(current.complaints, previous?.complaints)))",
                    "\(ReportWording.score(current.netScore)) (\(ReportWording.points(current.netScore, previous?.netScore)))",
                    "\(ReportWording.percent(current.positiveShare)) / \(ReportWording.percent(current.neutralShare)) / \(ReportWording.percent(current.negativeShare))",
                    "\(ReportWording.percent(provider.shareOfVoice)) (\(ReportWording.points(provider.shareOfVoice, provider.previousShareOfVoice, scale: 100)))",
                    "\(ReportWording.percent(provider.shareOfComplaints)) (\(ReportWording.points(provider.shareOfComplaints, provider.previousShareOfComplaints, scale: 100)))",
                    "\(count)",
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        lines += ["## Incidents", ""]
        if report.incidents.isEmpty {
            lines += ["No incidents this week.", ""]
        } else {
            lines += [
                "| Provider | First complaint | Peak | End | Duration | Peak complaints | People | Our alert after | Provider's first word |",
                "|---|---|---|---|---|---|---:|---|---|",
            ]
            for incident in report.incidents {
                var word = ReportWording.officialDelay(incident)
                if let statement = incident.officialWord {
                    word += " (" + ReportWording.wordKind(statement) + ": "
                        + escape(AlertText.clean(statement.title, limit: 120)) + ")"
                } else {
                    word = "**\(word)**"
                    if let last = ReportWording.lastWordBefore(incident, zone), let said = incident.lastWordBefore {
                        word += "; " + escape(last) + ": " + escape(AlertText.clean(said.title, limit: 80))
                    }
                }
                if let held = incident.heldBy { word += "; alerts held: " + escape(AlertText.clean(held, limit: 120)) }
                if let joined = ReportWording.joined(incident) {
                    word += "; " + escape(AlertText.clean(joined, limit: 120))
                }
                let cells = [
                    escape(incident.providerName), ReportWording.time(incident.start, zone),
                    incident.peakAt.map { ReportWording.time($0, zone) } ?? "–",
                    incident.end.map { ReportWording.time($0, zone) } ?? "still open",
                    incident.duration.map(ReportWording.duration) ?? "–", ReportWording.peak(incident),
                    "\(incident.authors)", ReportWording.alertDelay(incident), word,
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        for provider in report.providers { lines += section(provider, zone: zone, week: report.week) }
        lines += ["## What the figures rest on", "", escape(ReportWording.gaps(report.coverage, zone)), ""]
        if !report.coverage.sources.isEmpty {
            lines += ["| " + ReportWording.coverageColumns.joined(separator: " | ") + " |", "|---|---|---|---:|---|"]
            for row in ReportWording.coverageRows(report.coverage, zone) {
                lines.append("| " + row.map(escape).joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        lines += ["## What each figure means", ""]
        for entry in ReportGlossary.entries { lines.append("- **\(entry.figure)**: \(escape(entry.meaning))") }
        lines += [
            "", "---", "",
            "*Counts are per provider: a post naming two providers counts for both.*",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func section(_ provider: ProviderWeek, zone: TimeZone, week: ReportWeek) -> [String] {
        var lines = ["## \(escape(provider.name))", ""]
        guard provider.current.mentions > 0 else { return lines + ["No posts about \(escape(provider.name)) this week.", ""] }
        lines += ["| Day | " + Label.allCases.map(\.rawValue).joined(separator: " | ") + " | mentions | net score |"]
        lines += ["|---|" + Label.allCases.map { _ in "---:|" }.joined() + "---:|---:|"]
        for (day, figures) in provider.days.enumerated() {
            let counts = Label.allCases.map { "\(figures.counts[$0] ?? 0)" }.joined(separator: " | ")
            lines.append("| \(week.dayNames[day]) | \(counts) | \(figures.mentions) | \(ReportWording.score(figures.netScore)) |")
        }
        lines.append("")
        func list(_ title: String, _ items: [TermCount]) {
            guard !items.isEmpty else { return }
            lines.append("**\(title):** " + items.map { "\(escape(AlertText.clean($0.term, limit: 80))) (\($0.count))" }.joined(separator: ", "))
            lines.append("")
        }
        list("Top complaint terms", provider.terms.terms)
        list("Top complaint phrases", provider.terms.phrases)
        list("Top sources", Array(provider.sources.prefix(10)))
        list("Networks", provider.networks)
        list("Languages", provider.languages)
        for (title, posts) in [("Typical complaints", provider.terms.typical), ("Most positive", provider.mostPositive)] where !posts.isEmpty {
            lines += ["### \(title)", ""]
            for post in posts {
                lines.append("> " + escape(post.text))
                var byline = [post.author.map(escape), escape(post.sourceName), ReportWording.time(post.time, zone)].compactMap { $0 }
                if let link = post.link { byline.append("[open](\(linkTarget(link)))") }
                lines += ["> — " + byline.joined(separator: " · "), ""]
            }
        }
        return lines
    }

    /// Markdown and HTML characters neutralised, mentions broken, one line.
    static func escape(_ text: String) -> String {
        let flat = AlertText.clean(text, limit: 10_000)
        let entities = flat.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        return AlertText.defuseMentions(AlertText.backslashed(entities, characters: "\\`*_{}[]()#|~"))
    }

    /// A URL that cannot end the Markdown link early.
    private static func linkTarget(_ url: String) -> String {
        url.replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ")", with: "%29")
            .replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: "<", with: "%3C")
            .replacingOccurrences(of: ">", with: "%3E")
    }
}
