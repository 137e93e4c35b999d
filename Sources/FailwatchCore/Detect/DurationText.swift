// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The one way failwatch reads and writes durations, in feeds.yml and on the command line (`30s`,
/// `15m`, `1h30m`, `14d`), so nobody has to count seconds; a bare number is refused because its unit
/// is a guess.
public enum DurationText {
    private static let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800]

    /// - Returns: the seconds, or `nil` when `text` is not one or more `<digits><unit>` parts.
    public static func seconds(_ text: String) -> TimeInterval? {
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

    /// Seconds written the way feeds.yml writes them (`90s`, `15m`, `14d`).
    public static func format(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds)
        for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60)] where whole >= size && whole % size == 0 {
            return "\(whole / size)\(unit)"
        }
        return "\(whole)s"
    }
}
