// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchFetch
@testable import FailwatchKit
@testable import FailwatchStore
import FailwatchTestSupport
import Foundation
import Testing

/// A burst bigger than `max_pages` pages between two runs, against loopback servers that page
/// like Hacker News (Algolia), Bluesky and Reddit: every run reads the newest posts first,
/// later runs fill the hole with the pages they have left, and in the end every post is stored
/// exactly once.
@Suite struct APIHoleFillingTests {
    static let now = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z
    static let start = 1_795_251_600
    static let kinds: [SourceKind] = [.hackernews, .bluesky, .reddit, .json]
    /// Posts per page, whatever the request asks for (APIs may return fewer than `limit`).
    static let pageSize = 5

    /// Newest-first posts; ids grow with time, one post per 20 seconds.
    final class Network: Sendable {
        let posts = Locked<[(id: Int, time: Int)]>([])
        /// Pages after the first of a run fail with this status while it is set.
        let failing = Locked<Int?>(nil)

        /// Adds `count` posts, newer than all before, the newest at `until`.
        func add(_ count: Int, until: Int) {
            posts.withLock { posts in
                let top = posts.map(\.id).max() ?? 0
                for offset in 1...count { posts.append((top + offset, until - (count - offset) * 20)) }
            }
        }

        /// Newest first, newer than `above` and not newer than `atMost`.
        func listing(above: Int = .min, atMost: Int = .max) -> [(id: Int, time: Int)] {
            posts.withLock { $0 }.filter { $0.time > above && $0.time <= atMost }.sorted { $0.time > $1.time }
        }

        var ids: Set<Int> { Set(posts.withLock { $0 }.map(\.id)) }
    }

    static func query(_ request: RecordedRequest) -> [String: String] {
        APIFixture.query(URL(string: "http://x/?" + request.query)!)
    }

    static func unix(_ iso: String?) -> Int? {
        iso.flatMap(FeedDate.parse).map { Int($0.timeIntervalSince1970) }
    }

    static func json(_ objects: [String]) -> String { "[" + objects.joined(separator: ",") + "]" }

