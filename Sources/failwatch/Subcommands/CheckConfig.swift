// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchKit
import Foundation

extension FailwatchCommand {
    /// Validates feeds.yml before cron runs it, pointing at every line that is wrong.
    struct CheckConfig: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-config",
            abstract: "Validate feeds.yml and print every problem as FILE:LINE:COL: message.",
            discussion: "The config file is --config, else $FAILWATCH_CONFIG, else feeds.yml in the current directory."
        )

        @Option(name: .long, help: "Path of the config file.")
        var config: String?

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let path = FeedsConfig.path(option: config, environment: environment)
            do {
                let loaded = try FeedsConfig.load(
                    path: path, environment: environment, secrets: .optional, missingFileHint: FeedsConfig.missingFileHint)
                print(
                    "\(path): ok (\(Self.count(loaded.providers.count, "provider")), \(Self.count(loaded.sources.count, "source")))"
                )
                // Secrets may live only where poll runs (an env file, a systemd unit): a warning, not a failure.
                for unset in loaded.unsetSecrets {
                    Terminal.note("\(path): warning: \(unset); poll and test-alert will need it")
                }
            } catch {
                for line in error.lines {
                    FileHandle.standardError.write(Data((line + "\n").utf8))
                }
                throw ExitCode.failure
            }
        }

        private static func count(_ number: Int, _ noun: String) -> String {
            "\(number) \(noun)\(number == 1 ? "" : "s")"
        }
    }
}
