// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

/// Parses an inline feed; a failure to parse fails the test with the error's text.
func parseFeed(_ text: String, contentType: String? = nil, baseURL: URL? = nil) throws -> Feed {
    try FeedParser.parse(Data(text.utf8), contentType: contentType, baseURL: baseURL)
}

@Suite struct RSSParsingTests {
    @Test func readsRSS2ChannelAndItems() throws {
        let feed = try parseFeed(
            """
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Status</title><link>https://isp.example/</link><language>de-DE</language>
            <lastBuildDate>Mon, 05 Jan 2004 21:49:13 GMT</lastBuildDate>
            <item><guid isPermaLink="false">id-1</guid><title>Outage in Berlin</title>
            <link>https://isp.example/1</link><dc:creator>Ops</dc:creator>
            <pubDate>Mon, 05 Jan 2004 21:49:13 GMT</pubDate>
            <category>outage</category><category>berlin</category>
            <description>No internet since 9:00</description></item>
            </channel></rss>
            """)
        #expect(feed.format == .rss)
        #expect(feed.title == "Status")
        #expect(feed.link == "https://isp.example/")
        #expect(feed.language == "de-DE")
        #expect(feed.updated == Date(timeIntervalSince1970: 1_073_339_353))
        let item = try #require(feed.items.first)
        #expect(item.id == "id-1")
        #expect(item.title == "Outage in Berlin")
        #expect(item.link == "https://isp.example/1")
        #expect(item.author == "Ops")
        #expect(item.published == Date(timeIntervalSince1970: 1_073_339_353))
        #expect(item.categories == ["outage", "berlin"])
        #expect(item.summary == "No internet since 9:00")
        #expect(feed.warnings.isEmpty)
    }

    @Test func readsCDATATitleAsPlainText() throws {
        let feed = try parseFeed(
            "<rss><channel><item><title><![CDATA[Router <b>down</b> &amp; out]]></title></item></channel></rss>")
        #expect(feed.items.first?.title == "Router down & out")
    }

    @Test func decodesHTMLEntitiesUndefinedInXML() throws {
        let feed = try parseFeed(
            "<rss><channel><title>Caf&eacute;&nbsp;Netz &mdash; &#8217;ok&#x2019; &amp;</title></channel></rss>")
        #expect(feed.title == "Café\u{A0}Netz — ’ok’ &")
        // Decoded, but the document is not well-formed XML, and says so.
        #expect(feed.warnings == ["ill-formed XML, recovered: HTML entity &eacute; is not defined in XML; decoded"])
    }

    @Test func keepsUnknownEntityLiteral() throws {
        let feed = try parseFeed("<rss><channel><title>a &bogus; b</title></channel></rss>")
        #expect(feed.title == "a &bogus; b")
    }

    @Test func turnsEscapedHTMLDescriptionIntoPlainText() throws {
        let feed = try parseFeed(
            """
            <rss><channel><item><description>&lt;p&gt;Line one&lt;br/&gt;line&amp;nbsp;two&lt;/p&gt;
            &lt;script&gt;alert(1)&lt;/script&gt;&lt;style&gt;p{}&lt;/style&gt;AT&amp;amp;T &amp;lt; 3</description>
            </item></channel></rss>
            """)
        #expect(feed.items.first?.summary == "Line one line\u{A0}two AT&T < 3")
    }

    @Test func usesPermalinkGuidAsLinkWhenLinkIsMissing() throws {
        let feed = try parseFeed(
            "<rss><channel><item><guid>https://isp.example/p/7</guid></item></channel></rss>")
        #expect(feed.items.first?.link == "https://isp.example/p/7")
        #expect(feed.items.first?.id == "https://isp.example/p/7")
    }

    @Test func resolvesRelativeLinksAgainstBaseURL() throws {
        let feed = try parseFeed(
            "<rss><channel><link>/</link><item><link>posts/1</link></item></channel></rss>",
            baseURL: URL(string: "https://isp.example/feeds/rss.xml"))
        #expect(feed.link == "https://isp.example/")
        #expect(feed.items.first?.link == "https://isp.example/feeds/posts/1")
    }

    @Test func readsContentEncodedSeparatelyFromDescription() throws {
        let feed = try parseFeed(
            """
            <rss xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item>
            <description>Short</description><content:encoded><![CDATA[<p>Long <em>text</em></p>]]></content:encoded>
            </item></channel></rss>
            """)
        #expect(feed.items.first?.summary == "Short")
        #expect(feed.items.first?.content == "Long text")
    }

