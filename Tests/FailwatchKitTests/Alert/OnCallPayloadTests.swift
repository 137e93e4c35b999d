// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchStore
import Foundation
import Testing

@testable import FailwatchKit

/// What PagerDuty and Alertmanager need beyond the golden payloads: the incident as the alert's
/// identity in every message, resolve events, and `endsAt` that keeps an open alert firing.
@Suite struct OnCallPayloadTests {
    static func object(_ value: JSONValue) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: value.encoded())
        if let list = parsed as? [[String: Any]], let first = list.first { return first }
        return try #require(parsed as? [String: Any])
    }

    @Test func pagerDutyTriggersWithTheIncidentAsDedupKeyAndResolvesWithNothingElse() throws {
        let trigger = try Self.object(AlertFixtures.render(AlertFixtures.hostile, for: .pagerduty))
        #expect(trigger["event_action"] as? String == "trigger")
        #expect(trigger["dedup_key"] as? String == "inc-42")
        #expect(trigger["routing_key"] as? String == AlertFixtures.routingKey)
        let payload = try #require(trigger["payload"] as? [String: Any])
        #expect(payload["severity"] as? String == "critical")
        #expect((payload["summary"] as? String)?.hasPrefix("Vodafone: 34 outage complaints") == true)

        var resolved = AlertFixtures.hostile
        resolved.kind = .resolved
        resolved.updateNumber = 3
        let resolve = try Self.object(AlertFixtures.render(resolved, for: .pagerduty))
        #expect(Set(resolve.keys) == ["routing_key", "event_action", "dedup_key"])
        #expect(resolve["event_action"] as? String == "resolve" && resolve["dedup_key"] as? String == "inc-42")
    }

    @Test func aTestAlertIsOfSeverityInfoEverywhere() throws {
        let test = AlertMessage.sample(provider: .init(id: "vodafone", name: "Vodafone"), now: AlertFixtures.now, timeZoneID: "UTC")
        let pd = try Self.object(AlertFixtures.render(test, for: .pagerduty))
        #expect((pd["payload"] as? [String: Any])?["severity"] as? String == "info")
        let am = try Self.object(AlertFixtures.render(test, for: .alertmanager))
        let labels = try #require(am["labels"] as? [String: String])
        #expect(labels["severity"] == "info" && labels["alertname"] == "FailwatchTestAlert")
        #expect(am["endsAt"] as? String == "2026-11-23T14:25:00Z", "a test alert ends by itself after 5 minutes")
    }

    @Test func alertmanagerKeepsTheSameLabelsAndEndsTheAlertOnResolve() throws {
        let sink = AlertFixtures.sink(.alertmanager)
        let opened = try Self.object(AlertPayload.render(AlertFixtures.hostile, for: sink, now: AlertFixtures.now))
        let later = AlertFixtures.now.addingTimeInterval(600)
        let again = try Self.object(AlertPayload.render(AlertFixtures.hostile, for: sink, now: later))
        var resolvedMessage = AlertFixtures.hostile
        resolvedMessage.kind = .resolved
        resolvedMessage.updateNumber = 2
        resolvedMessage.createdAt = AlertFixtures.now.addingTimeInterval(3000)
        let resolved = try Self.object(AlertPayload.render(resolvedMessage, for: sink, now: later))

        let labels = try #require(opened["labels"] as? [String: String])
        #expect(labels == ["alertname": "CustomerReportedOutage", "provider": "vodafone", "incident": "inc-42", "severity": "critical"])
        #expect(resolved["labels"] as? [String: String] == labels, "Alertmanager matches the resolution by its labels")
        #expect(opened["startsAt"] as? String == "2026-11-23T14:05:00Z", "the first complaint")
        #expect(opened["endsAt"] as? String == "2026-11-23T15:20:00Z", "expire_after (1h) ahead")
        #expect(again["endsAt"] as? String == "2026-11-23T15:30:00Z", "each post pushes it ahead")
        #expect(resolved["endsAt"] as? String == "2026-11-23T15:10:00Z", "when it resolved")
    }
}
