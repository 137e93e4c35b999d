// SPDX-License-Identifier: Apache-2.0

/// Replaces `${VAR}` in feeds.yml values with the environment's value, so tokens stay out
/// of the file. `$${VAR}` stands for a literal `${VAR}`; any other `$` is kept as it is.
/// Runs on parsed scalar values only, never on raw YAML text, so a value cannot inject YAML.
enum EnvironmentExpansion {
    /// A value with its variables replaced, and which variables it used.
    struct Expanded: Equatable {
        var value: String
        var variables: [String]
    }

    /// Why a value could not be expanded; carries names, never values.
    enum Failure: Error, Equatable {
        case missing(variable: String)
        case unterminated
        case invalidName(String)
    }

    /// - Returns: the expanded value, or the first problem found.
    static func expand(_ raw: String, environment: [String: String]) -> Result<Expanded, Failure> {
        guard raw.contains("$") else { return .success(Expanded(value: raw, variables: [])) }
        var output = ""
        var variables: [String] = []
        var rest = Substring(raw)
        while let dollar = rest.firstIndex(of: "$") {
            output += rest[..<dollar]
            let afterDollar = rest[rest.index(after: dollar)...]
            if afterDollar.hasPrefix("${") {
                output += "${"
                rest = afterDollar.dropFirst(2)
            } else if afterDollar.hasPrefix("{") {
                guard let close = afterDollar.firstIndex(of: "}") else { return .failure(.unterminated) }
                let name = String(afterDollar[afterDollar.index(after: afterDollar.startIndex)..<close])
                guard isVariableName(name) else { return .failure(.invalidName(name)) }
                guard let value = environment[name] else { return .failure(.missing(variable: name)) }
                output += value
                variables.append(name)
                rest = afterDollar[afterDollar.index(after: close)...]
            } else {
                output += "$"
                rest = afterDollar
            }
        }
        output += rest
        return .success(Expanded(value: output, variables: variables))
    }

    /// POSIX-style names: an ASCII letter or `_`, then ASCII letters, digits or `_`.
    static func isVariableName(_ name: String) -> Bool {
        func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
        }
        guard let first = name.unicodeScalars.first, isLetter(first) else { return false }
        return name.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) }
    }
}
