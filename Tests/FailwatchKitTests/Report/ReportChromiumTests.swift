// SPDX-License-Identifier: Apache-2.0
import FailwatchTestSupport
import Foundation
import Testing

@testable import FailwatchKit

/// Opens the seeded HTML report in headless Chromium (Debian's `chromium`, which .ci/run
/// installs): it must load without a console message (no script, no blocked request, no
/// error) and show its charts. Skipped when Chromium is not installed.
///
/// Screenshots for people: `FAILWATCH_REPORT_SCREENSHOTS=/tmp/shots swift test --filter ReportChromium`
/// writes phone.png and desktop.png there.
@Suite(.serialized) struct ReportChromiumTests {
    static let chromium: String? = {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["FAILWATCH_CHROMIUM"]].compactMap { $0 } + [
            "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/chromium-headless-shell",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium); skipped"))
    func htmlReportRendersWithoutConsoleMessagesAndShowsItsCharts() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("week.html")
        try Data(ReportFormat.html.render(try ReportGoldenTests.seeded()).utf8).write(to: page)

        let result = try await Self.run(["--dump-dom", page.absoluteString], home: folder)

        #expect(result.status == 0, "chromium exited \(result.status)")
        let console = result.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(console.isEmpty, "console messages: \(console.joined(separator: "\n"))")
        let dom = result.stdout
        // Shares, timeline, and three charts for each of the two providers with posts.
        #expect(dom.components(separatedBy: "<svg").count - 1 == 8)
        #expect(dom.components(separatedBy: "role=\"img\"").count - 1 == 8)
        #expect(dom.contains("<title id=\"timeline-t\">Incidents of the week on a timeline</title>"))
        #expect(dom.contains("&lt;script&gt;alert"))
        #expect(!dom.contains("<script"))

        if let shots = ProcessInfo.processInfo.environment["FAILWATCH_REPORT_SCREENSHOTS"] {
            try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
            for (name, size) in [("phone", "412,3200"), ("desktop", "1280,4200")] {
                _ = try await Self.run(
                    ["--screenshot=\(shots)/\(name).png", "--window-size=\(size)", "--hide-scrollbars", page.absoluteString],
                    home: folder)
            }
        }
    }

    /// Runs Chromium with its own profile.
    static func run(_ arguments: [String], home: URL) async throws -> (status: Int32, stdout: String, stderr: String) {
        let chromium = try #require(chromium)
        let output = try await ChildProcess.run(
            URL(fileURLWithPath: chromium),
            arguments: [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--enable-logging=stderr", "--v=0", "--user-data-dir=\(home.path)/profile",
            ] + arguments,
            environment: ProcessInfo.processInfo.environment.merging(["HOME": home.path]) { $1 })
        return (output.exitCode, String(decoding: output.stdout, as: UTF8.self), String(decoding: output.stderr, as: UTF8.self))
    }
}
