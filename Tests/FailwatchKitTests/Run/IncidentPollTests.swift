// SPDX-License-Identifier: Apache-2.0
import FailwatchKit
import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// The acceptance: `poll` stepping through a simulated day raises one alert per burst,
/// updates and resolves it, stays quiet on an ordinary day, and survives a webhook outage.
@Suite struct IncidentPollTests {
    static let burst = SimulatedDay.day.addingTimeInterval(14 * 3_600 + 120)  // 14:02

    static func keys(_ requests: [WebhookReceiver.Request]) -> [String] {
        requests.compactMap { $0.header("Idempotency-Key") }
    }

    static func burstDay() -> SimulatedDay {
        var day = SimulatedDay.ordinary()
        day.burst(at: burst)
        return day
    }

    static let burstPolls = SimulatedDay.pollTimes(
        denseFrom: burst.addingTimeInterval(-1_800), denseTo: burst.addingTimeInterval(3 * 3_600))

    @Test func burstRaisesOneAlertUpdatesAndResolvesIt() async throws {
        let store = try AppDatabase.inMemory()
        let (results, requests, _) = try await Self.burstDay().run(at: Self.burstPolls, store: store)
        let keys = Self.keys(requests)
        let byTenMinutes = try #require(results.first { $0.now >= Self.burst.addingTimeInterval(600) })
        let beforeBurst = try #require(results.last { $0.now < Self.burst })

        #expect(beforeBurst.requests == 0, "no alert before the burst")
        #expect(byTenMinutes.requests >= 1, "the opening alert is sent by the first poll at or after T+10 min")
        let incidents = try store.incidents(provider: "vodafone")
        let incident = try #require(incidents.first)
        #expect(incidents.count == 1)
        #expect(keys.first == "\(incident.id)-0")
        #expect(keys.filter { $0.hasSuffix("-0") }.count == 1, "exactly one opening: \(keys)")
        #expect(Set(keys).count == keys.count, "no message twice: \(keys)")
        #expect(keys.count >= 3, "an update as it grows and a resolution: \(keys)")
        let first = try #require(requests.first?.text)
        #expect(first.contains("Vodafone") && first.contains("kunde"))
        #expect(first.contains("grafana.example.org"))
        let last = try #require(requests.last?.text)
        #expect(last.contains("Resolved"), "\(last)")
        #expect(incident.resolvedAt != nil)
        #expect(incident.authors >= 30)
        #expect(incident.firstComplaintAt <= Self.burst.addingTimeInterval(60))
        #expect(incident.sources == ["forum"])
        #expect(results.allSatisfy { $0.summary.alerts.problems.isEmpty })
    }

    @Test func ordinaryDayRaisesNoAlert() async throws {
        let times = SimulatedDay.pollTimes(
            denseFrom: SimulatedDay.day.addingTimeInterval(8 * 3_600),
            denseTo: SimulatedDay.day.addingTimeInterval(11 * 3_600))
        let store = try AppDatabase.inMemory()
        let (_, requests, _) = try await SimulatedDay.ordinary().run(at: times, store: store)
        #expect(requests.isEmpty)
        #expect(try store.incidents().isEmpty)
    }

    @Test func ordinaryFortnightRaisesNoAlert() async throws {
        let times = SimulatedDay.pollTimes(every: 3_600, until: SimulatedDay.day.addingTimeInterval(14 * 86_400))
        let store = try AppDatabase.inMemory()
        let (results, requests, _) = try await SimulatedDay.ordinaryFortnight().run(at: times, store: store)
        #expect(results.reduce(0) { $0 + $1.summary.postsNew } > 500, "the fortnight was read")
        #expect(requests.isEmpty)
        #expect(try store.incidents().isEmpty)
    }

    @Test func oneAuthorSpammingFortyComplaintsRaisesNoAlert() async throws {
        var day = SimulatedDay.ordinary()
        day.spam(at: Self.burst)
        let store = try AppDatabase.inMemory()
        let (results, requests, _) = try await day.run(at: Self.burstPolls, store: store)
        #expect(results.contains { $0.summary.postsNew >= 20 }, "the spam was read")
        #expect(requests.isEmpty)
        #expect(try store.incidents().isEmpty)
    }

    @Test func burstAboutACompetitorAlertsOnlyForTheCompetitor() async throws {
        var day = SimulatedDay.ordinary()
        day.burst(at: Self.burst, about: "Telekom")
        let store = try AppDatabase.inMemory()
        let (_, requests, _) = try await day.run(at: Self.burstPolls, store: store, competitor: "Telekom")
        let incidents = try store.incidents()
        #expect(incidents.map(\.providerID) == ["telekom"])
        let opening = try #require(requests.first?.text)
        #expect(opening.contains("Telekom") && !opening.contains("Vodafone"), "\(opening)")
    }

    @Test func webhookDownForAnHourDelaysTheAlertWithoutLosingOrDuplicatingIt() async throws {
        let back = Self.burst.addingTimeInterval(3_900)  // the webhook answers again at 15:07
        let store = try AppDatabase.inMemory()
        let (results, requests, failed) = try await Self.burstDay().run(
            at: Self.burstPolls, store: store, downUntil: back)
        let keys = Self.keys(Array(requests.dropFirst(failed)))

        #expect(failed >= 2, "the opening was tried while the webhook was down")
        #expect(keys.first?.hasSuffix("-0") == true, "the opening arrives first once it is back: \(keys)")
        #expect(Set(keys).count == keys.count, "no message twice: \(keys)")
        #expect(keys.count >= 3, "opening, updates and resolution all arrive: \(keys)")
        let down = results.filter { $0.now < back && $0.now >= Self.burst.addingTimeInterval(600) }
        #expect(down.allSatisfy { $0.summary.alerts.sent == 0 })
        #expect(down.contains { !$0.summary.alerts.problems.isEmpty }, "a down webhook is reported")
        #expect(try store.pendingAlerts().isEmpty, "nothing is left in the outbox")
    }
}
