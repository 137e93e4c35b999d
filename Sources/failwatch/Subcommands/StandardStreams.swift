// SPDX-License-Identifier: Apache-2.0
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Buffered byte-level stdin/stdout for commands that stream JSONL fast.
enum StandardStreams {
    /// Calls `body` with every line of stdin (without its newline), reading 64 KiB at a time.
    static func forEachLine(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            pending.append(contentsOf: chunk[0..<n])
            var start = 0
            pending.withUnsafeBufferPointer { buf in
                var i = 0
                while i < buf.count {
                    if buf[i] == 0x0A {
                        body(UnsafeBufferPointer(rebasing: buf[start..<i]))
                        start = i + 1
                    }
                    i += 1
                }
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty { pending.withUnsafeBufferPointer { body($0) } }
    }

    /// Writes all bytes to stdout.
    static func writeOut(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(1, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
