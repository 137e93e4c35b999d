// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchKit
import Foundation
import Testing

/// What real feeds send that failwatch once read wrong: authors given once for the whole
/// feed, entities in JSON Feed titles, items with nothing visible, nesting 100,000 deep, and
/// a Statuspage single-incident document.
@Suite struct HostileFeedShapeTests {
    func parse(_ text: String) throws -> Feed {
        try FeedParser.parse(Data(text.utf8), baseURL: URL(string: "https://feed.example/"))
    }

    @Test func atomFeedAuthorIsEveryAuthorlessEntrysAuthor() throws {
        let feed = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
            <entry><id>tag:x,2026:1</id><title>Netz weg</title></entry>
            <entry><id>tag:x,2026:2</id><title>Wieder da</title><author><name>Bea</name></author></entry>
            <entry><id>tag:x,2026:3</id><title>Quelle</title><source><author><name>Cem</name></author></source></entry>
            <author><name>Ada</name></author>
            </feed>
            """)
        #expect(feed.items.map(\.author) == ["Ada", "Bea", "Cem"])
    }

    @Test func jsonFeedAuthorsAndTitleEntities() throws {
        let feed = try parse(
            """
            {"version":"https://jsonfeed.org/version/1.1","title":"Caf&eacute; &amp; Co","authors":[{"name":"Ada"}],
             "items":[{"id":"1","title":"&#8216;Jokes&#8217; about AT&amp;T","content_text":"x"},
                      {"id":"2","title":"own","content_text":"y","authors":[{"name":"Bea"}]},
                      {"id":3,"title":null,"content_text":7},
                      null]}
            """)
        #expect(feed.title == "Café & Co")
        #expect(feed.items.map(\.title) == ["\u{2018}Jokes\u{2019} about AT&T", "own"])
        #expect(feed.items.map(\.author) == ["Ada", "Bea"])
        #expect(feed.warnings == ["skipped 2 of 4 items: [2].content_text: wrong type"])
    }

    @Test func itemsWithoutVisibleTextAreNoPosts() throws {
        let feed = try parse(
            """
            <rss version="2.0"><channel><title>t</title>
            <item/><item><guid>a</guid><description>\u{2063}</description></item>
            <item><guid>b</guid><description>&#x200B; \u{2063}&#xFEFF;</description></item>
            <item><guid>c</guid><title>Vodafone weg</title></item>
            </channel></rss>
            """)
        let posts = feed.items.map { Post(item: $0, language: nil, sourceName: "s", fetched: .distantPast) }
        #expect(posts.map(\.hasVisibleText) == [false, false, false, true])
    }

    @Test func nestingDeeperThanTheBoundIsOneWarningNotACrash() throws {
        let depth = 100_000
        let body =
            "<rss><channel><title>t</title><item><guid>deep</guid><description>"
            + String(repeating: "<div>", count: depth) + "tief" + String(repeating: "</div>", count: depth)
            + "</description></item><item><guid>next</guid><title>after</title></item></channel></rss>"
        let feed = try parse(body)
        #expect(feed.items.map(\.id) == ["deep", "next"])
        #expect(feed.warnings.contains { $0.hasPrefix("xml: elements nested deeper than 512 levels") })
    }

    @Test func statuspageSingleIncidentDocumentIsRead() throws {
        let body = """
            {"page":{"id":"p","name":"Example"},
             "incident":{"id":"inc9","name":"Störung Mobilfunk","status":"identified","impact":"major",
              "created_at":"2026-11-21T08:00:00Z","updated_at":"2026-11-21T08:20:00Z","shortlink":"https://stspg.io/x",
              "incident_updates":[{"status":"identified","body":"Ursache gefunden","created_at":"2026-11-21T08:20:00Z"}]}}
            """
        let origin = StatusPageReader.Origin(sourceName: "status", providerID: "vodafone", fetched: .distantPast)
        let statements = try StatusPageReader.statements(json: Data(body.utf8), origin: origin)
        #expect(statements.map(\.externalID) == ["inc9"])
        #expect(statements.first?.status == "identified")
        #expect(statements.first?.body == "Ursache gefunden")
    }
}
