// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import FailwatchStore
import Foundation
import Testing

/// Silences through detection and the outbox: the incident is found and stored as ever, its
/// alerts wait as held, and when the silence ends an incident still open alerts then, while one
/// that ended meanwhile stays quiet.
@Suite struct SilenceDeliveryTests {
    typealias Sender = AlertDeliveryTests.ScriptedSender

    static func hold(until end: Date) -> AlertHold {
        AlertHold(silences: [
            Silence(
                providerID: "vodafone", reason: "planned works", createdBy: "ana",
                createdAt: IncidentRunTests.burst.addingTimeInterval(-3_600), endsAt: end)
        ])
    }

    /// Detection and delivery at each of `minutes` after the burst, as cron runs them.
    static func poll(_ store: AppDatabase, at minutes: [Int], hold: AlertHold, sender: Sender) async throws
        -> [AlertDelivery.Summary]
    {
        let config = try IncidentRunTests.config()
        var summaries: [AlertDelivery.Summary] = []
        for minute in minutes {
            let now = IncidentRunTests.burst.addingTimeInterval(Double(minute) * 60)
            var detection = IncidentRun(config: config, store: store, now: now) { _, _ in AlertMessage.OfficialState() }
            detection.hold = hold
            _ = try await detection.run()
            var delivery = AlertDelivery(config: config, store: store, sender: sender, now: now)
            delivery.hold = hold
            summaries.append(try await delivery.run())
        }
        return summaries
    }

    @Test func anIncidentStillOpenWhenTheSilenceEndsAlertsThen() async throws {
        let store = try IncidentRunTests.seeded()
        let sender = Sender()
        let hold = Self.hold(until: IncidentRunTests.burst.addingTimeInterval(20 * 60))

        let during = try await Self.poll(store, at: [0, 5, 10, 15], hold: hold, sender: sender)
        #expect(sender.sent.isEmpty, "nothing is sent while silenced")
        #expect(during.last?.held ?? 0 > 0)
        let incident = try #require(try store.incidents().first)
        #expect(incident.resolvedAt == nil)
        #expect(incident.heldBy == "silenced by ana until 2026-11-21T14:20:00Z: planned works")
        #expect(try store.outbox().allSatisfy { $0.status == .held && $0.heldReason == incident.heldBy })

        let after = try await Self.poll(store, at: [20], hold: hold, sender: sender)
        #expect(after.first?.sent == 1)
        #expect(sender.sent.map { $0.headers["Idempotency-Key"] } == ["\(incident.id)-0"], "the opening, late but sent")
    }

    @Test func anIncidentThatEndedDuringTheSilenceIsNeverSent() async throws {
        let store = try IncidentRunTests.seeded()
        let sender = Sender()
        let hold = Self.hold(until: IncidentRunTests.burst.addingTimeInterval(3 * 3_600 + 120))

        _ = try await Self.poll(store, at: [0, 5, 10, 15, 60, 180], hold: hold, sender: sender)
        let incident = try #require(try store.incidents().first)
        #expect(incident.resolvedAt != nil, "detected and resolved while silenced")
        let after = try await Self.poll(store, at: [185], hold: hold, sender: sender)

        #expect(sender.sent.isEmpty)
        #expect(after.first?.suppressed == 2, "opening and resolution")
        #expect(try store.outbox().map(\.status) == [.suppressed, .suppressed])
        let report = try ReportSeed.report(store, providers: [ProviderTerms(id: "vodafone", name: "Vodafone")])
        #expect(report.incidents.first?.heldBy == "silenced by ana until 2026-11-21T17:02:00Z: planned works")
        for format in [ReportFormat.md, .html, .csv, .json] {
            #expect(format.render(report).contains("silenced by ana until 2026-11-21T17:02:00Z: planned works"), "\(format)")
        }
        #expect(ReportFormat.md.render(report).contains("; alerts held: silenced by ana"))
    }

    @Test func aMaintenanceWindowFromFeedsYmlHoldsLikeASilence() async throws {
        let store = try IncidentRunTests.seeded()
        let sender = Sender()
        var provider = ProviderConfig(id: "vodafone", name: "Vodafone")
        provider.maintenance = [
            MaintenanceWindow(
                schedule: .weekly(days: [7], from: 13 * 60, until: 15 * 60), timeZone: TimeZone(secondsFromGMT: 0) ?? .current,
                reason: "weekly works")
        ]
        _ = try await Self.poll(store, at: [0, 5, 10, 15], hold: AlertHold(providers: [provider]), sender: sender)
        #expect(sender.sent.isEmpty)
        #expect(try store.incidents().first?.heldBy == "maintenance every saturday 13:00–15:00 UTC: weekly works")
    }
}
