// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

@Test func readsNABSeriesWithHeader() throws {
    let text = """
        timestamp,value
        2015-02-26 21:42:53,104
        2015-02-26 21:47:53,100

        """
    let points = try SeriesCSV.parse(text, file: "aapl.csv")
    #expect(points.map(\.value) == [104, 100])
    #expect(points.map(\.timestamp) == ["2015-02-26 21:42:53", "2015-02-26 21:47:53"])
    #expect(points.first?.time == Date(timeIntervalSince1970: 1_424_986_973))
}

@Test(arguments: ["2015-02-26T21:42:53Z", "2015-02-26T21:42:53.000Z", "2015-02-26 21:42:53.000000"])
func readsISOTimestampVariants(stamp: String) {
    #expect(SeriesCSV.timestamp(stamp) == Date(timeIntervalSince1970: 1_424_986_973))
}

@Test(arguments: [
    ("timestamp,value\n2015-02-26 21:42:53,1\n2015-02-26 21:47:53\n", "series: s.csv:3: expected 'timestamp,value', got 1 fields"),
    ("2015-02-26 21:42:53,1\n2015-13-26 21:47:53,2\n", "series: s.csv:2: bad timestamp '2015-13-26 21:47:53'"),
    ("2015-02-26 21:42:53,-4\n", "series: s.csv:1: bad value '-4', expected a count >= 0"),
    ("2015-02-26 21:42:53,1\n2015-02-26 21:42:53,2\n", "series: s.csv:2: timestamp '2015-02-26 21:42:53' is not after the previous row"),
    ("timestamp,value\n", "series: s.csv: no data rows"),
])
func badRowsNameFileAndLine(text: String, message: String) {
    #expect(throws: (any Error).self) { try SeriesCSV.parse(text, file: "s.csv") }
    do {
        _ = try SeriesCSV.parse(text, file: "s.csv")
    } catch {
        #expect("\(error)" == message)
    }
}

/// A series saved by a spreadsheet on Windows: CRLF line ends, a blank CRLF line.
@Test func readsCRLFLines() throws {
    let points = try SeriesCSV.parse("timestamp,value\r\n2015-02-26 21:42:53,1\r\n\r\n2015-02-26 21:47:53,2\r\n", file: "w.csv")
    #expect(points.map(\.value) == [1, 2])
    #expect(points.map(\.timestamp) == ["2015-02-26 21:42:53", "2015-02-26 21:47:53"])
}

/// Found by the corpus replay: an error quoted a 1 MB field, or a field holding a lone CR, whole.
@Test func badFieldsAreQuotedOnOneShortLine() {
    for text in ["2015-02-26 21:42:53," + String(repeating: "9", count: 1 << 20) + "x\n", "2015-02-26 21:42:53,1\r5\n"] {
        do {
            _ = try SeriesCSV.parse(text, file: "s.csv")
            Issue.record("accepted a bad value")
        } catch {
            let message = "\(error)"
            #expect(message.count < 160 && !message.contains(where: \.isNewline), "\(message.prefix(200))")
            #expect(message.hasPrefix("series: s.csv:1: bad value '"))
        }
    }
}

@Test(arguments: [("5m", 300.0), ("300s", 300.0), ("1h", 3_600.0), ("2d", 172_800.0), ("1h30m", 5_400.0), ("0s", 0.0)])
func readsDurations(text: String, seconds: Double) {
    #expect(DurationText.seconds(text) == seconds)
}

/// One grammar for feeds.yml and the command line: a bare number's unit is a guess, so it is refused.
@Test(arguments: ["", "90", "-5m", "five", "1.5h"])
func rejectsBadDurations(text: String) {
    #expect(DurationText.seconds(text) == nil)
}
