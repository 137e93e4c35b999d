// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import Yams

/// Typed readers for the value kinds of feeds.yml: text, whole numbers, durations, sizes,
/// lists and header maps. Each reports a wrong type at the value's position and returns `nil`.
extension ConfigReader {
    /// Non-empty text (surrounding spaces removed).
    mutating func text(_ fields: Fields, _ key: String) -> Scalar? {
        guard var scalar = scalar(fields, key, expected: "a text value") else { return nil }
        scalar.value = scalar.value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !scalar.value.isEmpty else {
            report("'\(key)' \(fields.context) is empty", at: scalar.mark)
            return nil
        }
        guard !scalar.value.contains(where: \.isNewline) else {
            report("'\(key)' \(fields.context) must be one line", at: scalar.mark)
            return nil
        }
        return scalar
    }

    /// A whole number within `range`.
    mutating func int(_ fields: Fields, _ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let scalar = scalar(fields, key, expected: "a whole number") else { return nil }
        guard let number = Int(scalar.value.trimmingCharacters(in: .whitespaces)) else {
            report("expected a whole number for '\(key)' \(fields.context), found '\(scalar.raw)'", at: scalar.mark)
            return nil
        }
        guard range.contains(number) else {
            report(
                "'\(key)' \(fields.context) must be between \(range.lowerBound) and \(range.upperBound), found '\(scalar.raw)'",
                at: scalar.mark)
            return nil
        }
        return number
    }

    /// A duration such as `30s`, `15m`, `1h30m` or `14d`, at least `minimum` seconds.
    mutating func duration(_ fields: Fields, _ key: String, minimum: TimeInterval, maximum: TimeInterval)
        -> TimeInterval?
    {
        guard let scalar = scalar(fields, key, expected: "a duration like 15m") else { return nil }
        guard let seconds = DurationText.seconds(scalar.value) else {
            let hint =
                Int(scalar.raw) != nil
                ? "add a unit, e.g. '\(scalar.raw)s' or '\(scalar.raw)m'"
                : "units are s, m, h, d, w; e.g. 30s, 15m, 1h30m, 14d"
            report(
                "expected a duration like 15m for '\(key)' \(fields.context), found '\(scalar.raw)'; hint: \(hint)",
                at: scalar.mark)
            return nil
        }
        guard seconds >= minimum, seconds <= maximum else {
            report(
                "'\(key)' \(fields.context) must be between \(DurationText.format(minimum)) and \(DurationText.format(maximum)), found '\(scalar.raw)'",
                at: scalar.mark)
            return nil
        }
        return seconds
    }

    /// `true` or `false` (YAML 1.2 spellings: also `True`, `FALSE`, …).
    mutating func bool(_ fields: Fields, _ key: String) -> Bool? {
        guard let scalar = scalar(fields, key, expected: "true or false") else { return nil }
        switch scalar.value.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true": return true
        case "false": return false
        default:
            report("expected true or false for '\(key)' \(fields.context), found '\(scalar.raw)'", at: scalar.mark)
            return nil
        }
    }

    /// A size such as `500KB`, `20MiB` or `4096` (bytes), at least `minimum` bytes.
    mutating func size(_ fields: Fields, _ key: String, minimum: Int) -> Int? {
        guard let scalar = scalar(fields, key, expected: "a size like 20MiB") else { return nil }
        guard let bytes = ByteSize.parse(scalar.value) else {
            report(
                "expected a size like 20MiB or 500KB for '\(key)' \(fields.context), found '\(scalar.raw)'"
                    + "; hint: units are B, KB, MB, GB (1000) and KiB, MiB, GiB (1024)",
                at: scalar.mark)
            return nil
        }
        guard bytes >= minimum else {
            report(
                "'\(key)' \(fields.context) must be at least \(minimum) bytes, found '\(scalar.raw)'", at: scalar.mark)
            return nil
        }
        return bytes
    }

    /// A list of non-empty one-line texts; a single value counts as a list of one.
    mutating func textList(_ fields: Fields, _ key: String) -> [Scalar] {
        guard let node = fields[key] else { return [] }
        let items: [Node]
        switch node {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar: items = [node]
        default:
            report("expected a list for '\(key)' \(fields.context), found \(Self.shape(of: node))", at: node.mark)
            return []
        }
        var result: [Scalar] = []
        for item in items where !Self.isNull(item) {
            guard var scalar = scalar(item, key: key, context: fields.context, expected: "a text value") else {
                continue
            }
            scalar.value = scalar.value.trimmingCharacters(in: .whitespacesAndNewlines)
            if scalar.value.isEmpty || scalar.value.contains(where: \.isNewline) {
                report("entries of '\(key)' \(fields.context) must be non-empty single lines", at: scalar.mark)
            } else {
                result.append(scalar)
            }
        }
        return result
    }

    /// A source's token: a secret like a header's value, so a command that fetches nothing (with
    /// ``SecretsPolicy/optional``) loads the source without it when its variable is unset.
    mutating func secretText(_ fields: Fields, _ key: String) -> SecretText {
        let unset = unsetSecrets.count
        deferring = true
        let scalar = text(fields, key)
        deferring = false
        let leftOut = unsetSecrets.count > unset
        return SecretText(value: scalar?.value, failed: fields[key] != nil && scalar == nil && !leftOut)
    }

    /// A mapping of HTTP header names to values; values may hold secrets and are never printed.
    mutating func headers(_ fields: Fields, _ key: String) -> [String: String] {
        guard let node = fields[key] else { return [:] }
        guard case .mapping(let mapping) = node else {
            report("expected a mapping of header names to values for '\(key)' \(fields.context)", at: node.mark)
            return [:]
        }
        var headers: [String: String] = [:]
        for (nameNode, valueNode) in mapping {
            guard let name = nameNode.scalar?.string, Self.isHeaderName(name) else {
                report("invalid header name '\(nameNode.scalar?.string ?? "")' \(fields.context)", at: nameNode.mark)
                continue
            }
            // A command that fetches nothing loads without the header's secret, and without the header.
            deferring = true
            let value = scalar(valueNode, key: "\(key).\(name)", context: fields.context, expected: "a text value")
            deferring = false
            guard let value else { continue }
            if value.value.contains(where: { $0 == "\r" || $0 == "\n" }) {
                report("header '\(name)' \(fields.context) contains a line break", at: value.mark)
            } else {
                headers[name] = value.value
            }
        }
        return headers
    }

    /// RFC 9110 token characters.
    static func isHeaderName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
            }
    }
}
