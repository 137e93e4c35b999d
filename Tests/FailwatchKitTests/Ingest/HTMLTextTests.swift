// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

@Suite struct HTMLTextTests {
    @Test(arguments: [
        ("<p>One</p><p>Two</p>", "One Two"),
        ("a<br>b<br/>c", "a b c"),
        ("x <b>bold</b> y", "x bold y"),
        ("<script>var a = '<p>';</script>kept<style>p { }</style>", "kept"),
        ("<!-- hidden -->shown", "shown"),
        ("AT&amp;T &lt;3 &#8364; &#x20AC; &euro;", "AT&T <3 € € €"),
        ("AT&T and a < b", "AT&T and a < b"),
        ("  lots \n\n of\t space  ", "lots of space"),
        ("<a href=\"x>y\">link</a>", "link"),
        ("", ""),
    ])
    func rendersPlainText(_ html: String, _ expected: String) {
        #expect(HTMLText.plainText(html) == expected)
    }

    @Test func collapsingWhitespaceKeepsMarkup() {
        #expect(HTMLText.collapsingWhitespace("  The <blink>\n tag &amp; ") == "The <blink> tag &amp;")
    }
}

@Suite struct FeedJSONTests {
    @Test func escapesWhatJSONAndJavaScriptNeedAndKeepsUTF8() throws {
        let feed = Feed(format: .rss, title: "a\"b\\c\u{2028}d\u{1}e\nf ©¨ ü", items: [FeedItem(title: "x")])
        let json = FeedJSON.encode(feed)
        #expect(json.contains(#""title":"a\"b\\c\u2028d\u0001e\nf ©¨ ü""#))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["title"] as? String == feed.title)
    }

    @Test func writesDatesAsISO8601UTC() {
        #expect(FeedDate.iso8601UTC(Date(timeIntervalSince1970: 1_073_339_353)) == "2004-01-05T21:49:13Z")
    }
}
