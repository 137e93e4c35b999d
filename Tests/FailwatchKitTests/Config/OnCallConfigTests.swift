// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import FailwatchStore
import Foundation
import Testing

/// `kind: pagerduty` and `kind: alertmanager` sinks, and providers' `maintenance:` windows: typed
/// values from valid YAML, one line with its position per mistake, the routing key never printed.
@Suite struct OnCallConfigTests {
    private func withSinks(_ sinks: String) -> String { ConfigTestSupport.minimal + "sinks:\n" + sinks }

    @Test func pagerDutyAndAlertmanagerSinksAreTyped() throws {
        let config = try ConfigTestSupport.parse(
            withSinks(
                """
                  - name: pd
                    kind: pagerduty
                    routing_key: ${PD_KEY}
                    severity: error
                  - name: pd-lab
                    kind: pagerduty
                    url: http://127.0.0.1:8080
                    routing_key: ${PD_KEY}
                  - name: am
                    kind: alertmanager
                    url: http://alertmanager.internal:9093
                    expire_after: 30m

                """), environment: ["PD_KEY": "KEYsecretKEYsecretKEYsecret00000"])
        let sinks = Dictionary(uniqueKeysWithValues: config.sinks.map { ($0.name, $0) })
        #expect(sinks["pd"]?.url.absoluteString == "https://events.pagerduty.com/v2/enqueue")
        #expect(sinks["pd"]?.onCall == OnCallSettings(severity: "error", routingKey: "KEYsecretKEYsecretKEYsecret00000"))
        #expect(sinks["pd"]?.secrets == ["KEYsecretKEYsecretKEYsecret00000"])
        #expect(sinks["pd-lab"]?.url.absoluteString == "http://127.0.0.1:8080/v2/enqueue", "a bare address gets the API path")
        #expect(sinks["am"]?.url.absoluteString == "http://alertmanager.internal:9093/api/v2/alerts")
        #expect(sinks["am"]?.onCall == OnCallSettings(severity: "critical", expireAfter: 1_800))
    }

    @Test func onCallMistakesAreOneLineEachAndNeverShowTheKey() {
        let errors = ConfigTestSupport.errors(
            withSinks(
                """
                  - name: pd
                    kind: pagerduty
                    severity: loud
                  - name: am
                    kind: alertmanager
                    routing_key: KEYsecretKEYsecretKEYsecret00000
                    mention: "@oncall"
                  - name: chat
                    kind: slack
                    url: https://hooks.example.org/x
                    expire_after: 1h

                """))
        #expect(
            errors == [
                "feeds.yml:8:5: missing required key 'routing_key' in sink 'pd'; hint: the integration key of an Events API v2 integration, e.g. routing_key: ${PAGERDUTY_ROUTING_KEY}",
                "feeds.yml:10:15: unknown severity 'loud' in sink 'pd'; hint: one of critical, error, warning, info",
                "feeds.yml:11:5: missing required key 'url' in sink 'am'; hint: the Alertmanager's address, e.g. url: http://alertmanager.internal:9093",
                "feeds.yml:13:18: 'routing_key' in sink 'am' is only used by kind pagerduty; hint: remove it",
                "feeds.yml:14:14: 'mention' in sink 'am' is not used by kind alertmanager; hint: remove it, or notify in the receiving program",
                "feeds.yml:18:19: 'expire_after' in sink 'chat' is only used by kind alertmanager; hint: remove it",
            ], "\(errors)")
        #expect(!errors.joined().contains("KEYsecret"))
    }

    @Test func anUnsetRoutingKeyLeavesTheSinkOutOfCommandsThatSendNothing() throws {
        let yaml = withSinks("  - {name: pd, kind: pagerduty, routing_key: \"${PD_KEY}\"}\n")
        let config = try FeedsConfig.parse(
            yaml: yaml, fileName: "feeds.yml", baseDirectory: ConfigTestSupport.base, environment: [:], secrets: .optional)
        #expect(config.sinks.isEmpty)
        #expect(config.unsetSecrets.first?.contains("PD_KEY") == true)
    }

    @Test func maintenanceWindowsAreReadInTheirTimeZone() throws {
        let config = try ConfigTestSupport.parse(
            """
            version: 1
            timezone: Europe/Berlin
            providers:
              - name: Vodafone
                maintenance:
                  - from: 2026-12-08 22:00
                    until: 2026-12-09 02:00
                    reason: fibre splice
                  - every: [sat, sunday]
                    from: "23:00"
                    until: "01:30"
                    timezone: UTC
            sources:
              - name: demo
                url: https://example.org/feed.xml
            """)
        let windows = try #require(config.providers.first?.maintenance)
        #expect(windows.count == 2)
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        #expect(windows[0] == MaintenanceWindow(
            schedule: .once(from: Self.date("2026-12-08T21:00:00Z"), until: Self.date("2026-12-09T01:00:00Z")),
            timeZone: berlin, reason: "fibre splice"))
        #expect(windows[0].summary == "maintenance 2026-12-08 22:00–2026-12-09 02:00 Europe/Berlin: fibre splice")
        #expect(windows[1].schedule == .weekly(days: [1, 7], from: 23 * 60, until: 90))
        #expect(windows[1].summary == "maintenance every sunday, saturday 23:00–01:30 UTC")
    }

    @Test func maintenanceMistakesPointAtTheirLine() {
        let errors = ConfigTestSupport.errors(
            """
            version: 1
            providers:
              - name: Vodafone
                maintenance:
                  - from: 2026-12-09 02:00
                    until: 2026-12-08 22:00
                  - every: someday
                    from: "02:00"
                    until: "04:00"
                  - every: sunday
                    from: "25:00"
                    until: "04:00"
                  - from: "02:00"
                    until: "04:00"
                  - until: 2026-12-08 22:00
                    timezone: Mars/Olympus
            sources:
              - name: demo
                url: https://example.org/feed.xml
            """)
        #expect(
            errors == [
                "feeds.yml:6:16: 'until' in maintenance #1 in provider 'Vodafone' is not after 'from'; hint: write both as YYYY-MM-DD HH:MM",
                "feeds.yml:7:16: unknown day 'someday' in 'every' in maintenance #2 in provider 'Vodafone'; hint: monday … sunday, mon … sun, or day",
                "feeds.yml:11:15: expected a time of day like 02:00 for '25:00' in maintenance #3 in provider 'Vodafone'; hint: quote it, e.g. from: \"02:00\"",
                "feeds.yml:13:15: expected a date and time like 2026-12-08 22:00 for '02:00' in maintenance #4 in provider 'Vodafone'; hint: add 'every:' for a weekly window",
                "feeds.yml:16:19: unknown time zone 'Mars/Olympus' in maintenance #5 in provider 'Vodafone'; hint: use an IANA name such as Europe/Berlin or UTC",
            ], "\(errors)")
    }

    static func date(_ text: String) -> Date {
        (try? Date(text, strategy: .iso8601)) ?? .distantPast
    }
}
