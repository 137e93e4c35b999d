// SPDX-License-Identifier: Apache-2.0
import FailwatchTestSupport
import Foundation
import Testing

/// `failwatch test-alert` as a user runs it, against loopback webhooks whose URLs come from
/// the environment and must never be printed.
@Suite struct TestAlertTests {
    /// Writes a feeds.yml with sinks pointing at `${<NAME>_URL}` variables; returns its path.
    private func config(sinks: [(name: String, kind: String)]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("test-alert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var yaml = """
            version: 1
            providers: [{id: vodafone, name: Vodafone}]
            sources: [{name: demo, url: "https://example.org/feed.xml"}]
            sinks:

            """
        for sink in sinks {
            let variable = sink.name.uppercased().replacingOccurrences(of: "-", with: "_") + "_URL"
            yaml += "  - {name: \(sink.name), kind: \(sink.kind), url: \"${\(variable)}\""
            yaml += sink.kind == "webhook" ? ", secret: \"${HOOK_SECRET}\"}\n" : "}\n"
        }
        let path = dir.appendingPathComponent("feeds.yml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs the binary with a sink timeout far above the default 15 s: the receivers are on
    /// loopback, and a CI machine busy with the other suites must not turn them into timeouts.
    private func run(_ arguments: [String], environment: [String: String]) async throws -> FailwatchBinary.Result {
        try await FailwatchBinary.run(arguments + ["--timeout", "120"], environment: environment)
    }

    @Test func everySinkGetsTheSampleAndOneLineIsPrintedEach() async throws {
        let path = try config(sinks: [("slack-noc", "slack"), ("discord-ops", "discord"), ("partner", "webhook")])
        try await WebhookReceiver.with(replies: [.ok, .ok]) { receiver in
            let environment = [
                "SLACK_NOC_URL": receiver.url("/services/T1/B2/slackSECRET").absoluteString,
                "DISCORD_OPS_URL": receiver.url("/api/webhooks/1/discordSECRET").absoluteString,
                "PARTNER_URL": receiver.url("/partner/partnerSECRET").absoluteString,
                "HOOK_SECRET": "hmacSECRET",
            ]
            let result = try await run(["test-alert", "--config", path], environment: environment)
            #expect(result.exitCode == 0)
            #expect(
                result.stdout
                    == "slack-noc: delivered (HTTP 200)\ndiscord-ops: delivered (HTTP 200)\npartner: delivered (HTTP 200)\n"
            )
            let requests = receiver.requests
            #expect(
                requests.map(\.path) == [
                    "/services/T1/B2/slackSECRET", "/api/webhooks/1/discordSECRET", "/partner/partnerSECRET",
                ])
            #expect(requests.first?.text.contains("Test alert from failwatch for Vodafone") == true)
            #expect(requests.last?.json?["event"] as? String == "test")
            #expect(requests.last?.header("X-Failwatch-Signature")?.hasPrefix("sha256=") == true)
            #expect(!(result.stdout + result.stderr).contains("SECRET"))
        }
    }

    @Test func failedSinkIsReportedWithoutItsURLAndExitIsOne() async throws {
        let path = try config(sinks: [("gone", "slack"), ("busy", "teams"), ("fine", "mattermost")])
        try await WebhookReceiver.with(replies: [.status(404, body: "no_service"), .status(503)]) { receiver in
            let environment = [
                "GONE_URL": receiver.url("/gone/goneSECRET").absoluteString,
                "BUSY_URL": receiver.url("/busy/busySECRET").absoluteString,
                "FINE_URL": receiver.url("/fine/fineSECRET").absoluteString,
            ]
            let result = try await run(["test-alert", "--config", path], environment: environment)
            #expect(result.exitCode == 1)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 3)
            #expect(
                lines.first?.hasPrefix("gone: failed: http 404: no_service; hint: the webhook no longer exists") == true
            )
            #expect(lines.dropFirst().first == "busy: failed: http 503 (temporary)")
            #expect(lines.last == "fine: delivered (HTTP 200)")
            #expect(!(result.stdout + result.stderr).contains("SECRET"))
            #expect(!(result.stdout + result.stderr).contains("127.0.0.1"))
        }
    }

    @Test func sinkOptionPicksOneSink() async throws {
        let path = try config(sinks: [("a", "slack"), ("b", "googlechat")])
        try await WebhookReceiver.with { receiver in
            let environment = ["A_URL": receiver.url("/a").absoluteString, "B_URL": receiver.url("/b").absoluteString]
            let result = try await run(["test-alert", "--config", path, "--sink", "b"], environment: environment)
            #expect(result.exitCode == 0)
            #expect(result.stdout == "b: delivered (HTTP 200)\n")
            #expect(receiver.requests.map(\.path) == ["/b"])
        }
    }

    @Test func nowPinsTheSampleTimesAndTheSignatureTimestamp() async throws {
        let path = try config(sinks: [("partner", "webhook")])
        try await WebhookReceiver.with { receiver in
            let environment = [
                "PARTNER_URL": receiver.url("/partner").absoluteString, "HOOK_SECRET": "hmacSECRET",
            ]
            let result = try await run(
                ["test-alert", "--config", path, "--now", "2026-11-21T08:00:00Z"], environment: environment)
            #expect(result.exitCode == 0)
            let request = try #require(receiver.requests.first)
            let complaints = request.json?["complaints"] as? [String: Any]
            #expect(complaints?["first_at"] as? String == "2026-11-21T07:48:00Z")
            #expect(request.header("X-Failwatch-Timestamp") == "1795248000")
        }
    }

    @Test func unknownSinkNameListsTheConfiguredOnes() async throws {
        let path = try config(sinks: [("a", "slack")])
        let result = try await run(
            ["test-alert", "--config", path, "--sink", "zz"], environment: ["A_URL": "https://x.example/"])
        #expect(result.exitCode == 1)
        #expect(result.stderr == "failwatch: no sink named 'zz' in \(path); hint: configured sinks are a\n")
    }

    @Test func noSinksIsAnErrorWithAHint() async throws {
        let path = try config(sinks: [])
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "sinks:\n", with: "")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try await run(["test-alert", "--config", path], environment: [:])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("no sinks in \(path); hint: add a 'sinks:' section"))
    }
}
