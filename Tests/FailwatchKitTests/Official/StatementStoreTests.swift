// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import FailwatchStore
import Foundation
import Testing

/// Statements in the store: one row per (source, external id), updated as the page changes.
@Suite struct StatementStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z

    static func incident(status: String, updatedAt: Date, resolvedAt: Date? = nil, createdAt: Date? = t0)
        -> OfficialStatement
    {
        OfficialStatement(
            sourceName: "examplenet-status", providerID: "examplenet", externalID: "p31", kind: .incident,
            title: "DSL outage in Berlin", status: status, impact: "major", components: ["DSL Berlin"],
            createdAt: createdAt, updatedAt: updatedAt, resolvedAt: resolvedAt, fetched: updatedAt)
    }

    static func record(_ statements: [OfficialStatement], in store: AppDatabase, at now: Date) throws {
        let report = SourceReport(
            name: "examplenet-status", kind: "statuspage", url: "https://status.examplenet.de",
            outcome: .fetched(.init(posts: [], statements: statements)), duration: 0.1)
        try store.record(report, runID: try store.startRun(at: now), at: now)
    }

    @Test func anIncidentIsUpdatedInPlaceAsItsStatusChanges() throws {
        // Given a store that saw an incident open
        let store = try AppDatabase.inMemory()
        try Self.record([Self.incident(status: "investigating", updatedAt: Self.t0)], in: store, at: Self.t0)
        // When the page says identified, then resolved (a later sighting without a creation time)
        try Self.record([Self.incident(status: "identified", updatedAt: Self.t0 + 600)], in: store, at: Self.t0 + 600)
        try Self.record(
            [Self.incident(status: "resolved", updatedAt: Self.t0 + 3600, resolvedAt: Self.t0 + 3600, createdAt: nil)],
            in: store, at: Self.t0 + 3600)
        // Then there is one row, resolved, still created when first said
        let rows = try store.statements(providerID: "examplenet", from: Self.t0 - 86_400, to: Self.t0 + 86_400)
        #expect(rows.count == 1)
        #expect(rows.first?.status == "resolved")
        #expect(rows.first?.createdAt == Self.t0)
        #expect(rows.first?.resolvedAt == Self.t0 + 3600)
        #expect(rows.first?.components == ["DSL Berlin"])
    }

    @Test func statementsOfAWeekIncludeThoseOpenAcrossIt() throws {
        let store = try AppDatabase.inMemory()
        let old = Self.incident(status: "investigating", updatedAt: Self.t0 - 10 * 86_400, createdAt: Self.t0 - 10 * 86_400)
        var other = old
        other.externalID = "other"
        other.providerID = "telekom"
        var shared = Self.incident(status: "resolved", updatedAt: Self.t0 + 60, resolvedAt: Self.t0 + 60)
        shared.externalID = "shared"
        shared.providerID = nil
        try Self.record([old, other, shared], in: store, at: Self.t0 + 60)

        let week = try store.statements(providerID: "examplenet", from: Self.t0 - 86_400, to: Self.t0 + 86_400)
        // The old one never closed, but the page's last word on it is older than the week.
        #expect(week.map(\.externalID) == ["shared"])
        let month = try store.statements(providerID: "examplenet", from: Self.t0 - 30 * 86_400, to: Self.t0 + 86_400)
        #expect(month.map(\.externalID) == ["p31", "shared"])
    }

    @Test func firstOfficialWordIsTheFirstStatementCreatedAfterTheComplaintsBegan() throws {
        let store = try AppDatabase.inMemory()
        let page = OfficialStatement(
            sourceName: "examplenet-status", providerID: "examplenet", externalID: OfficialStatement.pageStatusID,
            kind: .status, title: "Major System Outage", status: "major", updatedAt: Self.t0 + 60, fetched: Self.t0 + 60)
        let before = Self.incident(status: "resolved", updatedAt: Self.t0 - 7200, createdAt: Self.t0 - 7200)
        var ack = Self.incident(status: "investigating", updatedAt: Self.t0 + 1500, createdAt: Self.t0 + 1500)
        ack.externalID = "ack"
        var later = ack
        later.externalID = "later"
        later.createdAt = Self.t0 + 4000
        try Self.record([page, before, ack, later], in: store, at: Self.t0 + 4000)

        #expect(try store.firstOfficialWord(providerID: "examplenet", after: Self.t0) == Self.t0 + 1500)
        #expect(try store.firstOfficialWord(providerID: "examplenet", after: Self.t0 + 5000) == nil)
        #expect(try store.firstOfficialWord(providerID: "telekom", after: Self.t0) == nil)
    }
}
