// SPDX-License-Identifier: Apache-2.0
import FailwatchKit
import FailwatchTestSupport
import Foundation
import Testing

/// Bodies built to hurt a parser: they must come back quickly, small, and without touching
/// the file system or the network.
@Suite struct HostileFeedTests {
    @Test func billionLaughsDoesNotExpand() throws {
        var doctype = "<!DOCTYPE rss [<!ENTITY lol \"lol\">"
        doctype += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        for level in 2...9 {
            let previous = "&lol\(level - 1);"
            doctype += "<!ENTITY lol\(level) \"\(String(repeating: previous, count: 10))\">"
        }
        doctype += "]>"
        let feed = try parseFeed(doctype + "<rss><channel><title>&lol9;</title></channel></rss>")
        #expect((feed.title?.utf8.count ?? 0) < 1_000)
    }

    /// Found by the corpus replay (round 38 of rdf-rss10.xml: a `<!--` inserted): libxml2 quotes
    /// the input after "Comment not terminated", line breaks and all, and the error spanned lines.
    @Test func libxml2MessagesQuotingTheInputStayOneLine() throws {
        let seed = try Data(contentsOf: FuzzReplayTests.fixtures.appendingPathComponent("ingest/rdf-rss10.xml"))
        let variant = try #require(
            FuzzMutator(target: .feed).variants(of: seed, salt: 38).first { $0.name.hasPrefix("insert 13 ") })
        let outcome = FuzzTarget.feed.run(variant.data)
        #expect(outcome.flaw == nil, "\(outcome)")
        guard case .error(let lines) = outcome else {
            Issue.record("expected the unterminated comment to be refused, got \(outcome)")
            return
        }
        #expect(lines.first?.hasPrefix("unreadable XML: Comment not terminated <!--") == true, "\(lines)")
    }

    @Test func quadraticBlowupStaysWithinBudget() throws {
        let entity = String(repeating: "A", count: 50_000)
        let references = String(repeating: "&a;", count: 20_000)
        let body = "<!DOCTYPE rss [<!ENTITY a \"\(entity)\">]><rss><channel><title>\(references)</title></channel></rss>"
        let feed = try parseFeed(body)
        // 20,000 × 50 KB would be 1 GB; the budget caps it near the body size.
        #expect((feed.title?.utf8.count ?? 0) <= 2 * body.utf8.count)
        #expect(feed.warnings.contains { $0.hasPrefix("entities: expansion limit reached") })
    }

    @Test func smallInternalEntityIsExpandedOnce() throws {
        let feed = try parseFeed(
            "<!DOCTYPE rss [<!ENTITY isp \"Example Net\">]><rss><channel><title>&isp; down</title></channel></rss>")
        #expect(feed.title == "Example Net down")
        #expect(feed.warnings.isEmpty)
    }

    @Test func externalEntityIsNeverRead() throws {
        let feed = try parseFeed(
            """
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss><channel><title>x&xxe;y</title></channel></rss>
            """)
        #expect(feed.title?.contains("root:") == false)
    }
}
