// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation

extension LinearModel {
    /// Loads a model file (`classifier.model` or `--model`); the core only parses text.
    public static func load(path: String) throws -> LinearModel {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ModelError.unreadable(path: path, reason: error.localizedDescription)
        }
        return try parse(text)
    }
}
