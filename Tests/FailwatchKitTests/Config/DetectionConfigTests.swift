// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
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
              false_alarm_every: 4w
            alerts:
              more_link: https://grafana.example.org/d/failwatch
            providers:
              - name: Vodafone
                detection: {sensitivity: low, minimum_people: 8, cool_down: 2h}
              - name: Telekom
            sources:
              - name: demo
                url: https://example.org/feed.xml

            """)
        let vodafone = config.detection(for: "vodafone")
        #expect(vodafone.detectorSettings.interval == 600)
        #expect(vodafone.detectorSettings.burstReturnPeriod == 28 * 86_400)
        #expect(vodafone.detectorSettings.minimumPeople == 8)
        #expect(vodafone.incidentSettings.quietTime == 3_600)
        #expect(vodafone.incidentSettings.coolDown == 7_200)
        let telekom = config.detection(for: "telekom")
        #expect(telekom.detectorSettings.minimumPeople == DetectorSettings.preset(.high).minimumPeople)
        #expect(telekom.incidentSettings.coolDown == IncidentSettings().coolDown)
        #expect(config.alerts.moreLink?.absoluteString == "https://grafana.example.org/d/failwatch")
    }

    @Test func burstKeysReachTheDetectorAndProvidersOverrideThem() throws {
        let config = try ConfigTestSupport.parse(
            """
            version: 1
            detection:
              burst_return_period: 10d
              burst_windows: [5m, 1h]
              burst_quantile: 0.98
              burst_reference_quantile: 0.8
              burst_half_life: 14d
              burst_lag: 6h
              burst_offset: 2
              burst_record_ratio: 1.5
              burst_record_half_life: 2d
            providers:
              - name: Vodafone
                detection: {burst_return_period: 3d, burst_release_period: 12h, burst_windows: 15m}
              - name: Telekom
            sources:
              - name: demo
                url: https://example.org/feed.xml

            """)
        let telekom = config.detection(for: "telekom").detectorSettings
        #expect(telekom.burstReturnPeriod == 10 * 86_400)
        #expect(telekom.burstReleasePeriod == DetectorSettings().burstReleasePeriod)
        #expect(telekom.burstWindows == [300, 3_600])
        #expect(telekom.burstQuantile == 0.98)
        #expect(telekom.burstReferenceQuantile == 0.8)
        #expect(telekom.burstHalfLife == 14 * 86_400)
        #expect(telekom.burstLag == 6 * 3_600)
        #expect(telekom.burstOffset == 2)
        #expect(telekom.burstRecordRatio == 1.5)
        #expect(telekom.burstRecordHalfLife == 2 * 86_400)
        let vodafone = config.detection(for: "vodafone").detectorSettings
        #expect(vodafone.burstReturnPeriod == 3 * 86_400)
        #expect(vodafone.burstReleasePeriod == 12 * 3_600)
        #expect(vodafone.burstWindows == [900])
        #expect(vodafone.burstQuantile == 0.98)
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
            "detection:\n  minimum_poeple: 4\n",
            "feeds.yml:8:3: unknown key 'minimum_poeple' in 'detection' (did you mean 'minimum_people'?)"
        ),
        (
            "detection:\n  minimum_count: 5\n",
            "feeds.yml:8:18: 'minimum_count' in 'detection' is no longer read; hint: remove it, use 'minimum_people' (distinct people within up to an hour)"
        ),
        (
            "detection:\n  threshold: 20\n",
            "feeds.yml:8:14: 'threshold' in 'detection' is no longer read; hint: remove it, the threshold follows from 'false_alarm_every'"
        ),
        (
            "detection:\n  burst_routine_period: 2d\n",
            "feeds.yml:8:25: 'burst_routine_period' in 'detection' is no longer read; hint: remove it, 'burst_release_period' says which bursts are unusual and count less"
        ),
        (
            "detection:\n  escalation: 1\n",
            "feeds.yml:8:15: 'escalation' in 'detection' must be between 1.1 and 100, found '1'"
        ),
        (
            "detection:\n  burst_return_period: 7\n",
            "feeds.yml:8:24: expected a duration like 15m for 'burst_return_period' in 'detection', found '7'; hint: add a unit, e.g. '7s' or '7m'"
        ),
        (
            "detection:\n  burst_windows: [5m, 2x, 1h]\n",
            "feeds.yml:8:23: expected durations between 1m and 7d in 'burst_windows' in 'detection', found '2x'; hint: e.g. [5m, 15m, 1h, 3h]"
        ),
        (
            "detection:\n  burst_windows: []\n",
            "feeds.yml:8:18: 'burst_windows' in 'detection' needs at least one duration; hint: e.g. [5m, 15m, 1h, 3h]"
        ),
        (
            "detection:\n  burst_quantile: 0.9\n  burst_reference_quantile: 0.95\n",
            "feeds.yml:9:29: 'burst_reference_quantile' in 'detection' must be below 'burst_quantile'; hint: e.g. 0.9 and 0.99"
        ),
        (
            "detection:\n  burst_return_period: 1d\n  burst_release_period: 2d\n",
            "feeds.yml:9:25: 'burst_release_period' in 'detection' must not exceed 'false_alarm_every'; hint: an alarm ends when bursts grow commoner than the release period"
        ),
        (
            "detection:\n  burst_rare_weight: 0.1\n",
            "feeds.yml:8:22: 'burst_rare_weight' in 'detection' is no longer read; hint: remove it, a rare burst counts at least 'burst_release_period' / 'false_alarm_every'"
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
                  minimum_people: 0
            sources:
              - name: demo
                url: https://example.org/feed.xml

            """
        #expect(
            ConfigTestSupport.errors(yaml) == [
                "feeds.yml:5:23: 'minimum_people' in 'detection' in provider 'Vodafone' must be between 1 and 100000, found '0'"
            ])
    }
}
