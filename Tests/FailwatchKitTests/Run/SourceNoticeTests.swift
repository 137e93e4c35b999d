// SPDX-License-Identifier: Apache-2.0
import FailwatchKit
import FailwatchStore
import Foundation
import Testing

/// What a quiet cron run says about a source's health: news only.
@Suite struct SourceNoticeTests {
    let now = Date(timeIntervalSince1970: 1_795_300_000)
    let failed = SourceReport.Outcome.failed(reason: "http 500")
    let fetched = SourceReport.Outcome.fetched(SourceReport.Harvest(posts: []))

    func state(failures: Int, since: TimeInterval? = nil, told: TimeInterval? = nil) -> SourceState {
        SourceState(
            name: "s", kind: "feed", url: "https://example.org/", consecutiveFailures: failures,
            failingSince: since.map { now.addingTimeInterval(-$0) }, failureNoticeAt: told.map { now.addingTimeInterval(-$0) })
    }

    @Test func aFirstFailureIsNews() {
        #expect(SourceNotice.after(failed, previous: nil, now: now) == .startedFailing)
        #expect(SourceNotice.after(failed, previous: state(failures: 0), now: now) == .startedFailing)
    }

    @Test func theSameFailureIsToldAgainOnlyAfterADay() {
        let recent = state(failures: 3, since: 7_200, told: 7_200)
        let dayOld = state(failures: 300, since: 90_000, told: 86_400)
        #expect(SourceNotice.after(failed, previous: recent, now: now) == nil)
        #expect(
            SourceNotice.after(failed, previous: dayOld, now: now)
                == .stillFailing(since: now.addingTimeInterval(-90_000), failures: 301))
    }

    @Test func aNoticeFromAReplayAheadDoesNotSilenceTheSource() {
        let fromTheFuture = state(failures: 2, since: -86_400 * 300, told: -86_400 * 300)
        #expect(SourceNotice.after(failed, previous: fromTheFuture, now: now) != nil)
    }

    @Test func recoveryIsNewsAndHealthIsNot() {
        let down = state(failures: 4, since: 3_600, told: 3_600)
        #expect(
            SourceNotice.after(fetched, previous: down, now: now)
                == .recovered(since: now.addingTimeInterval(-3_600), failures: 4))
        #expect(SourceNotice.after(.notModified(etag: nil, lastModified: nil), previous: down, now: now) != nil)
        #expect(SourceNotice.after(fetched, previous: state(failures: 0), now: now) == nil)
        #expect(SourceNotice.after(.postponed(until: now, reason: "429"), previous: down, now: now) == nil)
    }
}
