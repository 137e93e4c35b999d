// SPDX-License-Identifier: Apache-2.0
import FailwatchTestSupport
import Foundation

/// The parser this process fuzzes, from `FUZZ_TARGET` (libFuzzer owns the command line).
private let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("FUZZ_TARGET must be one of: \(names)\n".utf8))
        exit(2)
    }
    return target
}()

/// libFuzzer's entry: one input to the chosen parser. A crash is a finding; so is an outcome
/// that is not a value or one clear error, turned into a crash here so libFuzzer keeps the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let outcome = target.run(Data(bytes: start, count: count))
    if let flaw = outcome.flaw { fatalError("\(target.rawValue): \(flaw)") }
    return 0
}
