// SPDX-License-Identifier: Apache-2.0

/// Finds a byte value in eight bytes at once ("SWAR"), so that scanners skip plain text a word at a time.
enum ByteMask {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// A mask with the high bit set in each byte of `word` that equals `byte` — exact for the lowest
    /// such byte; bytes above it may be marked falsely (borrows), so only the lowest bit may be used.
    ///
    /// Read the lowest set bit of the result (`trailingZeroBitCount >> 3`) of a little-endian load:
    /// that is the first matching byte. Or-ing two masks keeps this true for the first byte matching either.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highBits
    }
}
