// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchKit
import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// The provider's internal monitoring, asked when an alert is built, and what counts as green.
@Suite struct OfficialCheckTests {
    static let now = Date(timeIntervalSince1970: 1_795_251_600)

    static func check(internal yaml: String) throws -> OfficialCheck {
        let config = try OfficialSourcesTests.config(
            sources: "  - name: news\n    url: https://example.org/feed.xml", providerExtra: yaml)
        return OfficialCheck(config: config, store: try AppDatabase.inMemory(), fetcher: URLSessionFetcher())
    }

    @Test func alertmanagerActiveAlertsAreCountedAndNamed() async throws {
        try await LoopbackServer.with { server in
            let alerts = try String(
                contentsOf: StatusPageReaderTests.folder.deletingLastPathComponent()
                    .appendingPathComponent("alertmanager/alerts.json"), encoding: .utf8)
            server.route("/api/v2/alerts", .text(alerts, contentType: "application/json"))
            let check = try Self.check(
                internal: """
                        internal:
                          alertmanager: \(server.url("/").absoluteString)
                          filter: ['team="noc"']
                          headers: {Authorization: "Bearer ${AM_TOKEN}"}
                          timeout: 30s
                    """.replacingOccurrences(of: "${AM_TOKEN}", with: "s3cret"))

            let state = await check.state(for: "examplenet", at: Self.now)

            // The silenced alert is left out even if the server ignores the query.
            #expect(state.monitoring == "3 active alerts: BNGDown, HighLatency")
            #expect(!state.isGreen)
            let request = try #require(server.requests(to: "/api/v2/alerts").first)
            #expect(request.query == "active=true&silenced=false&inhibited=false&filter=team%3D%22noc%22")
            #expect(request.header("Authorization") == "Bearer s3cret")
        }
    }

    @Test func alertmanagerWithoutAlertsIsGreen() async throws {
        try await LoopbackServer.with { server in
            server.route("/am/api/v2/alerts", .text("[]", contentType: "application/json"))
            let check = try Self.check(
                internal: "    internal:\n      alertmanager: \(server.url("/am/api/v2/alerts").absoluteString)\n      timeout: 30s")
            let state = await check.state(for: "examplenet", at: Self.now)
            #expect(state.monitoring == "no active alerts")
            #expect(state.isGreen)
        }
    }

    /// The hanging server gets a 1 s timeout; the others 30 s, so a busy machine cannot flake them.
    @Test(arguments: [
        (LoopbackResponse.text("ok"), "30s", "health check ok"),
        (LoopbackResponse.text("down", status: 503), "30s", "health check failed: http 503"),
        (LoopbackResponse.text("nope", status: 500), "30s", "health check failed: http 500"),
        (LoopbackResponse.neverAnswering, "1s", "unreachable (no answer within 1s)"),
    ])
    func healthURLAnswersAsOnePhrase(_ response: LoopbackResponse, _ timeout: String, _ phrase: String) async throws {
        try await LoopbackServer.with { server in
            server.route("/healthz", response)
            let check = try Self.check(
                internal: "    internal:\n      health: \(server.url("/healthz").absoluteString)\n      timeout: \(timeout)")
            let started = ContinuousClock.now
            let state = await check.state(for: "examplenet", at: Self.now)
            #expect(state.monitoring == phrase)
            #expect(state.isGreen == (phrase == "health check ok"))
            // A monitor that never answers must not hold the alert until the transport's own default
            // (60 s); the bound leaves a loaded CI machine ample slack over the 1 s asked for.
            if timeout == "1s" { #expect(started.duration(to: .now) < .seconds(45)) }
        }
    }

    @Test func refusedMonitoringIsUnreachable() async throws {
        let port = try RefusedPort()
        defer { port.close() }
        let check = try Self.check(internal: "    internal:\n      health: \(port.url("/healthz").absoluteString)")
        #expect(await check.state(for: "examplenet", at: Self.now).monitoring == "unreachable (connection refused)")
    }

    @Test(arguments: [
        (nil, nil, true),
        ("all operational", nil, true),
        ("all operational", "no active alerts", true),
        (nil, "health check ok", true),
        ("DSL outage in Berlin (investigating)", "no active alerts", false),
        ("all operational", "2 active alerts: BNGDown, HighLatency", false),
        ("all operational", "unreachable (connection refused)", false),
        ("unknown (examplenet-status never read)", nil, false),
    ] as [(String?, String?, Bool)])
    func greenOnlyWhenNoSignalReportsAProblem(_ page: String?, _ monitoring: String?, _ green: Bool) {
        #expect(AlertMessage.OfficialState(statusPage: page, monitoring: monitoring).isGreen == green)
    }
}
