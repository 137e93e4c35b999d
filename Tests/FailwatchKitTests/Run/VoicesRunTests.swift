// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import FailwatchStore
import Foundation
import Testing

/// Detection through the store, polled every five minutes like cron: a slow start is caught within a
/// quarter hour, while a retweet storm, a copy-paste campaign and posts without an author raise nothing.
@Suite struct VoicesRunTests {
    static let day = IncidentRunTests.day
    static let start = day.addingTimeInterval(14 * 3_600)

    /// One stored outage post: seconds after `day`, author (nil: none), text, repost flag.
    struct Entry {
        var at: TimeInterval
        var author: String?
        var text: String
        var repost = false
    }

    /// Two quiet days: one complaint an hour, each by someone new (a usual of about 0.1 per 5 minutes).
    static func quiet() -> [Entry] {
        stride(from: -2 * 86_400.0, to: 86_400, by: 3_600).enumerated().map {
            Entry(at: $1 + 1_234, author: "regular\($0)", text: "vodafone internet weg? (\($0))")
        }
    }

    /// Stores the entries as posts labelled outage for Vodafone; with `judged`, labelled by the rules
    /// as `poll` would.
    static func store(_ entries: [Entry], judged: Bool = false) throws -> AppDatabase {
        let store = try AppDatabase.inMemory()
        let rules = Classifier(providers: [ProviderTerms(id: "vodafone", name: "Vodafone")])
        let posts = entries.enumerated().map { index, entry in
            var post = Post(
                sourceName: "forum", guid: "p\(index)", link: nil, author: entry.author, title: nil, text: entry.text,
                language: "en", published: day.addingTimeInterval(entry.at), fetched: day.addingTimeInterval(entry.at),
                contentHash: "h\(index)",
                verdict: judged
                    ? rules.classify(entry.text, language: "en", explain: false)
                    : Classification(
                        label: .outage, sentiment: -0.5, language: "en",
                        providers: [ProviderVerdict(id: "vodafone", label: .outage, sentiment: -0.5)]))
            post.repost = entry.repost
            return post
        }
        let report = SourceReport(
            name: "forum", kind: "feed", url: "https://example.org/feed.xml", outcome: .fetched(.init(posts: posts)),
            duration: 0)
        try store.record(report, runID: try store.startRun(at: day), at: day)
        return store
    }

    /// Polls every five minutes from 13:00 to `until` minutes after 14:00; returns the opening message.
    static func poll(_ store: AppDatabase, until minutes: Int = 90) async throws -> [AlertMessage] {
        for minute in stride(from: -60, through: minutes, by: 5) {
            _ = try await IncidentRunTests.run(store, at: start.addingTimeInterval(Double(minute) * 60 + 10))
        }
        return try store.outbox().map(\.message)
    }

    @Test func aSlowStartOfTwoOrThreePeopleEveryFiveMinutesAlertsWithinAQuarterHour() async throws {
        // 2, 2, 3, 3, 4, 4 … new people per five minutes from 14:00: no interval holds six.
        var burst: [Entry] = []
        for (slot, people) in [2, 2, 3, 3, 4, 4, 3, 3].enumerated() {
            for person in 0..<people {
                let at = 14 * 3_600 + Double(slot) * 300 + Double(person) * 60 + 20
                burst.append(Entry(at: at, author: "caller\(slot)-\(person)", text: "no SMS going out, vodafone down?"))
            }
        }
        let messages = try await Self.poll(try Self.store(Self.quiet() + burst))
        let opening = try #require(messages.first { $0.kind == .opened })
        // Raised at the end of the 14:10 interval: 7 people in fifteen minutes against about 0.3.
        #expect(opening.createdAt <= Self.start.addingTimeInterval(15 * 60 + 10), "raised \(opening.createdAt)")
        #expect(opening.authors >= 6, "counts everyone since the burst began: \(opening.headline)")
        #expect(opening.firstComplaint == Self.start.addingTimeInterval(20))
        #expect(opening.interval >= 900)
        #expect(messages.filter { $0.kind == .opened }.count == 1)
        // No update in the first quarter hour: the people did not double that fast.
        let update = messages.first { $0.kind == .updated }
        #expect(update.map { $0.createdAt >= opening.createdAt.addingTimeInterval(600) } ?? true)
    }

