// SPDX-License-Identifier: Apache-2.0
import Yams

/// Turns a Yams error into one `FILE:LINE:COL: invalid yaml: ...` line, dropping the
/// multi-line snippet Yams appends: messages stay one line and never echo file contents.
enum YAMLSyntaxDiagnostic {
    static func make(from error: any Error, yaml: String, fileName: String) -> ConfigDiagnostic {
        func diagnostic(_ mark: Mark, _ message: String) -> ConfigDiagnostic {
            ConfigDiagnostic(file: fileName, line: mark.line, column: mark.column, message: "invalid yaml: " + message)
        }
        guard let error = error as? YamlError else {
            return ConfigDiagnostic(file: fileName, line: 1, column: 1, message: "invalid yaml: \(error)")
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let during = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return diagnostic(mark, problem + during)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return diagnostic(context.mark, "duplicate key \(keys) in one mapping; hint: each key may appear once")
        case .reader(let problem, let offset, _, _):
            let prefix = yaml.prefix(offset ?? 0)
            let line = prefix.filter(\.isNewline).count + 1
            let column =
                prefix.count
                - (prefix.lastIndex(where: \.isNewline).map { prefix.distance(from: prefix.startIndex, to: $0) + 1 }
                    ?? 0) + 1
            return ConfigDiagnostic(file: fileName, line: line, column: column, message: "invalid yaml: " + problem)
        default:
            return ConfigDiagnostic(file: fileName, line: 1, column: 1, message: "invalid yaml: \(error)")
        }
    }
}
