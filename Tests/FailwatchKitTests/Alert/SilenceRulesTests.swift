// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import FailwatchStore
import Foundation
import Testing

/// When alerts are held (silences, maintenance windows) and what becomes of them when the hold
/// ends: pure rules, no store.
@Suite struct SilenceRulesTests {
    static let now = Date(timeIntervalSince1970: 1_795_251_600)  // Saturday 2026-11-21T09:00:00Z
    static let berlin = TimeZone(identifier: "Europe/Berlin") ?? .current

    @Test func aWeeklyWindowAcrossMidnightHoldsBothNightsInItsZone() {
        // Saturday 23:00 to Sunday 01:30, Berlin time (UTC+1 in November).
        let window = MaintenanceWindow(schedule: .weekly(days: [7], from: 23 * 60, until: 90), timeZone: Self.berlin)
        let saturday2230Berlin = Self.now.addingTimeInterval(12.5 * 3600)  // 21:30Z = 22:30 Berlin
        #expect(!window.contains(saturday2230Berlin))
        #expect(window.contains(saturday2230Berlin.addingTimeInterval(30 * 60)))  // 23:00 Berlin
        #expect(window.contains(saturday2230Berlin.addingTimeInterval(3 * 3600 - 60)))  // Sunday 01:29 Berlin
        #expect(!window.contains(saturday2230Berlin.addingTimeInterval(3 * 3600)))  // Sunday 01:30 Berlin
        #expect(!window.contains(saturday2230Berlin.addingTimeInterval(7 * 86_400 - 86_400)))  // Friday
    }

    @Test func aSilenceNamesWhoAndWhyAndWinsOverMaintenance() {
        let provider = ProviderConfig(id: "vodafone", name: "Vodafone")
        var withWindow = provider
        withWindow.maintenance = [
            MaintenanceWindow(
                schedule: .once(from: Self.now, until: Self.now.addingTimeInterval(3600)), timeZone: Self.berlin,
                reason: "router swap")
        ]
        let silence = Silence(
            providerID: "vodafone", reason: "planned works", createdBy: "ana", createdAt: Self.now.addingTimeInterval(-60),
            endsAt: Self.now.addingTimeInterval(1800))
        let hold = AlertHold(silences: [silence], providers: [withWindow])
        #expect(hold.reason(provider: "vodafone", at: Self.now) == "silenced by ana until 2026-11-21T09:30:00Z: planned works")
        #expect(
            hold.reason(provider: "vodafone", at: Self.now.addingTimeInterval(1800))
                == "maintenance 2026-11-21 10:00–2026-11-21 11:00 Europe/Berlin: router swap")
        #expect(hold.reason(provider: "vodafone", at: Self.now.addingTimeInterval(3600)) == nil)
        #expect(hold.reason(provider: "telekom", at: Self.now) == nil)
        #expect(AlertHold(silences: [silence]).reason(provider: "vodafone", at: Self.now.addingTimeInterval(-120)) == nil)
    }

    static func entry(_ id: Int64, _ kind: AlertMessage.Kind, update: Int, status: OutboxEntry.Status = .held) -> OutboxEntry {
        var message = AlertMessage.sample(provider: .init(id: "vodafone", name: "Vodafone"), now: now, timeZoneID: "UTC")
        message.kind = kind
        message.updateNumber = update
        return OutboxEntry(id: id, sinkName: "noc", message: message, createdAt: now, nextAttemptAt: now, status: status)
    }

    @Test func anIncidentStillOpenWhenTheSilenceEndsSendsItsOpeningAndNewestUpdate() {
        let held = [Self.entry(1, .opened, update: 0), Self.entry(2, .updated, update: 1), Self.entry(3, .updated, update: 2)]
        let verdicts = HeldRelease.decide(held: held, pending: [], open: true, delivered: false)
        #expect(verdicts[1] == .release && verdicts[3] == .release)
        #expect(verdicts[2] == .suppress(reason: "held, and a later message says more"))
    }

    @Test func anIncidentThatEndedDuringTheSilenceStaysQuietUnlessItsOpeningWentOutBefore() {
        let held = [Self.entry(1, .opened, update: 0), Self.entry(2, .resolved, update: 1)]
        let unheard = HeldRelease.decide(
            held: held, pending: [Self.entry(3, .resolved, update: 2, status: .pending)], open: false, delivered: false)
        let ended = HeldRelease.Verdict.suppress(reason: "held, and the incident ended before the silence did")
        #expect(unheard == [1: ended, 2: ended, 3: ended])

        // The opening went out before the silence began: the channel must learn that it ended.
        let heard = HeldRelease.decide(
            held: [Self.entry(2, .updated, update: 1), Self.entry(3, .resolved, update: 2)], pending: [], open: false,
            delivered: true)
        #expect(heard[3] == .release)
        #expect(heard[2] == .suppress(reason: "held, and a later message says more"))
    }
}
