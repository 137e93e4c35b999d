// SPDX-License-Identifier: Apache-2.0
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program to its end and captures what it printed, without blocking Swift's task pool.
///
/// Spawned with `posix_spawn`, not Foundation's `Process`: with a thousand descriptors open (a
/// full parallel test run: loopback servers, pipes, stores), `Process.run()` overran a buffer
/// while listing them and crashed the test process, and its `readDataToEndOfFile()` trapped when
/// a signal interrupted a read. Every wait happens on threads of its own (see `OwnThread`).
public enum ChildProcess {
    public struct Output: Sendable {
        public var exitCode: Int32
        public var stdout: Data
        public var stderr: Data
    }

    /// Runs `executable` and returns its exit code (128 + signal when a signal ended it) and output.
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
                stdin: stdin ?? Data())
        }
    }

    private static func runBlocking(
        _ executable: URL, arguments: [String], environment: [String: String], currentDirectory: URL?, stdin: Data
    ) throws -> Output {
        // A child that exits without reading its input must not kill the test process.
        _ = ignoreBrokenPipes
        let (pid, input, output, errors) = try spawn(
            executable.path, arguments: arguments, environment: environment, currentDirectory: currentDirectory?.path)

        // Both pipes are read at once: a child that fills one must not stall on it.
        let errorOutput = Captured()
        let errorRead = DispatchSemaphore(value: 0)
        Thread {
            errorOutput.data = readToEnd(errors)
            close(errors)
            errorRead.signal()
        }.start()
        Thread {
            writeAll(stdin, to: input)
            close(input)
        }.start()
        let printed = readToEnd(output)
        close(output)
        errorRead.wait()
        return Output(exitCode: waitForExit(pid), stdout: printed, stderr: errorOutput.data)
    }

    /// Pipes and spawn happen under one lock, so no other child spawned meanwhile inherits a pipe
    /// end (its pipe would then stay open until that other child exits).
    private static let spawnLock = NSLock()

    private static func spawn(
        _ path: String, arguments: [String], environment: [String: String], currentDirectory: String?
    ) throws -> (pid: pid_t, input: Int32, output: Int32, errors: Int32) {
        spawnLock.lock()
        defer { spawnLock.unlock() }
        let input = try pipePair()
        let output = try pipePair()
        let errors = try pipePair()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input.read, 0)
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errors.write, 2)
        if let closeFrom = glibc("posix_spawn_file_actions_addclosefrom_np", as: CloseFrom.self) {
            _ = closeFrom(&actions, 3)
        }
        if let currentDirectory {
            guard let chdir = glibc("posix_spawn_file_actions_addchdir_np", as: ChangeDirectory.self) else {
                throw POSIXError(.ENOSYS)
            }
            _ = chdir(&actions, currentDirectory)
        }

        // The child starts with default signal handling and nothing blocked, whatever this thread has.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for string in argv + envp { free(string) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        for end in [input.read, output.write, errors.write] { close(end) }
        guard status == 0 else {
            for end in [input.write, output.read, errors.read] { close(end) }
            throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL)
        }
        return (pid, input.write, output.read, errors.read)
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias ChangeDirectory =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// A glibc function Swift's Glibc module does not declare (both exist since glibc 2.34).
    private static func glibc<F>(_ name: String, as type: F.Type) -> F? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: type) }
    }

    private static func pipePair() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EMFILE) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    private static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return -1 }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
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
