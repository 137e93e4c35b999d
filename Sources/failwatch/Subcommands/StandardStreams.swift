// SPDX-License-Identifier: Apache-2.0
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Block-wise byte-level stdin/stdout for commands that stream JSONL fast.
enum StandardStreams {
    /// Calls `body` with stdin in blocks of whole lines of at least `minimum` bytes (the last block
    /// may be shorter and may end without a newline), so that a block can be split across cores.
    static func forEachBlock(minimum: Int, _ body: ([UInt8]) -> Void) {
        // Read into one reused chunk and copied on: growing the buffer by a zeroed chunk before
        // each read wrote the zeros byte by byte.
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var buffer: [UInt8] = []
        var scanned = 0  // bytes of `buffer` known to hold no newline
        var atEnd = false
        while !atEnd {
            // Read until the buffer holds `minimum` bytes and a line end.
            let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { atEnd = true }
            guard !atEnd else { break }
            chunk.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<n])) }
            guard buffer.count >= minimum else { continue }
            guard let cut = buffer[scanned...].lastIndex(of: 0x0A) else {
                scanned = buffer.count  // one long line: read on
                continue
            }
            let rest = Array(buffer[(cut + 1)...])
            buffer.removeLast(buffer.count - cut - 1)
            body(buffer)
            buffer = rest
            scanned = 0
        }
        if !buffer.isEmpty { body(buffer) }
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
