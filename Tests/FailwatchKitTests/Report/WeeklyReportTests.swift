// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import FailwatchKit

@Suite struct WeeklyReportTests {
    @Test func figuresComeFromThePerProviderVerdictsOfTheWeekAndTheWeekBefore() throws {
        let report = try ReportSeed.report(try ReportSeed.store())
        let vodafone = try #require(report.providers.first { $0.id == "vodafone" })
        // 90 generated posts this week, two thirds about Vodafone, plus three hostile ones.
        #expect(vodafone.current.mentions == 63)
        #expect(vodafone.days.reduce(0) { $0 + $1.mentions } == vodafone.current.mentions)
        #expect(vodafone.hours.flatMap { $0 }.reduce(0, +) == vodafone.current.mentions)
        #expect(vodafone.previous?.mentions == 46)
        let voices = report.providers.compactMap(\.shareOfVoice).reduce(0, +)
        #expect(abs(voices - 1) < 1e-9)
        #expect(report.providers.last?.current.mentions == 0)
    }

    @Test func incidentsTellHowFastWeAndTheProviderSpoke() throws {
        let report = try ReportSeed.report(try ReportSeed.store())
        let vodafone = try #require(report.incidents.first { $0.providerID == "vodafone" })
        #expect(vodafone.timeToAlert == 720)
        #expect(vodafone.duration == 3.5 * 3600)
        #expect(vodafone.timeToOfficialWord == 2700)
        #expect(vodafone.peakRatio == 17)
        // The status page speaks only for Vodafone, and maintenance is not an official word.
        let telekom = try #require(report.incidents.first { $0.providerID == "telekom" })
        #expect(telekom.officialWord == nil)
        #expect(telekom.end == nil)
        #expect(ReportWording.officialDelay(telekom) == "no official word")
    }

    @Test func anAnnouncementBeforeTheFirstComplaintCountsAsSpeakingFirst() throws {
        let first = ReportSeed.weekStart.addingTimeInterval(86_400)
        let incident = IncidentRecord(id: "i", providerID: "vodafone", firstComplaintAt: first, openedAt: first)
        let statements = [
            ReportAggregates.StatementRow(providerID: "telekom", sourceName: "a", kind: "post", title: "other", url: nil, createdAt: first),
            ReportAggregates.StatementRow(providerID: nil, sourceName: "b", kind: "post", title: "we know", url: nil, createdAt: first - 1200),
            ReportAggregates.StatementRow(providerID: nil, sourceName: "c", kind: "incident", title: "too early", url: nil, createdAt: first - 7200),
        ]
        let word = WeeklyReport.firstWord(for: incident, in: statements, scopes: [:], until: first + 3600)
        #expect(word?.title == "we know")
        var aggregates = ReportAggregates()
        aggregates.incidents = [incident]
        aggregates.statements = statements
        let summary = WeeklyReport.build(
            week: try ReportWeek(year: 2026, week: 47, timeZone: ReportSeed.zone), providers: ReportSeed.providers,
            aggregates: aggregates, generatedAt: ReportSeed.generatedAt
        ).incidents.first
        #expect(summary.map(ReportWording.officialDelay) == "20 min before the first complaint")
    }

    @Test func aFirstWeekOfUseSaysSoAndGivesNoChanges() throws {
        let firstRun = ReportSeed.weekStart.addingTimeInterval(2 * 86_400 + 14 * 3600)
        let report = try ReportSeed.report(try ReportSeed.store(firstRun: firstRun))
        #expect(report.coverageStart == firstRun)
        #expect(report.providers.allSatisfy { $0.previous == nil })
        let markdown = ReportFormat.md.render(report)
        #expect(markdown.contains("failwatch has data only since Wed 18 Nov 14:00"))
        #expect(markdown.contains("(n/a)"))
    }

    @Test(arguments: ReportFormat.allCases)
    func anEmptyStoreRendersAReportThatSaysSo(format: ReportFormat) throws {
        let store = try AppDatabase.inMemory()
        let report = try ReportSeed.report(store)
        #expect(report.isEmpty)
        let text = format.render(report)
        #expect(!text.isEmpty)
        if format == .json {
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            #expect(object?["schema"] as? String == "failwatch.report/1")
        } else if format != .csv {
            #expect(text.contains("No posts about the watched providers this week."))
        }
    }

    @Test func noProvidersStillRenders() throws {
        let report = try ReportSeed.report(try ReportSeed.store(), providers: [])
        for format in ReportFormat.allCases { #expect(!format.render(report).isEmpty) }
    }

    @Test func complaintTermsSkipStopWordsNamesLinksAndPeopleButKeepNegations() {
        var counter = TermCounter(ignoring: ["Vodafone", "@vodafone_de"])
        counter.add(id: 1, text: "@anna Vodafone: kein Internet seit heute https://t.co/x #störung")
        counter.add(id: 2, text: "Wieder kein Internet bei Vodafone. Störung!")
        counter.add(id: 3, text: "the router is down and the hotline is down")
        let summary = counter.summary(limit: 10, typical: 2)
        let terms = summary.terms.map(\.term)
        #expect(terms.prefix(3) == ["internet", "kein", "störung"])
        #expect(!terms.contains("vodafone") && !terms.contains("anna") && !terms.contains("seit") && !terms.contains("t"))
        #expect(summary.phrases.map(\.term) == ["kein internet"])
        #expect(summary.typicalIDs.count == 2)
    }
}
