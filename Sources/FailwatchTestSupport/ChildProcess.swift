// SPDX-License-Identifier: Apache-2.0
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program to its end and captures what it printed, without blocking Swift's task pool.
///
/// Every wait happens on threads of its own (see `OwnThread`), and pipes are read with plain
/// `read(2)` that retries an interrupted call: Foundation's `readDataToEndOfFile()` traps when a
/// signal (a child's exit, in a test process that starts hundreds) interrupts the read.
public enum ChildProcess {
    public struct Output: Sendable {
        public var exitCode: Int32
        public var stdout: Data
        public var stderr: Data
    }

    /// Runs `executable` and returns its exit code and output.
    ///
    /// - Parameters:
    ///   - executable: the program.
    ///   - arguments: its command line after the program name.
    ///   - environment: the child's whole environment.
    ///   - currentDirectory: the child's working directory; the test's when `nil`.
    ///   - stdin: bytes for standard input, which is closed after them.
    public static func run(
        _ executable: URL, arguments: [String], environment: [String: String], currentDirectory: URL? = nil,
        stdin: Data? = nil
    ) async throws -> Output {
        try await OwnThread.run {
            try runBlocking(
                executable, arguments: arguments, environment: environment, currentDirectory: currentDirectory,
                stdin: stdin)
        }
    }

    private static func runBlocking(
        _ executable: URL, arguments: [String], environment: [String: String], currentDirectory: URL?, stdin: Data?
    ) throws -> Output {
        // A child that exits without reading its input must not kill the test process.
        _ = ignoreBrokenPipes
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()

        // Read while the other pipe is read: a child that fills one pipe must not stall on it.
        let errorOutput = Captured()
        let errorRead = DispatchSemaphore(value: 0)
        Thread {
            errorOutput.data = readToEnd(err.fileHandleForReading.fileDescriptor)
            errorRead.signal()
        }.start()
        let bytes = stdin ?? Data()
        Thread {
            writeAll(bytes, to: input.fileHandleForWriting.fileDescriptor)
            try? input.fileHandleForWriting.close()
        }.start()
        let output = readToEnd(out.fileHandleForReading.fileDescriptor)
        errorRead.wait()
        process.waitUntilExit()
        return Output(exitCode: process.terminationStatus, stdout: output, stderr: errorOutput.data)
    }

    private static let ignoreBrokenPipes: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    /// Reads `descriptor` until end of file or an error other than an interrupted call.
    public static func readToEnd(_ descriptor: Int32) -> Data {
        var data = Data()
        while let chunk = readSome(descriptor) { data.append(chunk) }
        return data
    }

    /// Reads what `descriptor` has, waiting for at least one byte; `nil` at end of file.
    public static func readSome(_ descriptor: Int32) -> Data? {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 { return Data(buffer[0..<count]) }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }

    private static func writeAll(_ data: Data, to descriptor: Int32) {
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { bytes in
                bytes.baseAddress.map { write(descriptor, $0 + offset, bytes.count - offset) } ?? 0
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    /// Bytes one thread fills and another reads after a semaphore says it is done.
    private final class Captured: @unchecked Sendable {
        var data = Data()
    }
}