    @Test func anAlarmOnTheHalfHourCountsEveryoneSinceTheFirstReportNotTheLastQuarterHour() async throws {
        // One new person every five minutes from 14:00: no quarter hour holds six, a half hour does. The poll
        // reads only its last three intervals; the opening still starts at 14:00 and counts them all.
        let burst = (0..<12).map {
            Entry(at: 14 * 3_600 + Double($0) * 300 + 20, author: "texter\($0)", text: "my texts won't send, vodafone down?")
        }
        let messages = try await Self.poll(try Self.store(Self.quiet() + burst))
        let opening = try #require(messages.first { $0.kind == .opened })
        let minutes = opening.createdAt.timeIntervalSince(Self.start) / 60
        #expect(opening.firstComplaint == Self.start.addingTimeInterval(20), "\(opening.headline)")
        #expect(opening.authors >= Int(minutes / 5) - 1, "raised after \(minutes) min: \(opening.headline)")
        #expect(opening.interval >= opening.createdAt.timeIntervalSince(Self.start) - 300, "\(opening.headline)")
    }

    @Test func aRetweetStormOfOnePostRaisesNothing() async throws {
        // One angry post, then 300 accounts retweet it within the hour.
        let original = Entry(at: 14 * 3_600, author: "loud", text: "cancelling vodafone today, third outage")
        let storm = (0..<300).map {
            Entry(at: 14 * 3_600 + 10 + Double($0) * 12, author: "fan\($0)", text: "RT @loud: cancelling vodafone today, third outage",
                repost: true)
        }
        let messages = try await Self.poll(try Self.store(Self.quiet() + [original] + storm))
        #expect(messages.isEmpty, "\(messages.map(\.headline))")
    }

    @Test func aNewsBurstAboutAFineOrAPastOutageRaisesNothing() async throws {
        // Forty people share the day's news about Vodafone within half an hour, each in their own words.
        let takes = [
            "Vodafone fined £5m over the network outage in 2023", "wow, Vodafone ordered to pay customers after last year's outage",
            "Regulator finds Vodafone's mobile network was down for a million customers last spring",
            "so Vodafone agreed to pay compensation for the broadband outage in March. about time",
        ]
        let news = (0..<40).map {
            Entry(at: 14 * 3_600 + Double($0) * 45, author: "reader\($0)", text: "\(takes[$0 % takes.count]) (\($0))")
        }
        let judgedQuiet = Self.quiet().map { Entry(at: $0.at, author: $0.author, text: "is Vodafone internet down?") }
        let messages = try await Self.poll(try Self.store(judgedQuiet + news, judged: true))
        #expect(messages.isEmpty, "\(messages.map(\.headline))")
        // The same forty people reporting their own outage do alarm.
        let reports = (0..<40).map {
            Entry(at: 14 * 3_600 + Double($0) * 45, author: "reader\($0)", text: "Vodafone internet down for me since 2pm (\($0))")
        }
        let alarm = try await Self.poll(try Self.store(judgedQuiet + reports, judged: true))
        #expect(alarm.contains { $0.kind == .opened })
    }

    @Test func aCopyPasteCampaignFromManyAccountsIsOneVoice() async throws {
        // Sixty accounts paste the same long text (with their own handle and link) within forty minutes.
        let campaign = (0..<60).map {
            Entry(
                at: 14 * 3_600 + Double($0) * 40, author: "acct\($0)",
                text: "@vodafone_de I demand compensation for every single outage this year, my internet keeps dropping and nobody cares #\($0) https://example.org/\($0)")
        }
        let messages = try await Self.poll(try Self.store(Self.quiet() + campaign))
        #expect(messages.isEmpty, "\(messages.map(\.headline))")
    }

    @Test func postsWithoutAnAuthorCountOncePerSourceAndInterval() async throws {
        // Forty anonymous posts in ten minutes from one feed: two voices, not forty.
        let anonymous = (0..<40).map { Entry(at: 14 * 3_600 + Double($0) * 15, author: nil, text: "vodafone down? (\($0))") }
        let messages = try await Self.poll(try Self.store(Self.quiet() + anonymous))
        #expect(messages.isEmpty, "\(messages.map(\.headline))")
    }

    @Test func shortQuestionsFromDifferentPeopleAreDifferentPeople() async throws {
        // Twelve people ask the same short question within ten minutes: an outage.
        let asking = (0..<12).map { Entry(at: 14 * 3_600 + Double($0) * 50, author: "asker\($0)", text: "is vodafone down?") }
        let messages = try await Self.poll(try Self.store(Self.quiet() + asking))
        let opening = try #require(messages.first { $0.kind == .opened })
        #expect(opening.authors == 12 || opening.authors >= 6, "\(opening.headline)")
        #expect(opening.createdAt <= Self.start.addingTimeInterval(10 * 60 + 10))
    }
}
