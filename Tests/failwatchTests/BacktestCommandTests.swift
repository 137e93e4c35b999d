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

/// The series accepts every date `parse-date` reads, such as `2026-11-01 00:00`.
@Test func backtestReadsTheDatesParseDateReads() async throws {
    let file = try seriesFile("timestamp,value\n2026-11-01 00:00,1\n2026-11-01 00:05,2\n2026-11-01T00:10:00+00:00,1\n")
    let result = try await FailwatchBinary.run(["backtest", "--series", file.path])
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout == "timestamp,value,alert\n2026-11-01 00:00,1,0\n2026-11-01 00:05,2,0\n2026-11-01T00:10:00+00:00,1,0\n")
}

/// An error while running is one line, never the usage block.
@Test(arguments: [
    ["backtest", "--series", "/nonexistent/x.csv", "--sensitivity", "extreme"],
    ["backtest", "--db", "/nonexistent/store.sqlite"],
    ["poll", "--config", "/nonexistent/feeds.yml", "--now", "yesterday"],
])
func errorsInsideACommandPrintNoUsage(arguments: [String]) async throws {
    let result = try await FailwatchBinary.run(arguments)
    #expect(result.exitCode == 1)
    #expect(!result.stderr.contains("USAGE") && !result.stderr.contains("Usage"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
}

/// Without --db and --series, backtest replays the configured store, like every other command.
@Test func backtestDefaultsToTheConfiguredStore() async throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("failwatch-backtest-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let feed = dir.appendingPathComponent("feed.xml")
    try "<rss version=\"2.0\"><channel><title>t</title></channel></rss>".write(to: feed, atomically: true, encoding: .utf8)
    let config = dir.appendingPathComponent("feeds.yml")
    try """
        version: 1
        store: {path: kept.sqlite}
        providers: [{name: Vodafone}]
        sources: [{name: demo, url: "\(feed.absoluteString)"}]

        """.write(to: config, atomically: true, encoding: .utf8)
    let missing = try await FailwatchBinary.run(["backtest", "--config", config.path, "--since", "2026-11-01"])
    #expect(missing.exitCode == 1)
    #expect(missing.stderr.contains("\(dir.appendingPathComponent("kept.sqlite").path)") && missing.stderr.contains("no such file"), "\(missing.stderr)")
    let poll = try await FailwatchBinary.run(["poll", "--config", config.path, "--quiet", "--now", "2026-11-02T00:00:00Z"])
    #expect(poll.exitCode == 0, "\(poll.stderr)")
    let replay = try await FailwatchBinary.run(["backtest", "--config", config.path, "--since", "2026-11-01"])
    #expect(replay.exitCode == 0, "\(replay.stderr)")
    #expect(replay.stdout.contains("failwatch: 0 incidents"), "\(replay.stdout)")
}

/// Detection settings on the command line are feeds.yml's keys with dashes, read by the same table.
@Test func backtestTakesFeedsYmlSettingsAsFlags() async throws {
    let (text, waveStart) = quietThenWave()
    let file = try seriesFile(text)
    let result = try await FailwatchBinary.run([
        "backtest", "--series", file.path, "--false-alarm-every", "12d", "--minimum-people=4", "--quiet", "1h",
    ])
    #expect(result.exitCode == 0, "\(result.stderr)")
    let alerts = result.stdout.split(separator: "\n").dropFirst().enumerated().filter { $0.element.hasSuffix(",1") }
    #expect(alerts.first?.offset == waveStart)

    let typo = try await FailwatchBinary.run(["backtest", "--series", file.path, "--minimum-poeple", "4"])
    #expect(typo.exitCode == 1)
    #expect(typo.stderr == "failwatch: backtest: unknown option '--minimum-poeple' (did you mean '--minimum-people'?)\n")
    let bare = try await FailwatchBinary.run(["backtest", "--series", file.path, "--quiet", "30"])
    #expect(bare.exitCode == 1)
    #expect(bare.stderr == "failwatch: backtest: --quiet: expected a duration like 15m (units s, m, h, d, w), found '30'\n")
}
