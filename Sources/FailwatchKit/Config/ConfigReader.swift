// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import Yams

/// Walks the YAML node tree of feeds.yml once, turning it into typed values and collecting
/// every problem with its line and column, so later code never sees strings-as-options and a
/// typo is reported instead of silently disabling a source.
struct ConfigReader {
    /// A scalar value: `value` (with `${VAR}` expanded) for use, `raw` (as written) for messages.
    struct Scalar {
        var value: String
        var raw: String
        var mark: Mark?
        var usesVariables: Bool
    }

    /// The entries of one mapping after its keys were checked against the allowed keys.
    struct Fields {
        /// Where the mapping starts; missing keys are reported here.
        var mark: Mark?
        /// Where the mapping sits, for messages: "in source 'heise'".
        var context: String
        var entries: [String: (key: Node, value: Node)] = [:]

        /// The value of `key`, `nil` when absent or null (`key:`, `key: ~`).
        subscript(key: String) -> Node? {
            guard let value = entries[key]?.value, !ConfigReader.isNull(value) else { return nil }
            return value
        }
    }

    let fileName: String
    let baseDirectory: URL
    /// Values for `${VAR}`: the process environment, plus `env_file:` once read.
    var environment: [String: String]
    /// Whether an unset variable of a sink or a header may wait for a command that uses it.
    let secrets: SecretsPolicy
    /// Set while reading a part whose unset variables may wait (a sink, a header).
    var deferring = false
    /// Set while reading a secret no command but `announce` needs: a missing variable is
    /// noted (``unsetSecrets``), never an error, whatever the policy.
    var alwaysDefer = false
    private(set) var diagnostics: [ConfigDiagnostic] = []
    /// With ``SecretsPolicy/optional``: the unset variables that left a sink or header out.
    var unsetSecrets: [String] = []

    init(fileName: String, baseDirectory: URL, environment: [String: String], secrets: SecretsPolicy = .required) {
        self.fileName = fileName
        self.baseDirectory = baseDirectory
        self.environment = environment
        self.secrets = secrets
    }

    /// Records one problem; `mark` `nil` points at the start of the file.
    mutating func report(_ message: String, at mark: Mark?) {
        diagnostics.append(
            ConfigDiagnostic(
                file: fileName, line: mark?.line ?? 1, column: mark?.column ?? 1, message: Self.oneLine(message)))
    }

