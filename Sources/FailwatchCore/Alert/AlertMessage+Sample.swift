// SPDX-License-Identifier: Apache-2.0
import Foundation

extension AlertMessage {
    /// The message `failwatch test-alert` sends: realistic numbers and posts, marked as a test,
    /// so a sink's layout can be checked without waiting for an outage.
    /// - Parameters:
    ///   - provider: the provider named in the message (the first one of feeds.yml).
    ///   - now: when the test runs; times in the message are just before it.
    ///   - timeZoneID: feeds.yml `timezone:`.
    public static func sample(provider: Provider, now: Date, timeZoneID: String) -> AlertMessage {
        let stamp = Int(now.timeIntervalSince1970)
        let posts = [
            ("Internet seit 20 Minuten komplett weg, Router blinkt rot. Noch jemand?", "kabelkunde42", 60.0),
            ("No internet in Köln since 14:00, hotline just hangs up.", "ana_k", 240.0),
            ("Störung? Weder WLAN noch Festnetz, Statusseite sagt alles ok.", "netzfrust", 420.0),
        ]
        return AlertMessage(
            kind: .test, provider: provider, incidentID: "test-\(stamp)", updateNumber: 0, complaints: 34, authors: 29,
            interval: 600, usual: 2, firstComplaint: now.addingTimeInterval(-720),
            sources: ["mastodon-stoerung", "reddit-de-stoerung"],
            samples: posts.map { text, author, age in
                SamplePost(
                    text: text, author: author, link: URL(string: "https://example.org/posts/\(author)"),
                    time: now.addingTimeInterval(-age), source: "mastodon-stoerung")
            },
            official: OfficialState(statusPage: "all operational", lastOfficialPost: nil, monitoring: nil),
            silentOutage: true, providersAtOnce: 1, moreLink: nil, createdAt: now, timeZoneID: timeZoneID)
    }
}
