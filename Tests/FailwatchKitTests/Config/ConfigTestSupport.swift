// SPDX-License-Identifier: Apache-2.0
import FailwatchKit
import Foundation

/// Helpers shared by the config tests: parse inline YAML as if it were /srv/failwatch/feeds.yml.
enum ConfigTestSupport {
    static let base = URL(fileURLWithPath: "/srv/failwatch")

    /// A valid file with one provider and one source, to which a test appends or substitutes.
    static let minimal = """
        version: 1
        providers:
          - name: Vodafone
        sources:
          - name: demo
            url: https://example.org/feed.xml

        """

    static func parse(_ yaml: String, environment: [String: String] = [:]) throws(ConfigError) -> FeedsConfig {
        try FeedsConfig.parse(yaml: yaml, fileName: "feeds.yml", baseDirectory: base, environment: environment)
    }

    /// The one-line messages for `yaml`, or `[]` when it is valid.
    static func errors(_ yaml: String, environment: [String: String] = [:], secrets: SecretsPolicy = .required)
        -> [String]
    {
        do {
            _ = try FeedsConfig.parse(
                yaml: yaml, fileName: "feeds.yml", baseDirectory: base, environment: environment, secrets: secrets)
            return []
        } catch {
            return error.lines
        }
    }
}
