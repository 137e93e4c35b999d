// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Runs the built `failwatch` executable, as a user would, and captures what it printed.
public enum FailwatchBinary {
    public struct Result: Sendable {
        public var exitCode: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The executable beside the test bundle in the build folder.
    public static var url: URL {
        var dir = Bundle.main.bundleURL
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            dir = bundle.bundleURL.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("failwatch")
    }

    /// Runs `failwatch` with the given arguments and optional standard input.
    ///
    /// - Parameters:
    ///   - arguments: the command line after the program name.
    ///   - stdin: bytes for standard input; empty when `nil`.
    ///   - environment: extra environment variables for the child.
    ///   - currentDirectory: the working directory of the child.
    /// - Returns: exit code, stdout and stderr.
    public static func run(
        _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
        currentDirectory: URL? = nil
    ) async throws -> Result {
        let output = try await ChildProcess.run(
            url, arguments: arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { $1 },
            currentDirectory: currentDirectory, stdin: stdin)
        return Result(
            exitCode: output.exitCode,
            stdout: String(decoding: output.stdout, as: UTF8.self),
            stderr: String(decoding: output.stderr, as: UTF8.self))
    }
}
