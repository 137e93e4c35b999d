// SPDX-License-Identifier: Apache-2.0
import Foundation

/// gzip and zlib ("deflate") encoders in plain Swift, so tests can serve compressed bodies
/// and compression bombs without linking zlib.
///
/// The deflate stream is one fixed-Huffman block (RFC 1951 §3.2.6) that codes runs of a
/// repeated byte as distance-1 matches and everything else as literals: a poor general
/// compressor, but valid for any input and tiny for runs (100 MiB of zeros is about 650 KB).
public enum HTTPCompression {
    /// A gzip member (RFC 1952) holding `data`.
    public static func gzip(_ data: Data) -> Data {
        var writer = DeflateWriter()
        writer.encode(data)
        return gzipMember(deflated: writer.finish(), crc: CRC32.checksum(data), size: data.count)
    }

    /// A zlib stream (RFC 1950), which is what HTTP's `Content-Encoding: deflate` means.
    public static func zlib(_ data: Data) -> Data {
        var writer = DeflateWriter()
        writer.encode(data)
        var out = Data([0x78, 0x01])
        out.append(writer.finish())
        let adler = Adler32.checksum(data)
        out.append(contentsOf: [
            UInt8(adler >> 24 & 0xFF), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF),
        ])
        return out
    }

    /// A small gzip body that inflates to `expandedBytes` zero bytes: a decompression bomb.
    ///
    /// The trailer's CRC is left at 0 (computing it would cost a pass over the expanded size);
    /// a client that enforces its cap stops long before it would check it.
    public static func gzipBomb(expandedBytes: Int) -> Data {
        var writer = DeflateWriter()
        writer.encodeRun(of: 0, count: expandedBytes)
        return gzipMember(deflated: writer.finish(), crc: 0, size: expandedBytes)
    }

    private static func gzipMember(deflated: Data, crc: UInt32, size: Int) -> Data {
        var out = Data([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF])
        out.append(deflated)
        let isize = UInt32(truncatingIfNeeded: size)
        for value in [crc, isize] {
            out.append(contentsOf: [
                UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24 & 0xFF),
            ])
        }
        return out
    }
}

/// One final fixed-Huffman deflate block, written bit by bit.
private struct DeflateWriter {
    private var output = [UInt8]()
    private var bitBuffer: UInt64 = 0
    private var bitCount = 0

    private static let lengthBases = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258,
    ]
    private static let lengthExtraBits = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]

    init() {
        writeBits(1, count: 1)  // BFINAL
        writeBits(1, count: 2)  // BTYPE = 01, fixed Huffman codes
    }

    mutating func encode(_ data: Data) {
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            var end = index + 1
            while end < bytes.count, bytes[end] == bytes[index] { end += 1 }
            encodeRun(of: bytes[index], count: end - index)
            index = end
        }
    }

    /// `count` copies of `byte`: one literal, then distance-1 matches.
    mutating func encodeRun(of byte: UInt8, count: Int) {
        guard count > 0 else { return }
        writeSymbol(Int(byte))
        var remaining = count - 1
        while remaining >= 3 {
            let length = min(remaining, 258)
            writeMatch(length: length)
            remaining -= length
        }
        for _ in 0..<remaining { writeSymbol(Int(byte)) }
    }

    mutating func finish() -> Data {
        writeSymbol(256)
        if bitCount > 0 { output.append(UInt8(bitBuffer & 0xFF)) }
        return Data(output)
    }

    private mutating func writeMatch(length: Int) {
        var index = Self.lengthBases.count - 1
        while Self.lengthBases[index] > length { index -= 1 }
        writeSymbol(257 + index)
        writeBits(UInt32(length - Self.lengthBases[index]), count: Self.lengthExtraBits[index])
        writeHuffman(0, length: 5)  // distance code 0 = distance 1
    }

    /// Literal/length symbols with the fixed code lengths of RFC 1951 §3.2.6.
    private mutating func writeSymbol(_ symbol: Int) {
        switch symbol {
        case 0...143: writeHuffman(UInt32(0x30 + symbol), length: 8)
        case 144...255: writeHuffman(UInt32(0x190 + symbol - 144), length: 9)
        case 256...279: writeHuffman(UInt32(symbol - 256), length: 7)
        default: writeHuffman(UInt32(0xC0 + symbol - 280), length: 8)
        }
    }

    /// Huffman codes are packed most significant bit first, unlike every other field.
    private mutating func writeHuffman(_ code: UInt32, length: Int) {
        var reversed: UInt32 = 0
        for bit in 0..<length where code & (1 << UInt32(length - 1 - bit)) != 0 {
            reversed |= 1 << UInt32(bit)
        }
        writeBits(reversed, count: length)
    }

    private mutating func writeBits(_ value: UInt32, count: Int) {
        guard count > 0 else { return }
        bitBuffer |= UInt64(value) << UInt64(bitCount)
        bitCount += count
        while bitCount >= 8 {
            output.append(UInt8(bitBuffer & 0xFF))
            bitBuffer >>= 8
            bitCount -= 8
        }
    }
}

/// CRC-32 as gzip uses it (reflected, polynomial 0xEDB88320).
private enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        return crc
    }

    static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

/// Adler-32 as zlib uses it.
private enum Adler32 {
    static func checksum(_ data: Data) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }
}