    @Test func readsRSS091WithoutNamespaces() throws {
        let feed = try parseFeed(
            """
            <rss version="0.91"><channel><title>Old</title><item><title>One</title></item>
            <item><title>Two</title></item></channel></rss>
            """)
        #expect(feed.items.map(\.title) == ["One", "Two"])
    }

    @Test(arguments: ["not a date", "Mon, 32 Foo 2004", "", "2004-13-45T99:99:99Z"])
    func leavesUnreadableDatesNil(_ raw: String) throws {
        let feed = try parseFeed("<rss><channel><item><pubDate>\(raw)</pubDate></item></channel></rss>")
        #expect(feed.items.first?.published == nil)
        #expect(feed.items.first?.updated == nil)
    }
}

@Suite struct RDFParsingTests {
    @Test func readsRSS10() throws {
        let feed = try parseFeed(
            """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel rdf:about="https://isp.example/"><title>RDF news</title><link>https://isp.example/</link>
            <dc:language>en</dc:language></channel>
            <item rdf:about="https://isp.example/a"><title>A</title><link>https://isp.example/a</link>
            <dc:date>2004-01-05T21:49:13Z</dc:date><dc:creator>Ann</dc:creator><dc:subject>dsl</dc:subject></item>
            </rdf:RDF>
            """)
        #expect(feed.format == .rdf)
        #expect(feed.title == "RDF news")
        #expect(feed.language == "en")
        let item = try #require(feed.items.first)
        #expect(item.id == "https://isp.example/a")
        #expect(item.link == "https://isp.example/a")
        #expect(item.author == "Ann")
        #expect(item.updated == Date(timeIntervalSince1970: 1_073_339_353))
        #expect(item.categories == ["dsl"])
    }
}

@Suite struct AtomParsingTests {
    @Test func readsAtom10() throws {
        let feed = try parseFeed(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
            <title type="text">Status &lt;beta&gt;</title>
            <link rel="self" href="https://isp.example/atom"/><link href="https://isp.example/"/>
            <updated>2004-01-05T21:49:13Z</updated>
            <entry><id>urn:1</id><title type="html">&lt;b&gt;Down&lt;/b&gt;</title>
            <link rel="alternate" type="text/html" href="https://isp.example/1"/>
            <author><name>Ops</name><email>ops@isp.example</email></author>
            <published>2004-01-05T21:49:13Z</published><updated>2004-01-06T00:00:00Z</updated>
            <summary>Short</summary>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Long</p><p>text</p></div></content>
            <category term="outage"/></entry></feed>
            """)
        #expect(feed.format == .atom)
        #expect(feed.title == "Status <beta>")
        #expect(feed.link == "https://isp.example/")
        #expect(feed.language == "en-GB")
        let entry = try #require(feed.items.first)
        #expect(entry.id == "urn:1")
        #expect(entry.title == "Down")
        #expect(entry.link == "https://isp.example/1")
        #expect(entry.author == "Ops")
        #expect(entry.published == Date(timeIntervalSince1970: 1_073_339_353))
        #expect(entry.updated == Date(timeIntervalSince1970: 1_073_347_200))
        #expect(entry.summary == "Short")
        #expect(entry.content == "Long text")
        #expect(entry.categories == ["outage"])
        #expect(entry.language == "en-GB")
    }

    @Test func readsAtom03WithEscapedAndBase64Content() throws {
        let feed = try parseFeed(
            """
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old atom</title>
            <modified>2004-01-05T21:49:13Z</modified>
            <entry><title mode="escaped" type="text/html">&lt;i&gt;Hi&lt;/i&gt;</title>
            <issued>2004-01-05T21:49:13Z</issued>
            <content mode="base64" type="text/html">PHA+QmFzZTxiPjY0PC9iPjwvcD4=</content></entry></feed>
            """)
        #expect(feed.format == .atom)
        #expect(feed.updated == Date(timeIntervalSince1970: 1_073_339_353))
        #expect(feed.items.first?.title == "Hi")
        #expect(feed.items.first?.published == Date(timeIntervalSince1970: 1_073_339_353))
        #expect(feed.items.first?.content == "Base64")
    }

    @Test func resolvesXMLBaseForLinks() throws {
        let feed = try parseFeed(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://isp.example/blog/">
            <link href="index.html"/>
            <entry xml:base="2024/"><link href="post.html"/></entry>
            <entry><link href="/abs.html"/></entry></feed>
            """)
        #expect(feed.link == "https://isp.example/blog/index.html")
        #expect(feed.items.map(\.link) == ["https://isp.example/blog/2024/post.html", "https://isp.example/abs.html"])
    }

