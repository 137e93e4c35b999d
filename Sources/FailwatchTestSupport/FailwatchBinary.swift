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
    /// The wait happens on a Dispatch thread, not on Swift's cooperative pool (two threads on a
    /// two-core machine): a blocked pool would stall the loopback servers of tests running
    /// alongside until their requests time out.
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
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Swift.Result {
                        try runBlocking(
                            arguments, stdin: stdin, environment: environment, currentDirectory: currentDirectory)
                    })
            }
        }
    }

    private static func runBlocking(
        _ arguments: [String], stdin: Data?, environment: [String: String], currentDirectory: URL?
    ) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return Result(
            exitCode: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }
}
