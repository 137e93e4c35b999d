// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

/// The report's charts as inline SVG: no script, no fonts to fetch, readable by screen readers
/// (`role="img"` with a `<title>` and a `<desc>` that states the numbers), every mark with its
/// own `<title>` tooltip. Colours are dark enough for 3:1 against white, and no chart relies on
/// colour alone: a legend names each label and a table beside each chart holds the figures.
enum ReportSVG {
    /// One colour per label, red for outages to blue for praise (safe for red–green colour blindness).
    static func colour(_ label: Label) -> String {
        switch label {
        case .outage: "#a50f15"
        case .complaint: "#d95f02"
        case .negative: "#7b3294"
        case .neutral: "#737373"
        case .positive: "#2166ac"
        }
    }

    /// Daily mentions stacked by label, outages at the bottom.
    static func dailyVolume(_ provider: ProviderWeek, week: ReportWeek, id: String) -> String {
        let width = 640.0
        let height = 240.0
        let left = 44.0
        let bottom = 200.0
        let top = 16.0
        let maxValue = niceMax(provider.days.map(\.mentions).max() ?? 0)
        let slot = (width - left - 8) / 7
        let names = week.dayNames
        var marks = axis(left: left, right: width - 8, top: top, bottom: bottom, maxValue: maxValue)
        for (day, figures) in provider.days.enumerated() {
            var y = bottom
            let x = left + Double(day) * slot + slot * 0.15
            for label in Label.allCases {
                let value = figures.counts[label] ?? 0
                guard value > 0 else { continue }
                let h = Double(value) / Double(maxValue) * (bottom - top)
                y -= h
                marks += rect(
                    x, y, slot * 0.7, h, fill: colour(label), stroke: "#fff", title: "\(names[day]): \(value) \(label.rawValue)")
            }
            marks += text(x + slot * 0.35, bottom + 16, names[day].split(separator: " ").first.map(String.init) ?? "", anchor: "middle")
        }
        marks += legend(y: height - 12, left: left)
        let summary = provider.days.enumerated().map { "\(names[$0.offset]) \($0.element.mentions)" }.joined(separator: ", ")
        return svg(
            id: id, width: width, height: height, title: "Daily mentions of \(provider.name) by label",
            desc: "Mentions per day: \(summary). Bars are stacked from outage at the bottom to positive at the top.",
            body: marks)
    }

    /// Mentions by weekday and local hour; darker is more.
    static func heatMap(_ provider: ProviderWeek, week: ReportWeek, id: String) -> String {
        let cell = 22.0
        let left = 44.0
        let top = 18.0
        let width = left + cell * 24 + 8
        let height = top + cell * 7 + 36
        let maxValue = provider.hours.flatMap { $0 }.max() ?? 0
        let scale = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
        var marks = ""
        for hour in stride(from: 0, to: 24, by: 3) {
            marks += text(left + Double(hour) * cell + cell / 2, top - 5, String(format: "%02d", hour), anchor: "middle")
        }
        let names = week.dayNames
        var busiest = (day: 0, hour: 0, count: 0)
        for day in 0..<7 {
            marks += text(left - 6, top + Double(day) * cell + cell * 0.68, String(names[day].prefix(3)), anchor: "end")
            for hour in 0..<24 {
                let value = provider.hours[day][hour]
                if value > busiest.count { busiest = (day, hour, value) }
                let fill =
                    value == 0
                    ? "#f2f2f2" : scale[min(scale.count - 1, Int(Double(value) / Double(max(1, maxValue)) * Double(scale.count - 1) + 0.5))]
                marks +=
                    "<rect x=\"\(f(left + Double(hour) * cell))\" y=\"\(f(top + Double(day) * cell))\" width=\"\(f(cell - 2))\" height=\"\(f(cell - 2))\" fill=\"\(fill)\">"
                    + "<title>\(ReportHTML.escape(String(format: "%@ %02d:00: %d mentions", names[day], hour, value)))</title></rect>"
            }
        }
        let legendY = top + cell * 7 + 14
        marks += text(left, legendY + 10, "fewer", anchor: "start")
        for (index, fill) in scale.enumerated() {
            marks += rect(left + 40 + Double(index) * 18, legendY, 16, 12, fill: fill, stroke: nil)
        }
        marks += text(left + 40 + Double(scale.count) * 18 + 4, legendY + 10, "more (max \(maxValue) in an hour)", anchor: "start")
        let desc =
            maxValue == 0
            ? "No mentions this week."
            : String(format: "Busiest hour: %@ %02d:00 with %d mentions.", names[busiest.day], busiest.hour, busiest.count)
        return svg(
            id: id, width: width, height: height, title: "Mentions of \(provider.name) by day and hour (\(week.timeZone.identifier))",
            desc: desc, body: marks)
    }

