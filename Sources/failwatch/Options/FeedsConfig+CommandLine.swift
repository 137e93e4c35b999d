// SPDX-License-Identifier: Apache-2.0
import FailwatchKit

extension FeedsConfig {
    /// The config file to use: `--config` if given, else `FAILWATCH_CONFIG`, else `feeds.yml`.
    static func path(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let path = environment["FAILWATCH_CONFIG"], !path.isEmpty { return path }
        return "feeds.yml"
    }

    /// What to do when the config file is missing, in the command line's own terms.
    static let missingFileHint = "pass --config PATH or set FAILWATCH_CONFIG"
}
