// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchKit
import FailwatchTestSupport
import Foundation
import Testing

/// Caps, compression and timeouts: a hostile or broken server must not stall or exhaust a run.
@Suite struct FetchLimitsTests {
    static let feedText = FetchTesting.rss + String(repeating: "\n<!-- padding -->", count: 500)

    @Test(arguments: TransportCase.all, ["gzip", "deflate"])
    func decodesCompressedBodies(transport: TransportCase, encoding: String) async throws {
        try await LoopbackServer.with { server in
            let data = Data(Self.feedText.utf8)
            server.route("/feed.xml", encoding == "gzip" ? .gzip(data) : .deflate(data))
            let result = await transport.fetcher(FetchTesting.policy()).fetch(
                FetchRequest(url: server.url("/feed.xml")))
            #expect(result.body?.data == data)
            #expect(server.requests(to: "/feed.xml").first?.header("Accept-Encoding")?.contains(encoding) == true)
        }
    }

    /// 200 MB offered against a 1 MiB cap. The slow chunked stream would take far longer than
    /// the 3 s timeout, so only a check made while receiving gives "body larger than".
    @Test(arguments: TransportCase.all, [false, true])
    func stopsReceivingOnceTheBodyPassesTheCap(transport: TransportCase, declaresLength: Bool) async throws {
        try await LoopbackServer.with { server in
            server.route(
                "/huge", .streamed(byteCount: 200_000_000, declaresLength: declaresLength, chunkDelay: .milliseconds(2))
            )
            let fetcher = transport.fetcher(FetchTesting.policy(maxBodyBytes: FetchTesting.mebibyte))
            let result = await fetcher.fetch(FetchRequest(url: server.url("/huge")))
            #expect(result.error == .bodyTooLarge(limit: FetchTesting.mebibyte))
            #expect(result.error?.description == "body larger than 1 MiB")
        }
    }

    @Test(arguments: TransportCase.all)
    func stopsInflatingAGzipBomb(transport: TransportCase) async throws {
        try await LoopbackServer.with { server in
            server.route("/bomb", .gzipBomb(expandedBytes: 100 * FetchTesting.mebibyte))
            let fetcher = transport.fetcher(
                FetchTesting.policy(
                    maxBodyBytes: FetchTesting.mebibyte, maxDecompressedBytes: 2 * FetchTesting.mebibyte))
            let result = await fetcher.fetch(FetchRequest(url: server.url("/bomb")))
            #expect(result.error == .decompressedTooLarge(limit: 2 * FetchTesting.mebibyte))
            #expect(result.error?.description == "decompressed body larger than 2 MiB (gzip bomb?)")
        }
    }

    @Test(arguments: TransportCase.all)
    func compressedBodyAboveTheWireCapFailsFromItsContentLength(transport: TransportCase) async throws {
        try await LoopbackServer.with { server in
            // 1 MiB of varied text barely compresses with the test encoder.
            let text = (0..<40_000).map { "line \($0)\n" }.joined()
            server.route("/big.gz", .gzip(Data(text.utf8)))
            let fetcher = transport.fetcher(FetchTesting.policy(maxBodyBytes: 100_000))
            let result = await fetcher.fetch(FetchRequest(url: server.url("/big.gz")))
            #expect(result.error == .bodyTooLarge(limit: 100_000))
        }
    }

    @Test(arguments: TransportCase.all)
    func giveUpOnAServerThatNeverAnswers(transport: TransportCase) async throws {
        try await LoopbackServer.with { server in
            server.route("/hang", .neverAnswering)
            let result = await transport.fetcher(FetchTesting.policy(timeout: 1)).fetch(
                FetchRequest(url: server.url("/hang")))
            #expect(result.error == .timedOut(seconds: 1))
            #expect(result.error?.description == "timed out after 1 s")
        }
    }

    /// The deadline covers the whole transfer, not only the wait between bytes.
    @Test(arguments: TransportCase.all)
    func giveUpOnABodyThatTricklesForever(transport: TransportCase) async throws {
        try await LoopbackServer.with { server in
            server.route("/trickle", .streamed(byteCount: 1_000_000, chunkDelay: .milliseconds(200)))
            let result = await transport.fetcher(FetchTesting.policy(timeout: 1)).fetch(
                FetchRequest(url: server.url("/trickle")))
            #expect(result.error == .timedOut(seconds: 1))
        }
    }

    @Test(arguments: TransportCase.all)
    func cancellingTheCallerCancelsTheFetch(transport: TransportCase) async throws {
        try await LoopbackServer.with { server in
            server.route("/hang", .neverAnswering)
            let fetcher = transport.fetcher(FetchTesting.policy(timeout: 30))
            let task = Task { await fetcher.fetch(FetchRequest(url: server.url("/hang"))) }
            try await Task.sleep(for: .milliseconds(200))
            task.cancel()
            #expect(await task.value == .failed(.cancelled))
        }
    }

    @Test(arguments: TransportCase.all)
    func anAlreadyCancelledCallerSendsNothing(transport: TransportCase) async throws {
        try await LoopbackServer.with { server in
            server.route("/feed", .text("ok"))
            let fetcher = transport.fetcher(FetchTesting.policy())
            let task = Task {
                while !Task.isCancelled { await Task.yield() }
                return await fetcher.fetch(FetchRequest(url: server.url("/feed")))
            }
            task.cancel()
            #expect(await task.value == .failed(.cancelled))
            #expect(server.requests.isEmpty)
        }
    }
}