    /// The daily net score (−100…+100), a gap on days without posts.
    static func sentiment(_ provider: ProviderWeek, week: ReportWeek, id: String) -> String {
        let width = 640.0
        let height = 200.0
        let left = 44.0
        let top = 14.0
        let bottom = 170.0
        let slot = (width - left - 8) / 7
        func y(_ score: Double) -> Double { top + (100 - score) / 200 * (bottom - top) }
        var marks = ""
        for tick in [100.0, 50, 0, -50, -100] {
            marks +=
                "<line x1=\"\(f(left))\" x2=\"\(f(width - 8))\" y1=\"\(f(y(tick)))\" y2=\"\(f(y(tick)))\" stroke=\"\(tick == 0 ? "#555" : "#ddd")\"/>"
            marks += text(left - 6, y(tick) + 4, ReportWording.score(tick), anchor: "end")
        }
        let names = week.dayNames
        var segment: [String] = []
        var lines: [[String]] = []
        for (day, figures) in provider.days.enumerated() {
            let x = left + Double(day) * slot + slot / 2
            marks += text(x, bottom + 18, String(names[day].prefix(3)), anchor: "middle")
            guard let score = figures.netScore else {
                if !segment.isEmpty { lines.append(segment) }
                segment = []
                continue
            }
            segment.append("\(f(x)),\(f(y(score)))")
            marks +=
                "<circle cx=\"\(f(x))\" cy=\"\(f(y(score)))\" r=\"4\" fill=\"#2166ac\"><title>\(ReportHTML.escape("\(names[day]): net \(ReportWording.score(score)) from \(figures.mentions) mentions"))</title></circle>"
        }
        if !segment.isEmpty { lines.append(segment) }
        for line in lines where line.count > 1 {
            marks = "<polyline fill=\"none\" stroke=\"#2166ac\" stroke-width=\"2\" points=\"\(line.joined(separator: " "))\"/>" + marks
        }
        let summary = provider.days.enumerated().map { "\(names[$0.offset]) \(ReportWording.score($0.element.netScore))" }
            .joined(separator: ", ")
        return svg(
            id: id, width: width, height: height, title: "Net sentiment of \(provider.name) per day",
            desc: "Net score per day, positive minus negative posts per hundred mentions: \(summary).", body: marks)
    }

    /// Incidents as bars on the week, one lane per provider; ▲ marks our alert, ◆ the provider's first word.
    static func timeline(_ report: WeeklyReport, id: String) -> String {
        let lanes = report.providers.filter { provider in report.incidents.contains { $0.providerID == provider.id } }
        let width = 640.0
        let left = 110.0
        let lane = 30.0
        let top = 22.0
        let height = top + lane * Double(max(1, lanes.count)) + 20
        let week = report.week
        let span = week.end.timeIntervalSince(week.start)
        func x(_ date: Date) -> Double {
            left + max(0, min(1, date.timeIntervalSince(week.start) / span)) * (width - left - 8)
        }
        var marks = ""
        for (day, name) in week.dayNames.enumerated() {
            let dayX = x(week.boundaries[day])
            marks += "<line x1=\"\(f(dayX))\" x2=\"\(f(dayX))\" y1=\"\(f(top - 4))\" y2=\"\(f(height - 16))\" stroke=\"#ddd\"/>"
            marks += text(dayX + 3, top - 8, String(name.prefix(3)), anchor: "start")
        }
        var descriptions: [String] = []
        for (index, provider) in lanes.enumerated() {
            let laneY = top + Double(index) * lane
            marks += text(left - 6, laneY + lane * 0.6, AlertText.truncate(provider.name, limit: 16), anchor: "end")
            for incident in report.incidents where incident.providerID == provider.id {
                let end = incident.end ?? min(report.generatedAt, week.end)
                let startX = x(incident.start)
                let barWidth = max(3, x(end) - startX)
                let label =
                    "\(provider.name): \(ReportWording.time(incident.start, week.timeZone)), "
                    + (incident.duration.map { "lasted " + ReportWording.duration($0) } ?? "still open")
                    + ", official word: \(ReportWording.officialDelay(incident))"
                descriptions.append(label)
                marks +=
                    "<rect x=\"\(f(startX))\" y=\"\(f(laneY + 6))\" width=\"\(f(barWidth))\" height=\"\(f(lane - 12))\" fill=\"#a50f15\" fill-opacity=\"0.8\"><title>\(ReportHTML.escape(label))</title></rect>"
                if let alertedAt = incident.alertedAt {
                    marks +=
                        "<path d=\"M\(f(x(alertedAt))) \(f(laneY + lane - 8)) l-5 8 h10 z\" fill=\"#000\"><title>\(ReportHTML.escape("our alert: " + ReportWording.alertDelay(incident)))</title></path>"
                }
                if let word = incident.officialWord {
                    let wordX = x(word.createdAt)
                    marks +=
                        "<path d=\"M\(f(wordX)) \(f(laneY)) l5 6 l-5 6 l-5 -6 z\" fill=\"#2166ac\" stroke=\"#fff\"><title>\(ReportHTML.escape("official word: " + ReportWording.officialDelay(incident)))</title></path>"
                }
            }
        }
        if lanes.isEmpty { marks += text(left, top + lane * 0.6, "No incidents this week.", anchor: "start") }
        marks += text(left, height - 4, "bar: first complaint to end · ▲ our alert · ◆ provider's first word", anchor: "start")
        return svg(
            id: id, width: width, height: height, title: "Incidents of the week on a timeline",
            desc: descriptions.isEmpty ? "No incidents this week." : descriptions.joined(separator: "; ") + ".", body: marks)
    }

