// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import FailwatchKit
@testable import FailwatchCore
@testable import FailwatchStore

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
        // To the first delivery a sink took (42 min), not to detection (12 min).
        #expect(vodafone.detectedAt == vodafone.start + 720)
        #expect(vodafone.timeToAlert == ReportSeed.tuesdayAlertDelay)
        #expect(vodafone.duration == 3.5 * 3600)
        #expect(vodafone.timeToOfficialWord == 2700)
        #expect(vodafone.peakRatio == 17)
        // The status page speaks only for Vodafone, and maintenance is not an official word.
        let telekom = try #require(report.incidents.first { $0.providerID == "telekom" })
        #expect(telekom.officialWord == nil)
        #expect(telekom.end == nil)
        #expect(ReportWording.officialDelay(telekom) == "no official word")
        // Its alert still waits in the outbox: nobody was told.
        #expect(telekom.timeToAlert == nil)
        #expect(ReportWording.alertDelay(telekom) == "not delivered")
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
        let report = try ReportSeed.report(try ReportSeed.store(firstRun: firstRun, weeks: [0]))
        // The first run backfilled posts from before it: the data begins with the first post.
        let store = try ReportSeed.store(firstRun: firstRun, weeks: [0])
        let first = try store.read("first post") { db in try Int64.fetchOne(db, sql: "SELECT MIN(published) FROM post") }
        #expect(report.coverageStart == Date(unixSeconds: first))
        #expect(report.coverageStart.map { $0 < firstRun } == true)
        #expect(report.providers.allSatisfy { $0.previous == nil })
        let markdown = ReportFormat.md.render(report)
        #expect(markdown.contains("failwatch has data only since Mon 16 Nov"))
        #expect(markdown.contains("No data for the week before, so no changes are given."))
        #expect(markdown.contains("(n/a)"))
    }

    /// A first run on Monday 06:57 that backfilled the weeks before: the report compares with
    /// the week before and says its data begins where the posts begin, not at the run.
    @Test func aBackfilledStoreGivesChangesFromItsFirstWeek() throws {
        let firstRun = ReportSeed.weekStart.addingTimeInterval(6 * 3600 + 57 * 60)
        let report = try ReportSeed.report(try ReportSeed.store(firstRun: firstRun))
        #expect(report.coverageStart == nil)
        #expect(report.providers.allSatisfy { $0.previous != nil })
        let markdown = ReportFormat.md.render(report)
        #expect(!markdown.contains("No data for the week before"))
        #expect(!markdown.contains("06:57"))
        #expect(markdown.contains("| 63 (+17, +37%) |"))
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

    @Test func complaintTermsSkipStopWordsFillersNamesLinksAndPeopleButKeepNegationsInPhrases() {
        var counter = TermCounter(ignoring: ["Vodafone", "@vodafone_de"])
        counter.add(id: 1, text: "@anna Vodafone: kein Internet seit heute https://t.co/x #störung")
        counter.add(id: 2, text: "Wieder kein Internet bei Vodafone. Störung!")
        counter.add(id: 3, text: "the router is down and the hotline is down")
        let summary = counter.summary(limit: 10, typical: 2)
        let terms = summary.terms.map(\.term)
        #expect(terms.prefix(3) == ["internet", "störung", "down"])
        #expect(!terms.contains("kein"))
        #expect(!terms.contains("vodafone") && !terms.contains("anna") && !terms.contains("seit") && !terms.contains("t"))
        #expect(summary.phrases.map(\.term) == ["kein internet"])
        #expect(summary.typicalIDs.count == 2)
    }

    /// "kein", "gar", "jemand" and their kind fill sentences; they are no complaint topic.
    @Test func fillerWordsAreNoTopComplaintTerms() {
        var counter = TermCounter(ignoring: ["Vodafone"])
        counter.add(id: 1, text: "Hat jemand auch gar kein Netz? Vodafone Störung")
        counter.add(id: 2, text: "jemand anders auch gar kein Netz, nichts geht")
        counter.add(id: 3, text: "Is anybody else without signal? nothing works, no signal at all")
        counter.add(id: 4, text: "no signal since noon, totally nothing")
        let summary = counter.summary(limit: 20, typical: 1)
        let terms = Set(summary.terms.map(\.term))
        for filler in ["kein", "gar", "jemand", "nichts", "nothing", "no", "totally"] { #expect(!terms.contains(filler), "\(filler)") }
        #expect(terms.contains("netz") && terms.contains("signal"))
        #expect(summary.phrases.map(\.term).contains("kein netz"))
        #expect(!summary.phrases.map(\.term).contains("gar kein"))
    }
}
