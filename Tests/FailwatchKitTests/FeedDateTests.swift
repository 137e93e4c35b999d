// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

/// How `FeedDate.parse` reads a date, written as ISO-8601 UTC; `nil` = rejected.
private func read(_ raw: String) -> String? {
    FeedDate.parse(raw).map(FeedDate.iso8601UTC)
}

@Test func readsRFC3339() {
    #expect(FeedDate.parse("2004-01-05T21:49:13Z") == Date(timeIntervalSince1970: 1_073_339_353))
}

@Test(arguments: [
    // RFC 822 / 1123 / 2822 as specified.
    ("Mon, 05 Jan 2004 21:49:13 GMT", "2004-01-05T21:49:13Z"),
    ("Mon, 05 Jan 2004 21:49:13 +0100", "2004-01-05T20:49:13Z"),
    ("Mon, 05 Jan 2004 21:49:13 -0000", "2004-01-05T21:49:13Z"),
    ("Mon, 05 Jan 2004 21:49:13 UT", "2004-01-05T21:49:13Z"),
    ("Mon, 05 Jan 2004 21:49:13 Z", "2004-01-05T21:49:13Z"),
    ("Mon, 05 Jan 2004 21:49:13 EST", "2004-01-06T02:49:13Z"),
    ("Mon, 05 Jul 2004 21:49:13 PDT", "2004-07-06T04:49:13Z"),
    ("Mon, 05 Jul 2004 21:49:13 CEST", "2004-07-05T19:49:13Z"),
    ("Mon, 05 Jan 2004 21:49:13 MEZ", "2004-01-05T20:49:13Z"),
    ("Mon, 05 Jul 2004 21:49:13 MESZ", "2004-07-05T19:49:13Z"),
    ("Thu, 30 Apr 2015 08:57:00 MET", "2015-04-30T07:57:00Z"),
    // Military letters as RFC 822 defines them (A = −1 h, N = +1 h).
    ("Mon, 05 Jan 2004 21:49:13 A", "2004-01-05T22:49:13Z"),
    ("Mon, 05 Jan 2004 21:49:13 N", "2004-01-05T20:49:13Z"),
    // Common mistakes in real feeds.
    ("Mon, 05 Jan 2004 21:49:13 +01:00", "2004-01-05T20:49:13Z"),
    ("Mon, 05 Jan 2004 21:49 GMT", "2004-01-05T21:49:00Z"),
    ("05 Jan 2004 21:49:13 GMT", "2004-01-05T21:49:13Z"),
    ("Fri, 05 Jan 2004 21:49:13 GMT", "2004-01-05T21:49:13Z"),
    ("Mon, 05 Jan 04 21:49:13 GMT", "2004-01-05T21:49:13Z"),
    ("Mon, 05 Jan 104 21:49:13 GMT", "2004-01-05T21:49:13Z"),
    ("Mon, 5 Jan 2004 21:49:13 GMT", "2004-01-05T21:49:13Z"),
    ("  Mon,  5 Jan, 2004   21:49:13   GMT  ", "2004-01-05T21:49:13Z"),
    ("Mon,5 Jan 2004 21:49:13 GMT", "2004-01-05T21:49:13Z"),
    ("Mon, 05 January 2004 21:49:13 GMT", "2004-01-05T21:49:13Z"),
    ("Mon, 05 Jan 2004 21:49:13", "2004-01-05T21:49:13Z"),
    ("Mon, 05 Jan 2004", "2004-01-05T00:00:00Z"),
    ("Mon, 05 Jan 2004 21:49:13 GMT+2", "2004-01-05T19:49:13Z"),
    ("Mon, 05 Jan 2004 21:49:13 -0800 (PST)", "2004-01-06T05:49:13Z"),
    ("Monday, 05-Jan-04 21:49:13 GMT", "2004-01-05T21:49:13Z"),
    ("Mon, 05 Jan 2004 09:49:13 PM GMT", "2004-01-05T21:49:13Z"),
    ("Wed, 19 Aug 2009 18:28:00 Etc/GMT", "2009-08-19T18:28:00Z"),
    ("Mon, 05 Jan 2004 21:49:13\u{00A0}GMT", "2004-01-05T21:49:13Z"),
    // A well-formed offset outside −12…+14 h is read as UTC (Miniflux).
    ("Mon, 05 Jan 2004 21:49:13 +1900", "2004-01-05T21:49:13Z"),
    // German, French, Spanish, Italian, Dutch, Portuguese names.
    ("Mo., 15 Mär 2004 10:00:00 +0100", "2004-03-15T09:00:00Z"),
    ("Montag, 3. Mai 2004 10:00 MESZ", "2004-05-03T08:00:00Z"),
    ("Di, 12 Okt 2004 10:00:00 GMT", "2004-10-12T10:00:00Z"),
    ("Fr, 24 Dez 2004 18:00:00 MEZ", "2004-12-24T17:00:00Z"),
    ("Montag, den 5. Januar 2004 um 21:49 Uhr", "2004-01-05T21:49:00Z"),
    ("mar. 5 févr. 2004 21:49:13 +0100", "2004-02-05T20:49:13Z"),
    ("1er janvier 2004", "2004-01-01T00:00:00Z"),
    ("lunes, 5 de enero de 2004 21:49:13 GMT", "2004-01-05T21:49:13Z"),
    ("lun, 05 gen 2004 21:49:13 +0100", "2004-01-05T20:49:13Z"),
    ("ma, 5 mrt 2004 21:49:13 +0100", "2004-03-05T20:49:13Z"),
    ("5 de março de 2004", "2004-03-05T00:00:00Z"),
    // Greek, Hungarian, Korean, Perforce, asctime, JavaScript, Twitter.
    ("Κυρ, 11 Ιούλ 2004 12:00:00 EST", "2004-07-11T17:00:00Z"),
    ("2004-július-13T9:15-05:00", "2004-07-13T14:15:00Z"),
    ("2004-05-25 오후 11:23:17", "2004-05-25T14:23:17Z"),
    ("2004년 05월 28일  01:31:15", "2004-05-27T16:31:15Z"),
    ("Fri, 2006/09/15 08:19:53 EDT", "2006-09-15T12:19:53Z"),
    ("Sun Jan  4 16:29:06 2004", "2004-01-04T16:29:06Z"),
    ("Sun Jul 15 01:16:00 +0000 2012", "2012-07-15T01:16:00Z"),
    ("Thu Aug 30 2012 17:26:16 +0200", "2012-08-30T15:26:16Z"),
    ("05.01.2004 21:49", "2004-01-05T21:49:00Z"),
    // RFC 3339 / W3C-DTF at every precision.
    ("2003", "2003-01-01T00:00:00Z"),
    ("2003-12", "2003-12-01T00:00:00Z"),
    ("2003-12-31", "2003-12-31T00:00:00Z"),
    ("2003-12-31T10:14Z", "2003-12-31T10:14:00Z"),
    ("2003-12-31T10:14:55.1234Z", "2003-12-31T10:14:55Z"),
    ("2003-12-31t10:14:55z", "2003-12-31T10:14:55Z"),
    ("2003-12-31T10:14:55-08:00", "2003-12-31T18:14:55Z"),
    ("2007-04-23T23:25:47.538+10:00", "2007-04-23T13:25:47Z"),
    ("2003-12-31T10:14:55+0530", "2003-12-31T04:44:55Z"),
    ("2004-07-08 23:56:58 -00:20", "2004-07-09T00:16:58Z"),
    ("2004-01-05T21:49:13 UTC", "2004-01-05T21:49:13Z"),
    ("Tue, 10 Jun 2003 04:00:00 +0000 GMT", "2003-06-10T04:00:00Z"),
    ("January 5th, 2004 9:49 pm", "2004-01-05T21:49:00Z"),
    ("2004年1月5日", "2004-01-05T00:00:00Z"),
    ("13/01/2004", "2004-01-13T00:00:00Z"),
    ("2016-12-31T23:59:60Z", "2016-12-31T23:59:59Z"),
    // ISO 8601: basic format, ordinal and week dates, two-digit years.
    ("20031231T101455Z", "2003-12-31T10:14:55Z"),
    ("20031231", "2003-12-31T00:00:00Z"),
    ("2003-335", "2003-12-01T00:00:00Z"),
    ("2003335", "2003-12-01T00:00:00Z"),
    ("2004-W01-1", "2003-12-29T00:00:00Z"),
    ("2004W537", "2005-01-02T00:00:00Z"),
    ("031231", "2003-12-31T00:00:00Z"),
    ("03-12-31", "2003-12-31T00:00:00Z"),
    ("-0312", "2003-12-01T00:00:00Z"),
    ("2003-012-31T10:14:55+00:00", "2003-12-31T10:14:55Z"),
    ("1073339353", "2004-01-05T21:49:13Z"),
    // Out-of-range fields and garbage are rejected.
    ("", nil),
    ("   ", nil),
    ("2003-12-31T25:14:55Z", nil),
    ("2003-12-31T10:60:00Z", nil),
    ("2003-12-31T10:14:61Z", nil),
    ("2003-13-01", nil),
    ("2003-12-32", nil),
    ("2003-02-29", nil),
    ("2004-W54-1", nil),
    ("2003-366", nil),
    ("Mon, 05 Jan 2004 24:00:00 GMT", nil),
    ("Mon, 32 Jan 2004 21:49:13 GMT", nil),
    ("Mon, 31 Jun 2004 21:49:13 GMT", nil),
    ("Sun, 16 Dec 2012 1:2:3:4 GMT", nil),
    ("Sun, 16 zzz 2012 11:47:32 GMT", nil),
    ("Sun, Dec x 2012 11:47:32 GMT", nil),
    ("Sun, 16 Dec zz 11:47:32 GMT", nil),
    ("Sun, 16 Dec 2012 11:47:32 +zz:00", nil),
    ("Sun, 16 Dec 2012 11:47:32 +00:zz", nil),
    ("Sun, 16 Dec 2012 11:47:32 +00:99", nil),
    ("9999-12-31T23:59:59-99:99", nil),
    ("2013-01-27-01", nil),
    ("2013-01-28T11:30:00-06:00Textra", nil),
    ("2013-xx-27", nil),
    ("22013", nil),
    ("013", nil),
    ("yesterday", nil),
    ("Mon, 05 Jan 2004 13:49:13 PM GMT", nil),
    ("Mon, 05 Jan 2004 21:49:13 EST PST", nil),
    ("2004-01-05T21:49:13T UTC", nil),
] as [(String, String?)])
func readsFeedDate(raw: String, expected: String?) {
    #expect(read(raw) == expected)
}

