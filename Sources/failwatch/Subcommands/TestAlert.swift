// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchCore
import FailwatchKit
import Foundation

extension FailwatchCommand {
    /// Proves each sink works before an outage does: posts a sample alert, one line per sink.
    struct TestAlert: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test-alert",
            abstract: "Send a sample alert to each configured sink and print what each answered.",
            discussion: """
                Exits 1 when any sink did not accept the message. Webhook URLs and routing keys are never printed. \
                A PagerDuty sink gets a trigger of severity info, resolved at once; an Alertmanager sink an alert \
                FailwatchTestAlert that ends by itself after 5 minutes.
                """
        )

        @Option(help: "The configuration file (default: $FAILWATCH_CONFIG or ./feeds.yml).")
        var config: String?

        @Option(name: .customLong("sink"), help: "Send only to the sink with this name.")
        var sinkName: String?

        @Option(help: "Seconds to wait for each sink.")
        var timeout: Double = 15

        @Option(help: "Act as if the clock read this ISO-8601 instant: the sample's times and the signature's timestamp.")
        var now: String?

        func validate() throws {
            guard timeout > 0, timeout <= 300 else {
                throw ValidationError("--timeout must be between 0 and 300 seconds, found \(timeout)")
            }
        }

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let path = FeedsConfig.path(option: config, environment: environment)
            let loaded = try StoreOptions.loadConfig(at: path, secrets: .required)
            var sinks = loaded.sinks
            if sinks.isEmpty {
                throw Terminal.failure(
                    "no sinks in \(path); hint: add a 'sinks:' section, see the example in feeds.yml")
            }
            if let sinkName {
                sinks = sinks.filter { $0.name == sinkName }
                if sinks.isEmpty {
                    let names = loaded.sinks.map(\.name).joined(separator: ", ")
                    throw Terminal.failure(
                        "no sink named '\(sinkName)' in \(path); hint: configured sinks are \(names)")
                }
            }
            let now = try CommandClock.instant(now)
            var sender = WebhookSender(timeout: timeout)
            if let agent = loaded.fetch.userAgent { sender.userAgent = agent }
            var failed = false
            for sink in sinks {
                var message = AlertMessage.sample(
                    provider: Self.provider(for: sink, in: loaded), now: now, timeZoneID: loaded.timezone.identifier)
                if let provider = loaded.providers.first(where: { $0.id == message.provider.id }) {
                    // The sample's symptom and the provider's first place, in its own templates.
                    message.holdingStatements = HoldingStatement.suggested(
                        provider: provider, defaults: loaded.alerts.holdingStatements, symptoms: [.internet],
                        places: Array(provider.places.prefix(1)), statusURL: loaded.statusURL(for: provider))
                }
                var result = await sender.send(WebhookRequest.make(for: message, sink: sink, now: now), now: now)
                    .hiding(sink.secrets)
                if result.isDelivered, sink.kind == .pagerduty {
                    // The test alert is resolved at once, so nobody is left with an open PagerDuty alert.
                    var resolution = message
                    resolution.kind = .resolved
                    result = await sender.send(WebhookRequest.make(for: resolution, sink: sink, now: now), now: now)
                        .hiding(sink.secrets)
                    print("\(sink.name): triggered, then resolve \(result)")
                } else {
                    print("\(sink.name): \(result)")
                }
                if !result.isDelivered { failed = true }
            }
            if failed { throw ExitCode.failure }
        }

        /// The first provider the sink listens to, so the sample looks like its real alerts.
        private static func provider(for sink: SinkConfig, in config: FeedsConfig) -> AlertMessage.Provider {
            let provider = config.providers.first { sink.providers.includes($0.id) } ?? config.providers.first
            return provider.map { AlertMessage.Provider(id: $0.id, name: $0.name) }
                ?? AlertMessage.Provider(id: "example", name: "Example")
        }
    }
}