    /// A message as one readable line, whatever the file quoted into it: control characters
    /// (a `"a\nb"` key) become spaces and each quoted part longer than 60 characters is cut
    /// (the fuzzer's 400-character key made a 1,100-character line).
    static func oneLine(_ message: String) -> String {
        let flat = String(String.UnicodeScalarView(message.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
        let parts = flat.split(separator: "'", omittingEmptySubsequences: false)
        let cut = parts.enumerated().map { index, part in
            index % 2 == 1 && index < parts.count - 1 ? AlertText.clean(String(part), limit: 60) : String(part)
        }.joined(separator: "'")
        return AlertText.truncate(cut, limit: 500)  // quotes inside the quoted text can defeat the pairing
    }

    /// Whether a node is YAML null: an empty value, `~` or `null`.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// How a node is called in "expected ..., found ..." messages.
    static func shape(of node: Node) -> String {
        switch node {
        case .scalar: "a single value"
        case .mapping: "a mapping (key: value lines)"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// Reads a mapping, reporting keys that are not in `allowed` (with a "did you mean" hint).
    ///
    /// `<<` merge keys are honoured (explicit keys win). With `allowExtensions`, keys starting
    /// with `x-` are ignored, as a place to keep YAML anchors.
    /// - Returns: the checked entries, or `nil` (reported) when `node` is not a mapping.
    mutating func fields(
        of node: Node, allowed: [String], context: String, expected: String, allowExtensions: Bool = false
    ) -> Fields? {
        guard case .mapping(let mapping) = node else {
            report("expected \(expected) \(context), found \(Self.shape(of: node))", at: node.mark)
            return nil
        }
        var fields = Fields(mark: node.mark, context: context)
        var merged: [(key: Node, value: Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let keyScalar) = key else {
                report("expected a plain key \(context), found \(Self.shape(of: key))", at: key.mark)
                continue
            }
            let name = keyScalar.string
            if name == "<<" {
                merged += mergedPairs(value, context: context)
            } else if allowExtensions && name.hasPrefix("x-") {
                continue
            } else if allowed.contains(name) {
                fields.entries[name] = (key, value)
            } else {
                reportUnknownKey(name, at: key.mark, allowed: allowed, context: context)
            }
        }
        for (key, value) in merged {
            guard let name = key.scalar?.string, fields.entries[name] == nil else { continue }
            if allowed.contains(name) {
                fields.entries[name] = (key, value)
            } else {
                reportUnknownKey(name, at: key.mark, allowed: allowed, context: context)
            }
        }
        return fields
    }

    private mutating func mergedPairs(_ node: Node, context: String) -> [(key: Node, value: Node)] {
        switch node {
        case .mapping(let mapping):
            return mapping.map { ($0.key, $0.value) }
        case .sequence(let sequence):
            return sequence.flatMap { mergedPairs($0, context: context) }
        default:
            report("expected a mapping or an alias to one after '<<' \(context)", at: node.mark)
            return []
        }
    }

    private mutating func reportUnknownKey(_ key: String, at mark: Mark?, allowed: [String], context: String) {
        let name = AlertText.clean(key, limit: 60)  // a key may hold quotes and be any length
        if let guess = ConfigSuggestion.closest(to: name, among: allowed) {
            report("unknown key '\(name)' \(context) (did you mean '\(guess)'?)", at: mark)
        } else {
            report(
                "unknown key '\(name)' \(context); hint: allowed keys are \(allowed.joined(separator: ", "))",
                at: mark)
        }
    }

    /// Reads a single value and expands its `${VAR}`s; reports lists, mappings and missing
    /// variables (naming the variable, never a value).
    mutating func scalar(_ node: Node, key: String, context: String, expected: String) -> Scalar? {
        guard case .scalar(let scalar) = node else {
            report("expected \(expected) for '\(key)' \(context), found \(Self.shape(of: node))", at: node.mark)
            return nil
        }
        switch EnvironmentExpansion.expand(scalar.string, environment: environment) {
        case .success(let expanded):
            return Scalar(
                value: expanded.value, raw: scalar.string, mark: scalar.mark,
                usesVariables: !expanded.variables.isEmpty)
        case .failure(.missing(let variable)) where deferring && (secrets == .optional || alwaysDefer):
            unsetSecrets.append("\(variable) is not set (needed by '\(key)' \(context))")
        case .failure(.missing(let variable)):
            report(
                "environment variable '\(variable)' is not set, needed by '\(key)' \(context)"
                    + "; hint: export \(variable) before running failwatch, or write $${\(variable)} for the literal text",
                at: scalar.mark)
        case .failure(.unterminated):
            report(
                "unterminated '${' in '\(key)' \(context); hint: close it with '}', or write '$${' for a literal '${'",
                at: scalar.mark)
        case .failure(.invalidName(let name)):
            report(
                "invalid environment variable name '\(name)' in '\(key)' \(context)"
                    + "; hint: use letters, digits and '_', not starting with a digit",
                at: scalar.mark)
        }
        return nil
    }

    /// Reads an optional single value of `fields`; `nil` when absent or invalid (reported).
    mutating func scalar(_ fields: Fields, _ key: String, expected: String) -> Scalar? {
        guard let node = fields[key] else { return nil }
        return scalar(node, key: key, context: fields.context, expected: expected)
    }

    /// Reports `key` as missing from `fields`, at the start of the mapping.
    mutating func reportMissing(_ key: String, in fields: Fields, hint: String? = nil) {
        report(
            "missing required key '\(key)' \(fields.context)" + (hint.map { "; hint: \($0)" } ?? ""), at: fields.mark)
    }
}
