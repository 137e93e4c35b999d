// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchCore
import FailwatchKit

/// The `failwatch` command line: thin commands over FailwatchKit.
@main
struct FailwatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "failwatch",
        abstract: "Hears an outage in the customers' voices before the provider says a word.",
        version: FailwatchVersion.current,
        subcommands: [
            Poll.self,
            CheckConfig.self,
            Status.self,
            Silence.self,
            Unsilence.self,
            Prune.self,
            Backup.self,
            Announce.self,
            Metrics.self,
            Report.self,
            TestAlert.self,
            Classify.self,
            Explain.self,
            Train.self,
            Reclassify.self,
            Backtest.self,
            Parse.self,
            ParseDate.self,
        ]
    )
}
