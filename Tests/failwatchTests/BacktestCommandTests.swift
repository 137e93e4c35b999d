// SPDX-License-Identifier: Apache-2.0
import FailwatchTestSupport
import Foundation
import Testing

/// Writes a series file in a fresh temporary folder.
private func seriesFile(_ text: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("failwatch-backtest-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent("series.csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
}

/// Two quiet days of five-minute counts, then a wave of 40 voices an interval for half an hour.
private func quietThenWave() -> (text: String, waveStart: Int) {
    var lines = ["timestamp,value"]
    let start = Date(timeIntervalSince1970: 1_424_986_973)
    let waveStart = 2 * 288 + 100
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    for index in 0..<(3 * 288) {
        let value = (waveStart..<(waveStart + 6)).contains(index) ? 40 : [2, 3, 1, 4, 2][index % 5]
        lines.append("\(formatter.string(from: start.addingTimeInterval(Double(index) * 300))),\(value)")
    }
    return (lines.joined(separator: "\n") + "\n", waveStart)
}

@Test func backtestMarksTheRowWhereTheAlertIsRaised() async throws {
    let (text, waveStart) = quietThenWave()
    let file = try seriesFile(text)
    for detector in ["failwatch", "huginn"] {
        let result = try await FailwatchBinary.run(["backtest", "--series", file.path, "--detector", detector])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n")
        #expect(rows.first == "timestamp,value,alert")
        #expect(rows.count == 3 * 288 + 1)
        let alerts = rows.dropFirst().enumerated().filter { $0.element.hasSuffix(",1") }.map(\.offset)
        #expect(alerts.first == waveStart, "\(detector): \(alerts)")
        #expect(alerts.count <= 2, "\(detector): \(alerts)")
    }
}

@Test func backtestRejectsABadRowNamingFileAndLine() async throws {
    let file = try seriesFile("timestamp,value\n2015-02-26 21:42:53,1\n2015-02-26 21:47:53,lots\n")
    let result = try await FailwatchBinary.run(["backtest", "--series", file.path])
    #expect(result.exitCode != 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "failwatch: series: \(file.path):3: bad value 'lots', expected a count >= 0\n")
}
