// SPDX-License-Identifier: Apache-2.0
import FailwatchTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The loopback server other suites build on: it must record what clients send and answer as routed.
@Suite struct LoopbackServerTests {
    @Test func recordsMethodPathQueryHeadersAndBody() async throws {
        try await LoopbackServer.with { server in
            server.route("/hook", LoopbackResponse(status: 204))
            var request = URLRequest(url: server.url("/hook?channel=ops"))
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(#"{"text":"Störung"}"#.utf8)
            let (_, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 204)
            let recorded = try #require(server.requests.first)
            #expect(recorded.method == "POST")
            #expect(recorded.path == "/hook")
            #expect(recorded.query == "channel=ops")
            #expect(recorded.header("content-type") == "application/json")
            #expect(recorded.body == Data(#"{"text":"Störung"}"#.utf8))
        }
    }

    @Test func sequencedRoutesAnswerInOrderThenRepeatTheLast() async throws {
        try await LoopbackServer.with { server in
            server.route("/feed", sequence: [.text("one"), .text("two")])
            var bodies: [String] = []
            for _ in 0..<3 {
                let (data, _) = try await URLSession.shared.data(from: server.url("/feed"))
                bodies.append(String(decoding: data, as: UTF8.self))
            }
            #expect(bodies == ["one", "two", "two"])
        }
    }

    @Test func unknownPathsAnswer404() async throws {
        try await LoopbackServer.with { server in
            let (_, response) = try await URLSession.shared.data(from: server.url("/nothing-here"))
            #expect((response as? HTTPURLResponse)?.statusCode == 404)
        }
    }

    @Test func parallelServersGetTheirOwnPorts() async throws {
        let first = try await LoopbackServer.start()
        let second = try await LoopbackServer.start()
        #expect(first.port != second.port)
        await first.stop()
        await second.stop()
    }
}
