// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchCore
import FailwatchKit

/// `--model` and `--config` for the commands that judge posts outside a poll (classify, explain),
/// so that a user can check a post against their own providers and terms before a poll does.
struct ClassifierOptions: ParsableArguments {
    @Option(help: "A model file from `failwatch train`, used together with the rules.")
    var model: String?

    @Option(
        help: """
            A feeds.yml whose providers (names, aliases, exclusions, outage_terms, negative_terms) and \
            classifier model are used, as poll would.
            """)
    var config: String?

    /// The rules alone (with `--model`), or as the given configuration sets them up.
    func classifier() throws -> Classifier {
        try StoreOptions.classifier(config.map { try StoreOptions.loadConfig(at: $0) }, model: model)
    }
}
