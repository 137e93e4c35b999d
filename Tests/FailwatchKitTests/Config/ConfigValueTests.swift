// SPDX-License-Identifier: Apache-2.0
import FailwatchKit
import Foundation
import Testing

/// Durations and sizes as users write them, read through the public parser.
@Suite struct ConfigValueTests {
    private func source(_ line: String) throws -> SourceConfig? {
        try ConfigTestSupport.parse(ConfigTestSupport.minimal + "    " + line + "\n").sources.first
    }

    private func fetch(_ line: String) throws -> FetchSettings {
        try ConfigTestSupport.parse(ConfigTestSupport.minimal + "fetch: {" + line + "}\n").fetch
    }

    @Test(arguments: [
        ("90s", 90.0), ("1m", 60), ("15m", 900), ("1h", 3_600), ("1h30m", 5_400), ("1d", 86_400), ("1w", 604_800),
    ])
    func durations(written: String, seconds: TimeInterval) throws {
        #expect(try source("interval: \(written)")?.interval == seconds)
        #expect(try source("backfill: \(written)")?.backfill == seconds)
    }

    @Test(arguments: [
        ("4096", 4_096), ("500KB", 500_000), ("500 kb", 500_000), ("20MB", 20_000_000), ("512KiB", 524_288),
        ("20MiB", 20_971_520), ("1GiB", 1_073_741_824), ("2 GB", 2_000_000_000),
    ])
    func sizes(written: String, bytes: Int) throws {
        #expect(try fetch("max_body: \(written), max_decompressed: 4GiB").maxBodyBytes == bytes)
    }

    @Test func oversizedNumbersAreErrorsNotCrashes() {
        let lines = ConfigTestSupport.errors(ConfigTestSupport.minimal + "fetch: {max_body: 99999999999999GiB}\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("expected a size like 20MiB") == true)
    }
}
