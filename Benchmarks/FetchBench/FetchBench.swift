// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchFetch
import FailwatchKit
import FailwatchTestSupport
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Measures conditional GETs answered 304 by the loopback server: the cost of an
/// unchanged feed, which is what most polls are. Run via Benchmarks/fetch-bench.sh.
@main
struct FetchBench {
    static let requestsPerRound = 200
    static let rounds = 5

    static func main() async throws {
        let server = try await LoopbackServer.start()
        server.feed("/feed.xml", body: String(repeating: "<item/>", count: 1000), etag: "\"v1\"")
        let url = server.url("/feed.xml")
        let request = FetchRequest(url: url, etag: "\"v1\"")
        let fetcher = URLSessionFetcher(policy: FetchPolicy())

        _ = try await measure("warm-up", concurrency: 1) { await fetcher.fetch(request) }
        print("\(requestsPerRound) conditional GETs answered 304, \(rounds) rounds, median (min-max) requests/s")
        for concurrency in [1, 8, 16] {
            let label = "URLSessionFetcher, \(concurrency == 1 ? "sequential" : "\(concurrency) at once")"
            try await report(label, concurrency: concurrency) { await fetcher.fetch(request) }
        }
        // Peer: bare URLSession with the same header, no delegate, to show the fetch layer's overhead.
        var conditional = URLRequest(url: url)
        conditional.setValue("\"v1\"", forHTTPHeaderField: "If-None-Match")
        let bare = conditional
        let session = URLSession(configuration: .ephemeral)
        try await report("bare URLSession.data(for:), sequential", concurrency: 1) {
            let (_, response) = try await session.data(for: bare)
            return (response as? HTTPURLResponse)?.statusCode == 304
                ? .notModified(etag: nil, lastModified: nil) : .failed(.network("not 304"))
        }
        print("server saw \(server.requests.count) requests")
        await server.stop()
    }

    static func report(_ label: String, concurrency: Int, _ fetch: @escaping @Sendable () async throws -> FetchResult)
        async throws
    {
        var rates: [Double] = []
        for round in 0..<rounds {
            rates.append(try await measure("\(label) round \(round)", concurrency: concurrency, fetch))
        }
        rates.sort()
        let median = rates[rates.count / 2]
        print(String(format: "%@: %.0f (%.0f-%.0f)", label, median, rates[0], rates[rates.count - 1]))
    }

    /// Runs `requestsPerRound` fetches with at most `concurrency` in flight; returns requests per second.
    static func measure(_ label: String, concurrency: Int, _ fetch: @escaping @Sendable () async throws -> FetchResult)
        async throws -> Double
    {
        let clock = ContinuousClock()
        let start = clock.now
        let unchanged = try await withThrowingTaskGroup(of: Bool.self) { group in
            var started = 0
            var count = 0
            while started < min(concurrency, requestsPerRound) {
                group.addTask { if case .notModified = try await fetch() { true } else { false } }
                started += 1
            }
            while let ok = try await group.next() {
                if ok { count += 1 }
                if started < requestsPerRound {
                    group.addTask { if case .notModified = try await fetch() { true } else { false } }
                    started += 1
                }
            }
            return count
        }
        let elapsed = clock.now - start
        guard unchanged == requestsPerRound else {
            throw BenchError.unexpectedResult("\(label): only \(unchanged) of \(requestsPerRound) were 304")
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Double(requestsPerRound) / seconds
    }

    enum BenchError: Error { case unexpectedResult(String) }
}
