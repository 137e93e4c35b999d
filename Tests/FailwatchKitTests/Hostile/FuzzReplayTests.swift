// SPDX-License-Identifier: Apache-2.0
import FailwatchKit
import FailwatchTestSupport
import Foundation
import Testing

/// The corpus replay every CI run makes: each parser that reads outside bytes gets its seed
/// corpus (Fixtures/fuzz/<target>/, written for this, plus the inputs of the parser's golden
/// tests) and ``FuzzMutator``'s deterministic variants of every seed. Each input must give a
/// value or one clear error; a crash fails the whole test run, which is the point.
/// The same targets run under libFuzzer in `Fuzz/` (see Fuzz/README.md).
@Suite struct FuzzReplayTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let repository = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Files of `folder` (relative to Fixtures) whose names end in one of `extensions`, golden outputs left out.
    static func files(_ folder: String, _ extensions: [String]) -> [URL] {
        let url = fixtures.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.sorted().filter { name in
            !name.contains(".expected.") && extensions.contains { name.hasSuffix("." + $0) }
        }.map { url.appendingPathComponent($0) }
    }

    /// The seeds written for fuzzing a target.
    static func ownSeeds(_ target: FuzzTarget) -> [URL] {
        files("fuzz/\(target.rawValue)", ["xml", "json", "yml", "csv", "rss", "atom"])
    }

    /// Every seed of a target: its own, the inputs libFuzzer found (`findings/`, kept so they
    /// stay fixed), and the inputs its golden tests already hold.
    static func seeds(_ target: FuzzTarget) -> [URL] {
        let borrowed: [URL] =
            switch target {
            case .feed:
                files("ingest", ["xml", "json"]) + files("api/statuspage", ["rss", "atom"])
            case .statuspage:
                files("api/statuspage", ["json"])
            case .mastodon, .bluesky, .reddit, .hackernews, .lemmy, .instagram, .threads, .json:
                files("api/\(target.rawValue)", ["json"])
            case .config:
                [repository.appendingPathComponent("feeds.yml")]
            case .series:
                []
            }
        let findings = files("fuzz/\(target.rawValue)/findings", ["xml", "json", "yml", "csv"])
        return ownSeeds(target) + findings + borrowed
    }

    @Test(arguments: FuzzTarget.allCases)
    func ownSeedsParse(target: FuzzTarget) throws {
        let seeds = Self.ownSeeds(target)
        #expect(!seeds.isEmpty, "Fixtures/fuzz/\(target.rawValue) holds no seed")
        for url in seeds {
            let outcome = target.run(try Data(contentsOf: url))
            guard case .value(let count) = outcome else {
                Issue.record("\(target) \(url.lastPathComponent): \(outcome)")
                continue
            }
            #expect(count > 0, "\(target) \(url.lastPathComponent) reads as empty")
        }
    }

    /// Rounds of random choices per seed: 1 in CI; `FAILWATCH_FUZZ_ROUNDS=N` for a longer search.
    static let rounds = ProcessInfo.processInfo.environment["FAILWATCH_FUZZ_ROUNDS"].flatMap { Int($0) } ?? 1

    @Test(arguments: FuzzTarget.allCases)
    func everyVariantGivesAValueOrOneClearError(target: FuzzTarget) throws {
        let mutator = FuzzMutator(target: target)
        var values = 0
        var errors = 0
        for url in Self.seeds(target) {
            let seed = try Data(contentsOf: url)
            for round in 0..<max(1, Self.rounds) {
                let variants = mutator.variants(of: seed, salt: UInt64(round))
                for variant in (round == 0 ? [FuzzMutator.Variant(name: "seed", data: seed)] : []) + variants {
                    let outcome = target.run(variant.data)
                    if let flaw = outcome.flaw {
                        Issue.record("\(target) \(url.lastPathComponent) round \(round) \(variant.name): \(flaw)")
                    }
                    if case .value = outcome { values += 1 } else { errors += 1 }
                }
            }
        }
        #expect(values > 0 && errors > 0, "variants exercise both the reading and the refusing paths")
        if Self.rounds > 1 { print("fuzz replay \(target.rawValue): \(values + errors) inputs, \(values) values, \(errors) errors") }
    }
}
