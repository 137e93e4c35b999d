// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchFetch
@testable import FailwatchKit
import Foundation
import Testing

/// Every number an adapter or a header parser reads from outside, fed the values that trap a
/// careless `Int(_:)`: none may stop the process, and the healthy post beside a hostile one is
/// still read.
@Suite struct ExtremeNumberTests {
    static let now = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z

    /// JSON numbers (and numbers written as strings) that are out of every range.
    static let extremes = [
        "1e300", "-1e300", "1e19", "-1e19", "1e400", "-1", "-0", "0.5", "9223372036854775807",
        "9223372036854775808", "18446744073709551616", "253402300800", "-62135596801",
        "123456789012345678901234567890", "\"1e300\"", "\"nan\"", "\"inf\"", "\"-infinity\"", "\"9223372036854775808\"",
        "null", "true", "{}", "[]",
    ]

    /// One healthy post and one whose number field holds `%N%`, per kind.
    static let pages: [(source: String, url: String, body: String)] = [
        (
            "kind: reddit\nquery: vodafone", "https://www.reddit.com/search.json",
            """
            {"data":{"after":null,"children":[
             {"kind":"t3","data":{"name":"t3_bad","title":"Vodafone hostile","created_utc":%N%}},
             {"kind":"t3","data":{"name":"t3_ok","title":"Vodafone Störung Köln","created_utc":1795249800}}]}}
            """
        ),
        (
            "kind: hackernews\nquery: vodafone", "https://hn.algolia.com/api/v1/search_by_date?page=0",
            """
            {"page":%N%,"nbPages":%N%,"hits":[
             {"objectID":"1","created_at_i":%N%,"title":"Vodafone hostile"},
             {"objectID":"2","created_at_i":1795249800,"title":"Vodafone outage in Berlin"}]}
            """
        ),
        (
            "kind: json\nitems: /items\nfields: {id: /id, text: /text, time: /t}\ntime_format: unix\ncursor: {param: since}",
            "https://api.example/items",
            """
            {"items":[{"id":%N%,"text":"Vodafone hostile","t":%N%},
             {"id":2,"text":"Vodafone Störung Köln","t":1795249800}]}
            """
        ),
        (
            "kind: json\nitems: /items\nfields: {id: /id, text: /text, time: /t}\ntime_format: unix_ms\nnext: {param: page, start: 1}",
            "https://api.example/items?page=9223372036854775807",
            """
            {"items":[{"id":1,"text":"Vodafone hostile","t":%N%},
             {"id":2,"text":"Vodafone Störung Köln","t":1795249800000}]}
            """
        ),
        (
            "kind: mastodon\ntag: vodafone", "https://m.example/api/v1/timelines/tag/vodafone",
            """
            [{"id":%N%,"content":"<p>Vodafone hostile</p>","created_at":%N%},
             {"id":"2","created_at":"2026-11-21T08:30:00.000Z","content":"<p>Vodafone Störung Köln</p>",
              "uri":"https://m.example/users/a/statuses/2","account":{"id":"1","acct":"a"}}]
            """
        ),
        (
            "kind: bluesky\nquery: vodafone", "https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts",
            """
            {"posts":[{"uri":"at://did:plc:b/app.bsky.feed.post/1","author":{"did":"did:plc:b"},
              "record":{"text":"Vodafone hostile","createdAt":%N%},"indexedAt":%N%},
             {"uri":"at://did:plc:a/app.bsky.feed.post/2","author":{"did":"did:plc:a","handle":"a.example"},
              "record":{"text":"Vodafone Störung Köln","createdAt":"2026-11-21T08:30:00Z"}}]}
            """
        ),
        (
            "kind: lemmy\nquery: vodafone", "https://lemmy.example/api/v3/search?page=1",
            """
            {"posts":[{"post":{"name":"Vodafone hostile","published":%N%,"ap_id":%N%},"counts":{"score":%N%}},
             {"post":{"name":"Vodafone Störung Köln","published":"2026-11-21T08:30:00Z",
              "ap_id":"https://lemmy.example/post/2"}}]}
            """
        ),
    ]

    @Test(arguments: extremes)
    func adaptersSurviveExtremeNumbersAndKeepTheHealthyPost(value: String) throws {
        for page in Self.pages {
            let source = try #require(try APIFixture.config("name: hostile\nurl: https://x.example/\n" + page.source).sources.first)
            let adapter = try #require(source.apiAdapter(now: Date(timeIntervalSince1970: 1_795_000_000)))
            let url = try #require(URL(string: page.url))
            let body = APIFixture.body(page.body.replacingOccurrences(of: "%N%", with: value), url: url)
            let read = try adapter.read(body, request: FetchRequest(url: url), cursor: nil)
            let texts = read.items.map { [$0.title, $0.content].compactMap { $0 }.joined(separator: " ") }
            #expect(texts.contains { $0.contains("Störung Köln") || $0.contains("outage in Berlin") }, "\(page.source): \(value)")
            for item in read.items {
                for date in [item.published, item.updated].compactMap({ $0 }) {
                    #expect(UntrustedNumber.instantRange.contains(date.timeIntervalSince1970), "\(page.source): \(value)")
                }
            }
            if let next = read.next { #expect(next.url.absoluteString.count < 2_000) }
        }
    }

    /// Header values as servers have sent them, including ones no clock can hold.
    static let headerValues = [
        "1e300", "-1e300", "nan", "NaN", "inf", "-inf", "infinity", "1e19", "9223372036854775807",
        "9223372036854775808", "99999999999999999999999", "-1", "0", "1.5", "253402300800", "9999-12-31T23:59:59Z",
        "Fri, 31 Dec 9999 23:59:59 GMT", "0x10", "", " ", "1e-300",
    ]

    @Test(arguments: headerValues)
    func rateLimitAndRetryAfterHeadersNeverTrapAndStayWithinAWeek(value: String) {
        let limit = RateLimit(headers: ["x-ratelimit-remaining": value, "x-ratelimit-reset": value])
        _ = limit.isExhausted
        for wait in [limit.resetAfter, RetryAfter(headerValue: value)].compactMap({ $0 }) {
            let until = wait.until(now: Self.now)
            #expect(until >= Self.now && until <= Self.now.addingTimeInterval(RetryAfter.longest), "\(value)")
        }
        let delivery = DeliveryResult.classify(
            status: 429, body: Data("{\"retry_after\": \(Double(value) != nil ? value : "1e300")}".utf8),
            retryAfter: value, now: Self.now)
        #expect(delivery.description.hasPrefix("failed: http 429"))
    }

    @Test func storedTimesAreClampedNotTrapped() {
        let far = Date(timeIntervalSince1970: 1e300)
        #expect(FeedDate.iso8601UTC(far) == "9999-12-31T23:59:59Z")
        #expect(FeedDate.iso8601UTC(Date(timeIntervalSince1970: -1e300)) == "0001-01-01T00:00:00Z")
        #expect(UntrustedNumber.integer(.nan) == nil)
        #expect(UntrustedNumber.integer(1e19) == nil)
        #expect(UntrustedNumber.integer("9223372036854775808") == nil)
        #expect(UntrustedNumber.integer(" 42 ") == 42)
        #expect(UntrustedNumber.instant(unixSeconds: 1e19) == nil)
    }
}
