// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchKit
import FailwatchTestSupport
import Foundation
import Testing

/// Status codes, back-off, transport failures, headers and `file://` sources.
@Suite struct FetchStatusTests {
    @Test(
        arguments: TransportCase.all,
        [
            (404, "http 404 not found"),
            (410, "http 410 gone (the feed was removed)"),
            (500, "http 500"),
            (401, "http 401 unauthorized (check the credentials)"),
        ])
    func failsWithTheStatus(transport: TransportCase, expected: (status: Int, message: String)) async throws {
        let (status, message) = expected
        let fetcher = transport.fetcher()
        try await LoopbackServer.with { server in
            server.route("/feed", LoopbackResponse(status: status, body: "error page"))
            let result = await fetcher.fetch(FetchRequest(url: server.url("/feed")))
            #expect(result.error == .http(status: status))
            #expect(result.error?.description == message)
        }
    }

    @Test(
        arguments: TransportCase.all,
        [
            (429, "120", RetryAfter.seconds(120)),
            (429, "Sun, 06 Nov 1994 08:49:37 GMT", .date(Date(timeIntervalSince1970: 784_111_777))),
            (503, "30", .seconds(30)),
            (503, nil, nil),
            (429, "whenever", nil),
        ] as [(Int, String?, RetryAfter?)])
    func backsOffWhenAskedTo(
        transport: TransportCase, answer: (status: Int, header: String?, expected: RetryAfter?)
    ) async throws {
        let (status, header, expected) = answer
        let fetcher = transport.fetcher()
        try await LoopbackServer.with { server in
            server.route("/api", .retryLater(status: status, retryAfter: header))
            let result = await fetcher.fetch(FetchRequest(url: server.url("/api")))
            #expect(result == .retryLater(status: status, retryAfter: expected))
        }
    }

    @Test(arguments: TransportCase.all)
    func connectionRefusedWhenNothingListens(transport: TransportCase) async throws {
        let fetcher = transport.fetcher()
        let refusing = try RefusedPort()
        defer { refusing.close() }
        #expect(await fetcher.fetch(FetchRequest(url: refusing.url("/feed"))) == .failed(.connectionRefused))
    }

    @Test(arguments: TransportCase.all)
    func hostNotFound(transport: TransportCase) async throws {
        let fetcher = transport.fetcher()
        let url = try #require(URL(string: "http://no-such-host.invalid/feed"))
        #expect(await fetcher.fetch(FetchRequest(url: url)) == .failed(.hostNotFound))
    }

    @Test(arguments: TransportCase.all)
    func tlsFailuresAreNamed(transport: TransportCase) async throws {
        let fetcher = transport.fetcher()
        try await LoopbackServer.with { server in
            // https to a plain-HTTP port: the handshake fails.
            let url = try #require(URL(string: "https://127.0.0.1:\(server.port)/feed?token=SECRET"))
            let error = try #require(await fetcher.fetch(FetchRequest(url: url)).error)
            #expect(error.description.hasPrefix("tls: "), "\(error)")
            #expect(!error.description.contains("SECRET"))
        }
    }

    @Test(arguments: TransportCase.all)
    func unsupportedSchemesFailClearly(transport: TransportCase) async throws {
        let fetcher = transport.fetcher()
        let url = try #require(URL(string: "ftp://example.org/feed.xml"))
        let result = await fetcher.fetch(FetchRequest(url: url))
        #expect(result.error?.description == "unsupported url scheme \"ftp\" (use http, https or file)")
    }

    @Test(arguments: TransportCase.all)
    func sendsADescriptiveUserAgent(transport: TransportCase) async throws {
        let fetcher = transport.fetcher()
        try await LoopbackServer.with { server in
            server.route("/feed", .text("ok"))
            _ = await fetcher.fetch(FetchRequest(url: server.url("/feed")))
            #expect(server.requests(to: "/feed").first?.header("User-Agent") == FetchPolicy.defaultUserAgent)
        }
    }

    @Test(arguments: TransportCase.all)
    func requestHeadersOverrideTheDefaults(transport: TransportCase) async throws {
        let fetcher = transport.fetcher()
        try await LoopbackServer.with { server in
            server.route("/api", .text("{}", contentType: "application/json"))
            let request = FetchRequest(
                url: server.url("/api"), headers: ["User-Agent": "custom/1.0", "Authorization": "Bearer t0ken"])
            _ = await fetcher.fetch(request)
            let sent = try #require(server.requests(to: "/api").first)
            #expect(sent.header("User-Agent") == "custom/1.0")
            #expect(sent.header("Authorization") == "Bearer t0ken")
        }
    }

    @Test(arguments: TransportCase.all)
    func runsManyFetchesAtOnceOnOneSession(transport: TransportCase) async throws {
        let fetcher = transport.fetcher()
        try await LoopbackServer.with { server in
            for index in 0..<32 { server.route("/feed/\(index)", .text("feed \(index)")) }
            let bodies = await withTaskGroup(of: (Int, String?).self) { group in
                for index in 0..<32 {
                    group.addTask {
                        let result = await fetcher.fetch(FetchRequest(url: server.url("/feed/\(index)")))
                        return (index, result.body.map { String(decoding: $0.data, as: UTF8.self) })
                    }
                }
                var bodies: [Int: String] = [:]
                for await (index, body) in group { bodies[index] = body }
                return bodies
            }
            #expect(bodies.count == 32)
            #expect(bodies.allSatisfy { $0.value == "feed \($0.key)" })
        }
    }

    // MARK: - file://

    @Test(arguments: TransportCase.all)
    func readsLocalFiles(transport: TransportCase) async throws {
        let fetcher = transport.fetcher()
        let file = try Self.temporaryFile(FetchTesting.rss)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = await fetcher.fetch(FetchRequest(url: file))
        let body = try #require(result.body)
        #expect(body.data == Data(FetchTesting.rss.utf8))
        #expect(body.finalURL == file)
        // Size and modification time act as validators, so an unchanged file is not parsed again…
        let again = await fetcher.fetch(FetchRequest(url: file, etag: body.etag, lastModified: body.lastModified))
        #expect(again == .notModified(etag: body.etag, lastModified: body.lastModified))
        // …but a file rewritten within the same second is.
        try (FetchTesting.rss + " ").write(to: file, atomically: true, encoding: .utf8)
        let rewritten = await fetcher.fetch(FetchRequest(url: file, etag: body.etag, lastModified: body.lastModified))
        #expect(rewritten.body != nil)
    }

    @Test(arguments: TransportCase.all)
    func missingLocalFileSaysWhichFile(transport: TransportCase) async {
        let fetcher = transport.fetcher()
        let url = URL(fileURLWithPath: "/nonexistent/failwatch/feed.xml")
        let result = await fetcher.fetch(FetchRequest(url: url))
        #expect(result.error?.description == "file not found: /nonexistent/failwatch/feed.xml")
    }

    @Test(arguments: TransportCase.all)
    func localFilesObeyTheSizeCap(transport: TransportCase) async throws {
        let file = try Self.temporaryFile(String(repeating: "x", count: 2000))
        defer { try? FileManager.default.removeItem(at: file) }
        let result = await transport.fetcher(FetchTesting.policy(maxBodyBytes: 1000)).fetch(
            FetchRequest(url: file))
        #expect(result.error == .bodyTooLarge(limit: 1000))
    }

    static func temporaryFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "failwatch-fetch-\(UUID().uuidString).xml")
        try Data(text.utf8).write(to: url)
        return url
    }
}
