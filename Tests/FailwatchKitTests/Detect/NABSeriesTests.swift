// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

/// The public NAB Twitter-volume series, when FAILWATCH_CORPORA points at the shared corpora.
private let nabFolder: URL? = ProcessInfo.processInfo.environment["FAILWATCH_CORPORA"].map {
    URL(fileURLWithPath: $0).appendingPathComponent("nab")
}

@Test(
    .enabled(if: nabFolder != nil, "set FAILWATCH_CORPORA to run on the NAB series"),
    arguments: Sensitivity.allCases)
func nabSeriesReplayOnlineAndCatchTheAppleSpikeOfMarch30(sensitivity: Sensitivity) throws {
    let folder = try #require(nabFolder)
    let file = folder.appendingPathComponent("Twitter_volume_AAPL.csv")
    let points = try SeriesCSV.parse(String(contentsOf: file, encoding: .utf8), file: file.path)
    #expect(points.count == 15_902)
    let rows = SeriesBacktest.run(points, settings: .preset(sensitivity))
    let window = try #require(SeriesCSV.timestamp("2015-03-30 10:57:53"))...(
        try #require(SeriesCSV.timestamp("2015-03-31 19:57:53")))
    let caught = rows.contains { $0.alert && window.contains($0.point.time) }
    #expect(caught)
    // Online: the first half replayed alone raises exactly the first half's alerts.
    let half = SeriesBacktest.run(Array(points[..<7_951]), settings: .preset(sensitivity))
    #expect(half.map(\.alert) == rows[..<7_951].map(\.alert))
    #expect(half.map(\.signal) == rows[..<7_951].map(\.signal))
}
