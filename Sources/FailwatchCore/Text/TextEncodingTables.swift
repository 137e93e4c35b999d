// SPDX-License-Identifier: Apache-2.0

/// The single-byte code pages feeds lie about, as lookup tables: transcoding them by table is
/// faster than Foundation and behaves the same on every platform.
enum TextEncodingTables {
    /// windows-1252 bytes 0x80…0x9F (the only range where it differs from ISO-8859-1).
    /// Undefined bytes map to the C1 control of the same value, as browsers do.
    static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The scalar a windows-1252 byte stands for (ISO-8859-1 is read as windows-1252, as the
    /// WHATWG encoding standard does, because feeds labelled Latin-1 use its curly quotes).
    static func windows1252(_ byte: UInt8) -> UInt32 {
        if byte >= 0x80, byte <= 0x9F { return UInt32(windows1252High[Int(byte - 0x80)]) }
        return UInt32(byte)
    }

    /// The scalar an ISO-8859-15 byte stands for: Latin-1 with eight places changed (€, Š, …).
    static func iso885915(_ byte: UInt8) -> UInt32 {
        switch byte {
        case 0xA4: return 0x20AC
        case 0xA6: return 0x0160
        case 0xA8: return 0x0161
        case 0xB4: return 0x017D
        case 0xB8: return 0x017E
        case 0xBC: return 0x0152
        case 0xBD: return 0x0153
        case 0xBE: return 0x0178
        default: return UInt32(byte)
        }
    }
}
