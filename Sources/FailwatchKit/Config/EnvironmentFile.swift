// SPDX-License-Identifier: Apache-2.0
import Foundation

/// `env_file:` in feeds.yml: `KEY=VALUE` lines read the way systemd's `EnvironmentFile=` reads
/// them, so one file serves a systemd unit and cron (which starts with an empty environment).
///
/// Empty lines and lines starting with `#` or `;` are comments; a `#` later in a line is part
/// of the value. A value may be quoted: 'single' quotes keep everything, "double" quotes take
/// `\"`, `\\`, `\$` and `` \` `` as escapes. Unquoted values lose surrounding blanks; a trailing
/// `\` continues a value on the next line. Messages name keys and lines, never values.
public enum EnvironmentFile {
    /// One line the reader cannot use.
    public struct Problem: Error, Equatable, Sendable {
        /// 1-based line in the env file.
        public var line: Int
        /// Lower-case, never containing a value.
        public var message: String
    }

    /// Parses the text of an env file.
    ///
    /// - Returns: the variables, later lines overriding earlier ones, or the first problem.
    public static func parse(_ text: String) -> Result<[String: String], Problem> {
        var values: [String: String] = [:]
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })[...]
        var number = 0
        while let raw = lines.popFirst() {
            number += 1
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty || line.first == "#" || line.first == ";" { continue }
            guard let equals = line.firstIndex(of: "=") else {
                return .failure(Problem(line: number, message: "expected KEY=VALUE"))
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard EnvironmentExpansion.isVariableName(key) else {
                return .failure(
                    Problem(line: number, message: "invalid variable name; hint: letters, digits and '_', not starting with a digit"))
            }
            var value = String(line[line.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            let startLine = number
            switch value.first {
            case "'", "\"":
                // A quoted value may span lines until its closing quote.
                while !isClosed(value), let next = lines.popFirst() {
                    number += 1
                    value += "\n" + next
                }
                guard let unquoted = unquote(value) else {
                    return .failure(
                        Problem(line: startLine, message: "value of '\(key)' has no closing quote or text after it"))
                }
                value = unquoted
            default:
                while value.hasSuffix("\\"), let next = lines.popFirst() {
                    number += 1
                    value = String(value.dropLast()) + next.trimmingCharacters(in: .whitespaces)
                }
            }
            values[key] = value
        }
        return .success(values)
    }

    /// Whether a value starting with a quote has its closing quote (escapes honoured in "…").
    private static func isClosed(_ value: String) -> Bool {
        unquote(value, requireEnd: false) != nil
    }

    /// The value between its quotes, or `nil` when the closing quote is missing (or, with
    /// `requireEnd`, followed by anything but blanks).
    private static func unquote(_ value: String, requireEnd: Bool = true) -> String? {
        guard let quote = value.first else { return nil }
        var result = ""
        var index = value.index(after: value.startIndex)
        while index < value.endIndex {
            let character = value[index]
            if character == quote {
                let rest = value[value.index(after: index)...]
                return !requireEnd || rest.allSatisfy({ $0 == " " || $0 == "\t" }) ? result : nil
            }
            if quote == "\"", character == "\\", value.index(after: index) < value.endIndex {
                let next = value[value.index(after: index)]
                if "\"\\$`".contains(next) {
                    result.append(next)
                } else if next == "\n" {
                    // An escaped line break joins the lines.
                } else {
                    result.append(character)
                    result.append(next)
                }
                index = value.index(index, offsetBy: 2)
                continue
            }
            result.append(character)
            index = value.index(after: index)
        }
        return nil
    }
}