    @Test func keepsMarkupCharactersOfPlainTextTitles() throws {
        let feed = try parseFeed(
            #"<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">The &lt;blink&gt; tag</title></feed>"#)
        #expect(feed.title == "The <blink> tag")
    }
}

@Suite struct JSONFeedParsingTests {
    @Test func readsJSONFeed11() throws {
        let feed = try parseFeed(
            """
            {"version": "https://jsonfeed.org/version/1.1", "title": "JSON status",
             "home_page_url": "https://isp.example/", "language": "de",
             "items": [{"id": "1", "url": "https://isp.example/1", "title": "Störung",
                        "content_html": "<p>Kein <b>Netz</b></p>", "summary": "Kurz",
                        "date_published": "2004-01-05T21:49:13Z", "authors": [{"name": "Ops"}],
                        "tags": ["dsl"]}]}
            """)
        #expect(feed.format == .jsonFeed)
        #expect(feed.title == "JSON status")
        #expect(feed.language == "de")
        let item = try #require(feed.items.first)
        #expect(item.id == "1")
        #expect(item.content == "Kein Netz")
        #expect(item.summary == "Kurz")
        #expect(item.author == "Ops")
        #expect(item.categories == ["dsl"])
        #expect(item.published == Date(timeIntervalSince1970: 1_073_339_353))
        #expect(item.language == "de")
    }

    @Test func readsJSONFeed10WithNumericIDAndSingleAuthor() throws {
        let feed = try parseFeed(
            """
            {"version": "https://jsonfeed.org/version/1", "title": "Old JSON",
             "items": [{"id": 42, "content_text": "plain  text", "author": {"name": "Ann"},
                        "date_modified": "not a date", "url": "/42"}]}
            """, baseURL: URL(string: "https://isp.example/feed.json"))
        let item = try #require(feed.items.first)
        #expect(item.id == "42")
        #expect(item.content == "plain text")
        #expect(item.author == "Ann")
        #expect(item.updated == nil)
        #expect(item.link == "https://isp.example/42")
    }

    @Test func rejectsJSONThatIsNotAFeed() {
        #expect(throws: FeedParseError.self) { try parseFeed(#"{"hello": [1, 2]}"#) }
    }
}

@Suite struct FeedRejectionTests {
    @Test(arguments: ["", "   \n\t  "])
    func rejectsEmptyBody(_ body: String) {
        #expect(throws: FeedParseError.emptyBody) { try parseFeed(body) }
    }

    @Test(arguments: [
        "<!DOCTYPE html><html><head><title>Login</title></head><body>x</body></html>",
        "<html><body><p>Moved</p></body></html>",
        "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>",
    ])
    func rejectsHTMLPageWithClearError(_ page: String) {
        #expect(throws: FeedParseError.htmlPage) { try parseFeed(page) }
        #expect(FeedParseError.htmlPage.description == "not a feed: looks like an HTML page")
    }

    @Test func rejectsXMLThatIsNotAFeed() {
        #expect(throws: FeedParseError.unknownRoot("svg")) { try parseFeed("<svg><g/></svg>") }
    }

    @Test func rejectsTextThatIsNotXML() throws {
        let error = #expect(throws: FeedParseError.self) { try parseFeed("just some words") }
        #expect(error?.description.hasPrefix("unreadable XML:") == true)
    }
}

@Suite struct RecoveryTests {
    @Test func recoversIllFormedXMLAndWarns() throws {
        let feed = try parseFeed(
            """
            <rss><channel><title>Broken & co</title>
            <item><title>One</title></item>
            <item><title>Two<title></item>
            <item><title>Three</title></item>
            """)
        #expect(feed.title == "Broken & co")
        #expect(feed.items.first?.title == "One")
        #expect(feed.items.count >= 2)
        #expect(feed.warnings.contains { $0.hasPrefix("ill-formed XML, recovered:") })
    }

    @Test func keepsItemsOfTruncatedBody() throws {
        let full = """
            <rss><channel><title>T</title><item><title>First</title><link>https://a.example/1</link></item>
            <item><title>Second</title><description>cut here
            """
        let feed = try parseFeed(full)
        #expect(feed.items.map(\.title) == ["First", "Second"])
        #expect(!feed.warnings.isEmpty)
    }

    @Test func keepsBareAmpersandsInLinks() throws {
        let feed = try parseFeed("<rss><channel><item><link>https://a.example/?a=1&b=2</link></item></channel></rss>")
        #expect(feed.items.first?.link == "https://a.example/?a=1&b=2")
        #expect(!feed.warnings.isEmpty)
    }
}
