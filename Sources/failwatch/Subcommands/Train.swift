// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchCore
import FailwatchKit
import Foundation

extension FailwatchCommand {
    /// Fits a linear model on the user's own labelled posts, optionally reporting k-fold cross-validation.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train a linear model on labelled JSONL ({\"text\",\"label\"}); use it with classify --model.",
            discussion: """
                Labels: outage, complaint, negative, neutral, positive or not_complaint (or a boolean \
                "complaint"). Training is deterministic: the same data gives the same file.
                """
        )

        @Option(help: "Labelled JSONL file.")
        var data: String

        @Option(help: "Where to write the model (plain text).")
        var out: String?

        @Option(help: "Also report k-fold cross-validated micro- and macro-F1.")
        var cv: Int?

        @Option(help: "Training passes over the data.")
        var epochs = 30

        @Option(help: "Initial SGD step size.")
        var learningRate: Float = 5

        @Option(help: "L2 regularisation strength.")
        var l2: Float = 1e-6

        func validate() throws {
            if out == nil && cv == nil { throw ValidationError("give --out FILE, --cv K or both") }
            if let cv, cv < 2 { throw ValidationError("--cv needs at least 2 folds") }
        }

        func run() throws {
            guard let bytes = FileManager.default.contents(atPath: data) else {
                throw Terminal.failure("train: cannot read \(data)")
            }
            let examples = try LinearModelTrainer.examples(fromJSONL: [UInt8](bytes))
            var options = LinearModelTrainer.Options()
            options.epochs = epochs
            options.learningRate = learningRate
            options.l2 = l2
            if let cv {
                let result = try LinearModelTrainer.crossValidate(examples, folds: cv, options: options)
                let perClass = result.classF1.map { "\($0.0)=\(String(format: "%.3f", $0.1))" }.joined(separator: " ")
                print(
                    "cv \(cv)-fold n=\(examples.count): micro-F1=\(String(format: "%.3f", result.microF1)) "
                        + "macro-F1=\(String(format: "%.3f", result.macroF1)) F1 \(perClass)")
            }
            if let out {
                let model = try LinearModelTrainer.train(examples, options: options)
                try model.serialized().write(toFile: out, atomically: true, encoding: .utf8)
                print("wrote \(out): \(model.classes.count) classes (\(model.classes.joined(separator: ", "))), \(examples.count) examples")
            }
        }
    }
}
