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

    /// Found by the corpus replay: bytes the declared encoding does not allow made libxml2 print
    /// five raw lines of its own to stderr ("encoding error : input conversion failed …").
    @Test func badBytesForTheDeclaredEncodingAreOneWarningNotLibxml2Noise() async throws {
        var feed = Data("<?xml version=\"1.0\" encoding=\"EUC-JP\"?>\n<rss version=\"2.0\"><channel><title>T</title>".utf8)
        feed += Data("<item><title>a ".utf8) + Data([0xF8, 0x22, 0x20, 0x8E]) + Data("</title></item></channel></rss>\n".utf8)
        let result = try await FailwatchBinary.run(["parse", "-", "--json"], stdin: feed)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let warnings = try #require(object["warnings"] as? [String])
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("ill-formed XML, recovered: ") == true)
        #expect(warnings.first?.contains("\n") == false)
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
