// SPDX-License-Identifier: Apache-2.0
import FailwatchKit
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
