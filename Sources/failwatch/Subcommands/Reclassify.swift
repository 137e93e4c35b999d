// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchKit
import FailwatchStore
import Foundation

extension FailwatchCommand {
    /// After a rule, provider or model change: every stored post judged again, in one command.
    struct Reclassify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Classify every stored post again with the current rules, providers and model."
        )

        @OptionGroup var options: StoreOptions

        @Option(help: "A model written by `failwatch train` (default: classifier.model in the configuration).")
        var model: String?

        @Option(help: "Seconds to wait for a running poll to finish before giving up.")
        var wait: Double = 10

        func run() async throws {
            let context = try await options.open(lockWait: wait)
            let classifier = try StoreOptions.classifier(context.config, model: model)
            let scopes = Dictionary(uniqueKeysWithValues: context.config.sources.map { ($0.name, $0.providers) })
            let result: (posts: Int, changed: Int)
            do {
                result = try await context.store.reclassify { post in
                    classifier.verdict(post.text, language: post.language, scope: scopes[post.sourceName] ?? .any)
                }
            } catch {
                throw Terminal.failure(error.description)
            }
            print("reclassified \(result.posts) posts; \(result.changed) changed label")
            withExtendedLifetime(context.lock) {}
        }
    }
}