@Test func writesFourDigitYearsForEarlyDates() {
    #expect(read("Thu, 01 Jan 0100 00:00:01 +0100") == "0099-12-31T23:00:01Z")
}

@Test func keepsFractionOfASecond() throws {
    let date = try #require(FeedDate.parse("2003-12-31T10:14:55.25Z"))
    #expect(date.timeIntervalSince1970.truncatingRemainder(dividingBy: 1) == 0.25)
}

@Test func readsFromManyThreadsAlike() async {
    let inputs = ["Mon, 05 Jan 2004 21:49:13 GMT", "2004-01-05T21:49:13Z", "Mo., 05 Jan 2004 22:49:13 MEZ"]
    let results = await withTaskGroup(of: Date?.self) { group in
        for index in 0..<300 { group.addTask { FeedDate.parse(inputs[index % inputs.count]) } }
        return await group.reduce(into: Set<Date?>()) { $0.insert($1) }
    }
    #expect(results == [Date(timeIntervalSince1970: 1_073_339_353)])
}

/// feedparser's date vectors, read from the shared corpus when FAILWATCH_CORPORA is set.
@Test(.enabled(if: ProcessInfo.processInfo.environment["FAILWATCH_CORPORA"] != nil))
func matchesFeedparserDateVectors() throws {
    let root = try #require(ProcessInfo.processInfo.environment["FAILWATCH_CORPORA"])
    let url = URL(fileURLWithPath: root).appendingPathComponent("feedparser/date_parsers_cases.json")
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    let cases = try #require(object?["parametrized_cases"] as? [[String: Any]])
    // "03335" (YYDDD) is read as garbage on purpose, like the W3C-DTF vector "22013".
    let knownMisses: Set<String> = ["03335"]
    for entry in cases {
        let input = try #require(entry["input"] as? String)
        guard !knownMisses.contains(input) else { continue }
        var expected: String?
        if let fields = entry["expected_struct_time_utc"] as? [Int] {
            expected = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02dZ", fields[0], fields[1], fields[2], fields[3], fields[4],
                fields[5])
        }
        #expect(read(input) == expected, "\(input)")
    }
}
