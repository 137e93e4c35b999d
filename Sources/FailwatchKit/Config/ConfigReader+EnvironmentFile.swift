// SPDX-License-Identifier: Apache-2.0
import Foundation
import Yams

/// `env_file:`: secrets for `${VAR}` from a file beside feeds.yml, for cron and systemd.
extension ConfigReader {
    /// Reads the env file named by `env_file:` (relative to feeds.yml) into the environment used
    /// for `${VAR}`. Variables of the process environment win over the file's, so one run can
    /// override a value (`SLACK_URL=… failwatch test-alert`).
    ///
    /// - Returns: the file's absolute path, when one was read.
    mutating func readEnvironmentFile(_ top: Fields) -> String? {
        guard let node = top["env_file"] else { return nil }
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            report("expected a file path for 'env_file' \(top.context), found \(Self.shape(of: node))", at: node.mark)
            return nil
        }
        let url =
            scalar.string.hasPrefix("/")
            ? URL(fileURLWithPath: scalar.string)
            : baseDirectory.appendingPathComponent(scalar.string).standardizedFileURL
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "cannot read" : "no such file"
            if secrets == .optional {
                // An operator's shell may not read the service's secrets; a command that sends nothing goes on.
                unsetSecrets.append("env_file \(url.path): \(reason)")
                return nil
            }
            report(
                "env_file '\(scalar.string)' (\(url.path)): \(reason); hint: the path is relative to this file",
                at: scalar.mark)
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            report("env_file '\(scalar.string)' is not UTF-8 text", at: scalar.mark)
            return nil
        }
        switch EnvironmentFile.parse(text) {
        case .success(let values):
            environment = values.merging(environment) { _, process in process }
            return url.path
        case .failure(let problem):
            report("env_file \(url.path):\(problem.line): \(problem.message)", at: scalar.mark)
            return nil
        }
    }
}
