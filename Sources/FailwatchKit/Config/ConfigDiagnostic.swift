// SPDX-License-Identifier: Apache-2.0

/// One problem in feeds.yml with the position to fix it, printed as one line
/// `FILE:LINE:COL: message` so editors and terminals can jump to it.
public struct ConfigDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The config file as the user named it.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column (in Unicode scalars, as libyaml counts).
    public var column: Int
    /// Lower-case, one line, never an expanded `${VAR}` value; may end with `; hint: ...`.
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
