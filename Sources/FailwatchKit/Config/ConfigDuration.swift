// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads durations as people write them in feeds.yml (`30s`, `15m`, `1h30m`, `14d`), so
/// nobody has to count seconds; a bare number is refused because its unit is a guess.
enum ConfigDuration {
    private static let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800]

    /// - Returns: the seconds, or `nil` when `text` is not one or more `<digits><unit>` parts.
    static func parse(_ text: String) -> TimeInterval? {
        var total: TimeInterval = 0
        var digits = ""
        var sawPart = false
        for character in text.trimmingCharacters(in: .whitespaces) {
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else if let unit = units[character], let amount = Int(digits), digits.count <= 9 {
                total += TimeInterval(amount) * unit
                digits = ""
                sawPart = true
            } else {
                return nil
            }
        }
        return sawPart && digits.isEmpty ? total : nil
    }
}
