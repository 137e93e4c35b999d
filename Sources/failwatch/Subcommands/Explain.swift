// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchKit

extension FailwatchCommand {
    /// Shows a person why a post got its label: language, providers, matched terms and rules.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain how one post is classified: label, sentiment, language and the rules that fired."
        )

        @Argument(help: "The post text.")
        var text: String

        @Option(help: "The post's language (de, en); guessed when not given.")
        var lang: String?

        @Option(help: "A model file from `failwatch train`, used together with the rules.")
        var model: String?

        @Option(
            help: """
                A feeds.yml whose providers (names, aliases, exclusions, outage_terms, negative_terms) and \
                classifier model are used, as poll would.
                """)
        var config: String?

        func run() throws {
            let classifier =
                if let config {
                    try StoreOptions.classifier(StoreOptions.loadConfig(at: config), model: model)
                } else {
                    Classifier(model: try model.map { try LinearModel.load(path: $0) })
                }
            let c = classifier.classify(text, language: lang)
            print("label:     \(c.label.rawValue)")
            print("sentiment: \(String(format: "%+.3f", c.sentiment))")
            print("language:  \(c.language)")
            print("complaint: \(c.complaint)  outage: \(c.outage)")
            for p in c.providers {
                print("provider:  \(p.id) → \(p.label.rawValue) (\(String(format: "%+.3f", p.sentiment)))")
            }
            print("because:")
            for reason in c.reasons { print("  - \(reason)") }
        }
    }
}
