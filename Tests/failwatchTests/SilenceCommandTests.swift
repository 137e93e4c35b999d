// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// `failwatch silence`, `unsilence` and `status` as an operator types them, and `test-alert`
/// against loopback stand-ins for PagerDuty and Alertmanager.
@Suite struct SilenceCommandTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fw-silence-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// A feeds.yml with one provider with a weekly maintenance window, and `sinks` appended.
    func config(sinks: String = "") throws -> String {
        let yaml = """
            version: 1
            store: {path: store.sqlite}
            providers:
              - name: Vodafone
                maintenance:
                  - {every: saturday, from: "08:00", until: "10:00", timezone: UTC, reason: weekly works}
            sources:
              - {name: demo, url: "file:none.xml"}

            """ + sinks
        let path = folder.appendingPathComponent("feeds.yml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> FailwatchBinary.Result {
        try await FailwatchBinary.run(arguments, environment: environment)
    }

    @Test func aSilenceIsStoredWithWhoAndWhyListedShownInStatusAndEndedEarly() async throws {
        let config = try config()
        let missing = try await run(["silence", "vodafone", "--for", "2h", "--reason", "x", "--config", config])
        #expect(missing.exitCode == 1)
        #expect(missing.stderr.contains("no such file; hint: pass --db PATH, or run `failwatch poll` once to create it"))
        _ = try await run(["poll", "--config", config, "--now", "2026-11-21T07:00:00Z"])

        let set = try await run([
            "silence", "vodafone", "--for", "2h", "--reason", "planned works", "--by", "ana", "--config", config,
            "--now", "2026-11-21T09:00:00Z",
        ])
        #expect(set.exitCode == 0, "\(set.stderr)")
        #expect(set.stdout == "vodafone: silenced by ana until 2026-11-21T11:00:00Z: planned works\n")

        let list = try await run(["silence", "--list", "--config", config, "--now", "2026-11-21T10:00:00Z"])
        #expect(list.stdout.contains("vodafone  2026-11-21T09:00:00Z  2026-11-21T11:00:00Z  ana  planned works"), "\(list.stdout)")

        let status = try await run(["status", "--config", config, "--now", "2026-11-21T09:30:00Z"])
        #expect(status.stdout.contains("vodafone  silenced"), "\(status.stdout)")
        #expect(status.stdout.contains("in maintenance  -                     feeds.yml  maintenance every saturday 08:00–10:00 UTC: weekly works"), "\(status.stdout)")
        let json = try await run(["status", "--json", "--config", config, "--now", "2026-11-21T09:30:00Z"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let holds = try #require(object["silences"] as? [[String: Any]])
        #expect(holds.map { $0["kind"] as? String } == ["silence", "maintenance"])
        #expect(holds.first?["by"] as? String == "ana")
        let metrics = try await run(["metrics", "--config", config, "--now", "2026-11-21T09:30:00Z"])
        #expect(metrics.stdout.contains(#"failwatch_provider_alerts_held{provider="vodafone"} 1"#), "\(metrics.stdout)")
        let later = try await run(["metrics", "--config", config, "--now", "2026-11-21T12:00:00Z"])
        #expect(later.stdout.contains(#"failwatch_provider_alerts_held{provider="vodafone"} 0"#), "\(later.stdout)")

        let unknown = try await run(["silence", "vodafon", "--for", "1h", "--reason", "x", "--config", config])
        #expect(unknown.exitCode == 1 && unknown.stderr.contains("no provider 'vodafon' in the configuration; hint: providers are vodafone"))
        let tooLong = try await run(["silence", "vodafone", "--for", "90d", "--reason", "x", "--config", config])
        #expect(tooLong.exitCode != 0 && tooLong.stderr.contains("is not a duration from 1m to 31d"))

        let ended = try await run(["unsilence", "vodafone", "--config", config, "--now", "2026-11-21T10:00:00Z"])
        #expect(ended.stdout == "vodafone: silence ended\n")
        let none = try await run(["silence", "--list", "--config", config, "--now", "2026-11-21T10:00:01Z"])
        #expect(none.stdout == "no silences\n")
        let again = try await run(["unsilence", "vodafone", "--config", config, "--now", "2026-11-21T10:00:01Z"])
        #expect(again.stdout == "vodafone: no active silence\n")
    }

    @Test func testAlertTriggersAndResolvesOnPagerDutyAndPostsAShortAlertToAlertmanager() async throws {
        try await WebhookReceiver.with(replies: []) { receiver in
            let config = try config(
                sinks: """
                    sinks:
                      - {name: pd, kind: pagerduty, url: "${PD_URL}", routing_key: "${PD_KEY}"}
                      - {name: am, kind: alertmanager, url: "${AM_URL}"}

                    """)
            let environment = [
                "PD_URL": receiver.url("/").absoluteString, "AM_URL": receiver.url("/").absoluteString,
                "PD_KEY": "KEYsecretKEYsecretKEYsecret00000",
            ]
            let result = try await run(["test-alert", "--config", config, "--timeout", "120"], environment: environment)
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(result.stdout == "pd: triggered, then resolve delivered (HTTP 200)\nam: delivered (HTTP 200)\n")
            #expect(receiver.requests.map(\.path) == ["/v2/enqueue", "/v2/enqueue", "/api/v2/alerts"])
            #expect(receiver.requests.prefix(2).map { $0.json?["event_action"] as? String } == ["trigger", "resolve"])
            #expect(!(result.stdout + result.stderr).contains("KEYsecret"))
        }
    }
}
