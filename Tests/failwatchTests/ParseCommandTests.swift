// SPDX-License-Identifier: Apache-2.0
import FailwatchTestSupport
import Foundation
import Testing

@Suite struct ParseCommandTests {
    @Test func printsOneJSONObjectForStdin() async throws {
        let feed = """
            <rss><channel><title>T</title><item><title>A</title>
            <pubDate>Mon, 05 Jan 2004 21:49:13 GMT</pubDate></item></channel></rss>
            """
        let result = try await FailwatchBinary.run(["parse", "-", "--json"], stdin: Data(feed.utf8))
        #expect(result.exitCode == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "rss")
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.first?["published"] as? String == "2004-01-05T21:49:13Z")
        #expect(items.first?["updated"] is NSNull)
        #expect((object["warnings"] as? [String])?.isEmpty == true)
    }

    @Test func failsWithOneLineForHTMLPage() async throws {
        let result = try await FailwatchBinary.run(["parse", "-", "--json"], stdin: Data("<html><body>x</body></html>".utf8))
        #expect(result.exitCode != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "failwatch: -: not a feed: looks like an HTML page\n")
    }

    @Test func failsWithOneLineForMissingFile() async throws {
        let result = try await FailwatchBinary.run(["parse", "/nonexistent/feed.xml", "--json"])
        #expect(result.exitCode != 0)
        #expect(result.stderr == "failwatch: /nonexistent/feed.xml: cannot read file\n")
    }

    @Test func readsFileURLAndPrintsSummary() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("failwatch-parse-\(UUID()).xml")
        try Data("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom T</title><entry><title>E</title></entry></feed>".utf8)
            .write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await FailwatchBinary.run(["parse", file.absoluteString])
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("atom: Atom T\n"))
        #expect(result.stdout.contains("1 items"))
    }
}
