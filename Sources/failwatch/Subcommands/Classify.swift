// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchKit
import Foundation

extension FailwatchCommand {
    /// Classifies JSONL posts from stdin, one JSON line out per line in, in order.
    struct Classify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Classify JSONL posts ({\"id\",\"text\",\"lang\"?}) from stdin; JSONL verdicts on stdout.",
            discussion: """
                Output per line: {"id","label","complaint","outage","sentiment","lang"}. A line that is \
                not a flat JSON object with a string "text" gets a one-line error on stderr naming its \
                line number and is skipped.
                """
        )

        @Option(help: "A model file from `failwatch train`, used together with the rules.")
        var model: String?

        @Flag(help: "Also write the rules' numbers: complaint score and lexicon compound (for tuning).")
        var details = false

        @Flag(help: "Print to stderr the time spent classifying, without reading and writing (for benchmarks).")
        var timing = false

        func run() throws {
            let classifier = Classifier(model: try model.map { try LinearModel.load(path: $0) })
            var out: [UInt8] = []
            out.reserveCapacity(1 << 17)
            var lineNumber = 0
            var bad = 0
            var classifyNanos: UInt64 = 0
            StandardStreams.forEachLine { line in
                lineNumber += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
                guard let post = ClassifyJSONL.parse(line) else {
                    bad += 1
                    StandardStreams.writeError(
                        "classify: line \(lineNumber): not a flat JSON object with a string \"text\"")
                    return
                }
                let started = timing ? DispatchTime.now().uptimeNanoseconds : 0
                let c = post.text.withUnsafeBufferPointer {
                    classifier.classify(utf8: $0, language: post.lang, explain: details)
                }
                if timing { classifyNanos += DispatchTime.now().uptimeNanoseconds - started }
                ClassifyJSONL.appendOutput(id: post.id, classification: c, details: details, to: &out)
                if out.count >= 1 << 16 {
                    StandardStreams.writeOut(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
            StandardStreams.writeOut(out)
            if timing {
                let posts = lineNumber - bad
                let seconds = Double(classifyNanos) / 1e9
                StandardStreams.writeError(
                    "classify: \(posts) posts in \(String(format: "%.3f", seconds)) s of classification = "
                        + "\(Int(Double(posts) / max(seconds, 1e-9))) posts/s in-process")
            }
            if bad > 0 && bad == lineNumber { throw ExitCode.failure }
        }
    }
}
