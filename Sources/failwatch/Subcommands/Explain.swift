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

        @OptionGroup var classifierOptions: ClassifierOptions

        func run() throws {
            let classifier = try classifierOptions.classifier()
            let c = classifier.classify(text, language: lang)
            print("label:     \(c.label.rawValue)")
            print("sentiment: \(String(format: "%+.3f", c.sentiment))")
            print("language:  \(c.language)")
            print("complaint: \(c.complaint)  outage: \(c.outage)")
            if let symptom = c.symptom { print("symptom:   \(symptom.rawValue)") }
            if c.repost { print("repost:    true") }
            for p in c.providers {
                let symptom = p.symptom.map { ", \($0.rawValue)" } ?? ""
                print("provider:  \(p.id) → \(p.label.rawValue)\(symptom) (\(String(format: "%+.3f", p.sentiment)))")
            }
            print("because:")
            for reason in c.reasons { print("  - \(reason)") }
        }
    }
}
