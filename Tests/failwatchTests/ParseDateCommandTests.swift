// SPDX-License-Identifier: Apache-2.0
import FailwatchTestSupport
import Foundation
import Testing

@Test func parseDatePrintsISO8601UTC() async throws {
    let result = try await FailwatchBinary.run(["parse-date", "Mo., 05 Jan 2004 22:49:13 MEZ"])
    #expect(result.exitCode == 0)
    #expect(result.stdout == "2004-01-05T21:49:13Z\n")
}

@Test(arguments: [[""], ["2003-12-31T25:14:55Z"], ["Sun, 16 zzz 2012 11:47:32 GMT"], ["A", "B"]])
func parseDateExitsOneWithOneLineWhenUnreadable(words: [String]) async throws {
    let result = try await FailwatchBinary.run(["parse-date"] + words)
    #expect(result.exitCode == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "failwatch: parse-date: cannot read '\(words.joined(separator: " "))' as a date\n")
}
