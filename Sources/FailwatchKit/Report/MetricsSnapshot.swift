// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchStore
import Foundation

/// What `failwatch metrics` exposes, read from the store at one instant, and its rendering in
/// the Prometheus text exposition format (for node_exporter's textfile collector, so failwatch
/// needs no port of its own). Pure: values in, text out.
///
/// Spec: https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
public struct MetricsSnapshot: Sendable {
    public var sources: [SourceState]
    /// Provider id → label → posts published in the last 24 hours.
    public var lastDay: [String: [Label: Int]]
    public var providers: [String]
    public var incidents: [IncidentRecord]
    public var outbox: [OutboxEntry]
    public var lastRun: RunRecord?
    /// Providers whose alerts a silence or maintenance window holds now.
    public var held: Set<String> = []

    public init(
        sources: [SourceState], lastDay: [String: [Label: Int]], providers: [String], incidents: [IncidentRecord],
        outbox: [OutboxEntry], lastRun: RunRecord?
    ) {
        self.sources = sources
        self.lastDay = lastDay
        self.providers = providers
        self.incidents = incidents
        self.outbox = outbox
        self.lastRun = lastRun
    }

    /// The exposition text: `# HELP`, `# TYPE` and samples per metric family, newline-terminated.
    public func exposition() -> String {
        var families: [(name: String, help: String, samples: [(labels: [(String, String)], value: Double)])] = []
        func family(_ name: String, _ help: String, _ samples: [(labels: [(String, String)], value: Double)]) {
            families.append((name, help, samples))
        }
        family(
            "failwatch_source_up", "1 when the source's last fetch succeeded, 0 while it fails.",
            sources.map { ([("source", $0.name)], $0.consecutiveFailures == 0 && $0.lastSuccessAt != nil ? 1 : 0) })
        family(
            "failwatch_source_consecutive_failures", "Failed fetches in a row.",
            sources.map { ([("source", $0.name)], Double($0.consecutiveFailures)) })
        family(
            "failwatch_source_last_success_timestamp_seconds", "When the source last answered (Unix seconds).",
            sources.compactMap { state in
                state.lastSuccessAt.map { ([("source", state.name)], $0.timeIntervalSince1970.rounded(.down)) }
            })
        family(
            "failwatch_source_posts", "Posts stored from the source.",
            sources.map { ([("source", $0.name)], Double($0.postCount)) })
        family(
            "failwatch_provider_posts_24h", "Posts about the provider published in the last 24 hours, by label.",
            providers.flatMap { provider in
                Label.allCases.map { label in
                    ([("provider", provider), ("label", label.rawValue)], Double(lastDay[provider]?[label] ?? 0))
                }
            })
        family(
            "failwatch_provider_alerts_held", "1 while a silence or maintenance window holds the provider's alerts.",
            providers.map { ([("provider", $0)], held.contains($0) ? 1 : 0) })
        family(
            "failwatch_incidents_open", "Incidents open now.",
            providers.map { provider in
                ([("provider", provider)], Double(incidents.filter { $0.providerID == provider && $0.resolvedAt == nil }.count))
            })
        family(
            "failwatch_incidents", "Incidents recorded in the store (announced or found in old data).",
            providers.map { provider in ([("provider", provider)], Double(incidents.filter { $0.providerID == provider }.count)) })
        let sinks = Set(outbox.map(\.sinkName)).sorted()
        family(
            "failwatch_outbox_alerts", "Alerts in the outbox by sink and status.",
            sinks.flatMap { sink in
                [OutboxEntry.Status.pending, .delivered, .failed, .held, .suppressed].map { status in
                    (
                        [("sink", sink), ("status", status.rawValue)],
                        Double(outbox.filter { $0.sinkName == sink && $0.status == status }.count)
                    )
                }
            })
        family(
            "failwatch_last_run_timestamp_seconds", "When the last poll started (Unix seconds).",
            lastRun.map { [([], $0.startedAt.timeIntervalSince1970.rounded(.down))] } ?? [])
        family(
            "failwatch_last_run_duration_seconds", "How long the last finished poll took.",
            lastRun?.duration.map { [([], $0)] } ?? [])
        var text = ""
        for family in families where !family.samples.isEmpty {
            text += "# HELP \(family.name) \(family.help)\n# TYPE \(family.name) gauge\n"
            for sample in family.samples {
                let labels = sample.labels.map { "\($0.0)=\"\(Self.escape($0.1))\"" }.joined(separator: ",")
                text += family.name + (labels.isEmpty ? "" : "{\(labels)}") + " \(Self.format(sample.value))\n"
            }
        }
        return text
    }

    /// Label values escape `\`, `"` and line feeds.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Whole numbers without a fraction, others with up to three decimals.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.3f", value)
    }
}
