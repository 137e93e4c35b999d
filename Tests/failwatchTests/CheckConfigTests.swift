// SPDX-License-Identifier: Apache-2.0
import FailwatchTestSupport
import Foundation
import Testing

/// `failwatch check-config` as a user runs it: exit codes, stdout summary, one line per error.
@Suite struct CheckConfigTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Writes `text` to a fresh temporary directory as feeds.yml and returns the directory.
    private func temporaryConfig(_ text: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("check-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try text.write(to: dir.appendingPathComponent("feeds.yml"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func shippedConfigInCurrentDirectoryIsOk() async throws {
        let result = try await FailwatchBinary.run(
            ["check-config"], environment: ["FAILWATCH_CONFIG": ""], currentDirectory: Self.root)
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("feeds.yml: ok ("))
        #expect(result.stdout.hasSuffix(" sources)\n"))
        #expect(result.stderr.isEmpty)
    }

    @Test func everyErrorIsPrintedToStderrAndExitIsOne() async throws {
        let dir = try temporaryConfig(
            """
            version: 1
            providers: [{name: Vodafone}]
            sources:
              - name: demo
                url: https://example.org/feed?key=${DEMO_KEY}
                intervall: 5m
            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("feeds.yml").path
        let result = try await FailwatchBinary.run(["check-config", "--config", path])
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.split(separator: "\n") == [
                "\(path):5:10: environment variable 'DEMO_KEY' is not set, needed by 'url' in source 'demo'; "
                    + "hint: export DEMO_KEY before running failwatch, or write $${DEMO_KEY} for the literal text",
                "\(path):6:5: unknown key 'intervall' in source 'demo' (did you mean 'interval'?)",
            ])
    }

    @Test func environmentNamesTheConfigAndSuppliesSecrets() async throws {
        let dir = try temporaryConfig(
            """
            version: 1
            providers: [{name: Vodafone}]
            sources:
              - {name: demo, url: "https://example.org/feed?key=${DEMO_KEY}"}
            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("feeds.yml").path
        let result = try await FailwatchBinary.run(
            ["check-config"], environment: ["FAILWATCH_CONFIG": path, "DEMO_KEY": "hunter2"])
        #expect(result.exitCode == 0)
        #expect(result.stdout == "\(path): ok (1 provider, 1 source)\n")
    }

    @Test func missingFileIsOneLineAndExitOne() async throws {
        let dir = try temporaryConfig("")
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try await FailwatchBinary.run(
            ["check-config", "--config", "missing.yml"], environment: ["FAILWATCH_CONFIG": ""], currentDirectory: dir)
        #expect(result.exitCode == 1)
        #expect(result.stderr == "missing.yml: no such file; hint: pass --config PATH or set FAILWATCH_CONFIG\n")
    }

    @Test func configPathPrefersOptionThenEnvironmentThenDefault() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("check-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let runs: [(arguments: [String], environment: String, file: String)] = [
            (["--config", "a.yml"], "b.yml", "a.yml"), ([], "b.yml", "b.yml"), ([], "", "feeds.yml"),
        ]
        for run in runs {
            let result = try await FailwatchBinary.run(
                ["check-config"] + run.arguments, environment: ["FAILWATCH_CONFIG": run.environment],
                currentDirectory: dir)
            #expect(result.stderr == "\(run.file): no such file; hint: pass --config PATH or set FAILWATCH_CONFIG\n")
        }
    }
}