    /// Algolia: `numericFilters=created_at_i>A[,created_at_i<=B]`, `page` from 0.
    static func serveHackerNews(_ server: LoopbackServer, _ network: Network) {
        server.route("/api/v1/search_by_date") { request in
            let query = Self.query(request)
            let page = Int(query["page"] ?? "") ?? 0
            if page > 0, let status = network.failing.withLock({ $0 }) { return .text("oops", status: status) }
            var above = Int.min
            var atMost = Int.max
            for filter in (query["numericFilters"] ?? "").split(separator: ",") {
                if filter.hasPrefix("created_at_i>") { above = Int(filter.dropFirst(13)) ?? above }
                if filter.hasPrefix("created_at_i<=") { atMost = Int(filter.dropFirst(14)) ?? atMost }
            }
            let all = network.listing(above: above, atMost: atMost)
            let hits = all.dropFirst(page * pageSize).prefix(pageSize).map {
                #"{"objectID":"\#($0.id)","author":"u\#($0.id)","title":"Vodafone down \#($0.id)","created_at_i":\#($0.time)}"#
            }
            let pages = (all.count + pageSize - 1) / pageSize
            return .text(#"{"hits":\#(json(hits)),"page":\#(page),"nbPages":\#(pages)}"#, contentType: "application/json")
        }
    }

    /// searchPosts: `since` inclusive, `until` exclusive, `cursor` an offset.
    static func serveBluesky(_ server: LoopbackServer, _ network: Network) {
        server.route("/xrpc/app.bsky.feed.searchPosts") { request in
            let query = Self.query(request)
            let offset = Int(query["cursor"] ?? "") ?? 0
            if offset > 0, let status = network.failing.withLock({ $0 }) { return .text("oops", status: status) }
            let all = network.listing(
                above: unix(query["since"]).map { $0 - 1 } ?? .min, atMost: unix(query["until"]).map { $0 - 1 } ?? .max)
            let posts = all.dropFirst(offset).prefix(pageSize).map {
                let time = FeedDate.iso8601UTC(Date(timeIntervalSince1970: TimeInterval($0.time)))
                return #"{"uri":"at://did:plc:u\#($0.id)/app.bsky.feed.post/p\#($0.id)","author":{"did":"did:plc:u\#($0.id)","handle":"u\#($0.id).bsky.social"},"record":{"createdAt":"\#(time)","text":"Telekom Störung \#($0.id)"},"indexedAt":"\#(time)"}"#
            }
            let more = offset + pageSize < all.count ? #","cursor":"\#(offset + pageSize)""# : ""
            return .text(#"{"posts":\#(json(posts))\#(more)}"#, contentType: "application/json")
        }
    }

    /// A Reddit listing: `after` is the fullname of the post to continue below.
    static func serveReddit(_ server: LoopbackServer, _ network: Network) {
        server.route("/search.json") { request in
            let after = Self.query(request)["after"]
            if after != nil, let status = network.failing.withLock({ $0 }) { return .text("oops", status: status) }
            let all = network.listing()
            let skip = after.map { name in (all.firstIndex { "t3_\($0.id)" == name }.map { $0 + 1 }) ?? all.count } ?? 0
            let page = Array(all.dropFirst(skip).prefix(pageSize))
            let children = page.map {
                #"{"kind":"t3","data":{"name":"t3_\#($0.id)","title":"O2 kein Netz \#($0.id)","author":"u\#($0.id)","created_utc":\#($0.time)}}"#
            }
            let next = skip + pageSize < all.count ? #""t3_\#(page.last?.id ?? 0)""# : "null"
            return .text(#"{"data":{"after":\#(next),"children":\#(json(children))}}"#, contentType: "application/json")
        }
    }

    /// A generic JSON API: `since` inclusive, `until` exclusive, `page` numbers from 1.
    static func serveJSON(_ server: LoopbackServer, _ network: Network) {
        server.route("/posts") { request in
            let query = Self.query(request)
            let page = Int(query["page"] ?? "") ?? 1
            if page > 1, let status = network.failing.withLock({ $0 }) { return .text("oops", status: status) }
            let all = network.listing(
                above: Int(query["since"] ?? "").map { $0 - 1 } ?? .min,
                atMost: Int(query["until"] ?? "").map { $0 - 1 } ?? .max)
            let items = all.dropFirst((page - 1) * pageSize).prefix(pageSize).map {
                #"{"id":\#($0.id),"body":"O2 kein Netz \#($0.id)","ts":\#($0.time)}"#
            }
            return .text(#"{"items":\#(json(items))}"#, contentType: "application/json")
        }
    }

    static func serve(_ server: LoopbackServer, _ network: Network) {
        serveHackerNews(server, network)
        serveBluesky(server, network)
        serveReddit(server, network)
        serveJSON(server, network)
    }

    static func sourceYAML(_ kind: SourceKind, _ server: LoopbackServer, maxPages: Int = 2, backfill: String = "1d")
        -> String
    {
        let common = "  - name: \(kind.rawValue)\n    kind: \(kind.rawValue)\n    interval: 1m\n"
            + "    max_pages: \(maxPages)\n    backfill: \(backfill)\n"
        switch kind {
        case .json:
            return common + "    url: \(server.url("/posts"))\n    items: /items\n"
                + "    fields: {id: /id, text: /body, time: /ts}\n    time_format: unix\n"
                + "    cursor: {param: since, before: until}\n    next: {param: page, start: 1}\n"
        case .hackernews:
            return common + "    url: \(server.url("/"))\n    query: vodafone\n    page_size: \(pageSize)\n"
        default: return common + "    url: \(server.url("/"))\n    query: vodafone\n"
        }
    }

    /// The guid a post of the network is stored under.
    static func guid(_ kind: SourceKind, _ id: Int) -> String {
        switch kind {
        case .hackernews: return "hn:\(id)"
        case .bluesky: return "at://did:plc:u\(id)/app.bsky.feed.post/p\(id)"
        case .json: return String(id)
        default: return "t3_\(id)"
        }
    }

    static func stored(_ store: AppDatabase) throws -> [String] {
        try store.read("test") { db in try String.fetchAll(db, sql: "SELECT guid FROM post") }
    }

    func run(_ yaml: String, store: AppDatabase, at time: Int) async throws -> RunSummary {
        try await APIPollRunTests().run(yaml, store: store, now: Date(timeIntervalSince1970: TimeInterval(time)))
    }

    /// - Parameter failingStatus: when set, the burst's second page fails with it (500, or 429
    ///   rate-limited) and a second burst comes before the next run.
    @Test(arguments: kinds, [nil, 500, 429])
    func burstBiggerThanMaxPagesIsReadInFullNewestFirst(_ kind: SourceKind, failingStatus: Int?) async throws {
        try await LoopbackServer.with { server in
            let network = Network()
            Self.serve(server, network)
            let store = try AppDatabase.inMemory()
            let yaml = Self.sourceYAML(kind, server)
            network.add(8, until: Self.start - 600)
            _ = try await run(yaml, store: store, at: Self.start)

            var time = Self.start + 900
            network.add(30, until: time - 60)
            if let failingStatus {
                // The second page fails: the walk stops after one page, then a second burst comes.
                network.failing.withLock { $0 = failingStatus }
                let broken = try await run(yaml, store: store, at: time)
                #expect(broken.sources.first?.problem?.contains("page 2: http \(failingStatus)") == true)
                network.failing.withLock { $0 = nil }
                time += 900
                network.add(30, until: time - 60)
            }
            let burst = try await run(yaml, store: store, at: time)
            // The newest two pages first; the rest of the burst is not read yet.
            let newest = network.listing().prefix(2 * Self.pageSize).map { Self.guid(kind, $0.id) }
            #expect(Set(newest).isSubset(of: try Self.stored(store)))
            #expect(burst.postsNew == 2 * Self.pageSize)
            #expect(try Self.stored(store).count < network.ids.count)

            for round in 0..<20 {
                if try Self.stored(store).count == network.ids.count { break }
                time += 300
                // Every other run finds nothing new at the top and still fills the hole.
                if round.isMultiple(of: 2) { network.add(2, until: time - 30) }
                let top = network.listing().prefix(2).map { Self.guid(kind, $0.id) }
                let summary = try await run(yaml, store: store, at: time)
                #expect(Set(top).isSubset(of: try Self.stored(store)), "the newest posts come first in every run")
                #expect(summary.sources.first?.problem == nil)
            }

            let guids = try Self.stored(store)
            let missing = network.ids.sorted().filter { !guids.contains(Self.guid(kind, $0)) }
            #expect(missing.isEmpty, "never read: posts \(missing)")
            #expect(guids.count == network.ids.count)
        }
    }

    @Test(arguments: kinds)
    func holeOlderThanTheBackfillWindowIsDroppedWithOneWarning(_ kind: SourceKind) async throws {
        try await LoopbackServer.with { server in
            let network = Network()
            Self.serve(server, network)
            let store = try AppDatabase.inMemory()
            let yaml = Self.sourceYAML(kind, server, backfill: "1h")
            network.add(8, until: Self.start - 600)
            _ = try await run(yaml, store: store, at: Self.start)
            let floor = network.listing()[0].time
            network.add(30, until: Self.start + 840)
            _ = try await run(yaml, store: store, at: Self.start + 900)
            let resume = network.listing()[2 * Self.pageSize - 1].time

            let late = try await run(yaml, store: store, at: Self.start + 2 * 86_400)
            let after = try await run(yaml, store: store, at: Self.start + 2 * 86_400 + 300)

            func iso(_ time: Int) -> String { FeedDate.iso8601UTC(Date(timeIntervalSince1970: TimeInterval(time))) }
            #expect(
                late.sources.first?.problem
                    == "warning: posts between \(iso(floor)) and \(iso(resume)) not read: older than the backfill window")
            #expect(after.sources.first?.problem == nil)
            #expect(try store.sourceStates()[kind.rawValue]?.cursor?.contains("\n") == false)
        }
    }

    @Test(arguments: [
        (SourceKind.hackernews, "{floor}"), (.hackernews, "{floor}\n{newest}"), (.hackernews, "\n{floor}"),
        (.bluesky, "{floorISO}"), (.reddit, "{floorReddit}"), (.reddit, "{floorReddit}<t3_1@1"),
        (.json, "{floor}"), (.json, "{floor}\n{newest}"),
    ])
    func cursorStoredBeforeHolesStillReadsWhatIsNew(_ kind: SourceKind, _ template: String) async throws {
        try await LoopbackServer.with { server in
            let network = Network()
            Self.serve(server, network)
            let store = try AppDatabase.inMemory()
            let yaml = Self.sourceYAML(kind, server, maxPages: 10)
            _ = try await run(yaml, store: store, at: Self.start - 3_600)
            network.add(8, until: Self.start - 600)
            let floor = network.listing()[3]  // as if the old cursor stopped at the fourth newest post
            let old = template.replacingOccurrences(of: "{floor}", with: String(floor.time))
                .replacingOccurrences(of: "{newest}", with: String(network.listing()[0].time))
                .replacingOccurrences(
                    of: "{floorISO}", with: FeedDate.iso8601UTC(Date(timeIntervalSince1970: TimeInterval(floor.time))))
                .replacingOccurrences(of: "{floorReddit}", with: "t3_\(floor.id)@\(floor.time)")
            try store.write("test") { db in
                try db.execute(sql: "UPDATE source SET cursor = ? WHERE name = ?", arguments: [old, kind.rawValue])
            }
            network.add(6, until: Self.start + 840)

            let summary = try await run(yaml, store: store, at: Self.start + 900)

            // Everything newer than the old floor, nothing below it (Bluesky's `since` is
            // inclusive: the floor's own post comes again, a duplicate in a real store).
            let above = floor.time - (kind == .bluesky ? 1 : 0)
            let expected = network.listing(above: above).map { Self.guid(kind, $0.id) }
            #expect(summary.postsNew == expected.count, "\(summary.sources.first?.problem ?? "")")
            #expect(Set(try Self.stored(store)) == Set(expected))
            #expect(try store.sourceStates()[kind.rawValue]?.cursor?.contains("\n") == false)
        }
    }
}
