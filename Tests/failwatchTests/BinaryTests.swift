// SPDX-License-Identifier: Apache-2.0
import FailwatchTestSupport
import Foundation
import Testing

@Test func printsVersion() async throws {
    let result = try await FailwatchBinary.run(["--version"])
    #expect(result.exitCode == 0)
    #expect(result.stdout == "0.1.0\n")
}
