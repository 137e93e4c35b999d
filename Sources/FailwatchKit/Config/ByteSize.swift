// SPDX-License-Identifier: Apache-2.0

/// Reads sizes as people write them in feeds.yml (`500KB`, `20MiB`, `1 GB`, `4096`), so
/// limits need no arithmetic; KB/MB/GB are powers of 1000, KiB/MiB/GiB powers of 1024.
enum ByteSize {
    private static let units: [String: Int] = [
        "": 1, "b": 1, "k": 1_000, "kb": 1_000, "mb": 1_000_000, "gb": 1_000_000_000,
        "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30,
    ]

    /// - Returns: the bytes, or `nil` when `text` is not `<digits>[ ]<unit>` or overflows.
    static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
        guard !digits.isEmpty, digits.count <= 15, let amount = Int(digits), let factor = units[unit] else {
            return nil
        }
        let (bytes, overflow) = amount.multipliedReportingOverflow(by: factor)
        return overflow ? nil : bytes
    }
}
