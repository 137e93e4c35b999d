// SPDX-License-Identifier: Apache-2.0
import FailwatchKit
import Foundation
import Testing

/// `detection:` (top level and per provider) and `alerts:`: presets, overrides, and one exact
/// message with line and column per mistake.
@Suite struct DetectionConfigTests {
    @Test func withoutDetectionTheBalancedPresetAndHalfAnHourQuietApply() throws {
        let config = try ConfigTestSupport.parse(ConfigTestSupport.minimal)
        let detection = config.detection(for: "vodafone")
        #expect(detection.detectorSettings == DetectorSettings.preset(.balanced))
        #expect(detection.incidentSettings.quietTime == 1_800)
        #expect(config.alerts.moreLink == nil)
    }

    @Test func providerOverridesTheTopLevelKeyByKey() throws {
        let config = try ConfigTestSupport.parse(
            """
            version: 1
            detection:
              sensitivity: high
              interval: 10m
              quiet: 1h
              threshold: 30
            alerts:
              more_link: https://grafana.example.org/d/failwatch
            providers:
              - name: Vodafone
                detection: {sensitivity: low, minimum_count: 8, cool_down: 2h}
              - name: Telekom
            sources:
              - name: demo
                url: https://example.org/feed.xml

            """)
        let vodafone = config.detection(for: "vodafone")
        #expect(vodafone.detectorSettings.interval == 600)
        #expect(vodafone.detectorSettings.shiftRatio == DetectorSettings.preset(.low).shiftRatio)
        #expect(vodafone.detectorSettings.threshold == 30)
        #expect(vodafone.detectorSettings.minimumCount == 8)
        #expect(vodafone.incidentSettings.quietTime == 3_600)
        #expect(vodafone.incidentSettings.coolDown == 7_200)
        let telekom = config.detection(for: "telekom")
        #expect(telekom.detectorSettings.minimumCount == DetectorSettings.preset(.high).minimumCount)
        #expect(telekom.incidentSettings.coolDown == IncidentSettings().coolDown)
        #expect(config.alerts.moreLink?.absoluteString == "https://grafana.example.org/d/failwatch")
    }

    @Test(arguments: [
        (
            "detection:\n  sensitivity: hihg\n",
            "feeds.yml:8:16: unknown sensitivity 'hihg' in 'detection' (did you mean 'high'?)"
        ),
        (
            "detection:\n  interval: 7m\n",
            "feeds.yml:8:13: 'interval' in 'detection' must divide an hour or be whole hours; hint: use 1m, 5m, 10m, 15m, 30m or 1h"
        ),
        (
            "detection:\n  quiet: 30\n",
            "feeds.yml:8:10: expected a duration like 15m for 'quiet' in 'detection', found '30'; hint: add a unit, e.g. '30s' or '30m'"
        ),
        (
            "detection:\n  threshhold: 40\n",
            "feeds.yml:8:3: unknown key 'threshhold' in 'detection' (did you mean 'threshold'?)"
        ),
        (
            "detection:\n  escalation: 1\n",
            "feeds.yml:8:15: 'escalation' in 'detection' must be between 1.1 and 100, found '1'"
        ),
        (
            "alerts:\n  more_link: grafana\n",
            "feeds.yml:8:14: invalid url 'grafana' for 'more_link' in 'alerts'; hint: write a full http(s) link, e.g. https://grafana.example.org/d/failwatch"
        ),
    ])
    func mistakesPointAtTheirLine(yaml: String, message: String) {
        #expect(ConfigTestSupport.errors(ConfigTestSupport.minimal + yaml) == [message])
    }

    @Test func providerMistakesNameTheProvider() {
        let yaml = """
            version: 1
            providers:
              - name: Vodafone
                detection:
                  persistence: 0
            sources:
              - name: demo
                url: https://example.org/feed.xml

            """
        #expect(
            ConfigTestSupport.errors(yaml) == [
                "feeds.yml:5:20: 'persistence' in 'detection' in provider 'Vodafone' must be between 1 and 100, found '0'"
            ])
    }
}