    /// Share of voice and of complaints per provider, as horizontal bars.
    static func shares(_ report: WeeklyReport, id: String) -> String {
        let width = 640.0
        let left = 130.0
        let row = 34.0
        let height = 24 + row * Double(max(1, report.providers.count)) + 8
        var marks = ""
        marks += rect(left, 4, 12, 10, fill: "#2166ac", stroke: nil) + text(left + 16, 13, "share of voice", anchor: "start")
        marks += rect(left + 130, 4, 12, 10, fill: "#d95f02", stroke: nil) + text(left + 146, 13, "share of complaints", anchor: "start")
        var summary: [String] = []
        for (index, provider) in report.providers.enumerated() {
            let y = 24 + Double(index) * row
            marks += text(left - 6, y + 18, AlertText.truncate(provider.name, limit: 18), anchor: "end")
            let voice = provider.shareOfVoice ?? 0
            let complaints = provider.shareOfComplaints ?? 0
            let span = width - left - 60
            marks += rect(left, y + 2, max(0.5, voice * span), 12, fill: "#2166ac", stroke: nil)
            marks += text(left + voice * span + 4, y + 12, ReportWording.percent(provider.shareOfVoice), anchor: "start")
            marks += rect(left, y + 16, max(0.5, complaints * span), 12, fill: "#d95f02", stroke: nil)
            marks += text(left + complaints * span + 4, y + 26, ReportWording.percent(provider.shareOfComplaints), anchor: "start")
            summary.append(
                "\(provider.name) \(ReportWording.percent(provider.shareOfVoice)) of mentions, \(ReportWording.percent(provider.shareOfComplaints)) of complaints")
        }
        return svg(
            id: id, width: width, height: height, title: "Share of voice and of complaints",
            desc: summary.isEmpty ? "No providers." : summary.joined(separator: "; ") + ".", body: marks)
    }

    // MARK: - Pieces

    private static func svg(id: String, width: Double, height: Double, title: String, desc: String, body: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\">"
            + "<title id=\"\(id)-t\">\(ReportHTML.escape(title))</title><desc id=\"\(id)-d\">\(ReportHTML.escape(desc))</desc>"
            + body + "</svg>"
    }

    private static func axis(left: Double, right: Double, top: Double, bottom: Double, maxValue: Int) -> String {
        var marks = ""
        for step in 0...2 {
            let value = maxValue * step / 2
            let y = bottom - Double(step) / 2 * (bottom - top)
            marks += "<line x1=\"\(f(left))\" x2=\"\(f(right))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke=\"\(step == 0 ? "#555" : "#ddd")\"/>"
            marks += text(left - 6, y + 4, ReportWording.count(value), anchor: "end")
        }
        return marks
    }

    private static func legend(y: Double, left: Double) -> String {
        var marks = ""
        var x = left
        for label in Label.allCases {
            marks += rect(x, y - 9, 10, 10, fill: colour(label), stroke: nil)
            marks += text(x + 14, y, label.rawValue, anchor: "start")
            x += 24 + Double(label.rawValue.count) * 7
        }
        return marks
    }

    private static func rect(
        _ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: String, stroke: String?, title: String? = nil
    ) -> String {
        "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(width))\" height=\"\(f(height))\" fill=\"\(fill)\""
            + (stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? "")
            + (title.map { "><title>\(ReportHTML.escape($0))</title></rect>" } ?? "/>")
    }

    private static func text(_ x: Double, _ y: Double, _ content: String, anchor: String) -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\">\(ReportHTML.escape(content))</text>"
    }

    /// A round upper bound for an axis: 1, 2, 5 × 10ⁿ, at least 1.
    static func niceMax(_ value: Int) -> Int {
        guard value > 1 else { return 1 }
        var magnitude = 1
        while magnitude * 10 <= value { magnitude *= 10 }
        for factor in [1, 2, 5, 10] where factor * magnitude >= value { return factor * magnitude }
        return 10 * magnitude
    }

    /// Coordinates with at most one decimal, so golden files do not depend on float printing.
    static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
