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

        @Flag(help: "Also write the rules' numbers (complaint score, lexicon compound, cue counts) and the reasons (for tuning).")
        var details = false

        @Flag(help: "Afterwards classify the posts again in memory and print the CPU time per post to stderr (benchmarks).")
        var timing = false

        func run() throws {
            let classifier = Classifier(model: try model.map { try LinearModel.load(path: $0) })
            // Flags read once: a property wrapper's getter costs more per line than a local.
            let details = self.details
            let timing = self.timing
            let workspace = Classifier.Workspace()
            var text: [UInt8] = []
            text.reserveCapacity(1 << 12)
            var out: [UInt8] = []
            out.reserveCapacity(1 << 17)
            var lineNumber = 0
            var bad = 0
            var kept: [([UInt8], String?)] = []
            StandardStreams.forEachLine { line in
                lineNumber += 1
                guard let fields = ClassifyJSONL.read(line, text: &text) else {
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
                    bad += 1
                    Terminal.note(
                        "classify: line \(lineNumber): not a flat JSON object with a string \"text\"")
                    return
                }
                let c = text.withUnsafeBufferPointer {
                    details
                        ? classifier.classify(utf8: $0, language: fields.language, explain: true)
                        : classifier.classify(utf8: $0, language: fields.language, workspace: workspace)
                }
                // A copy of its own size: keeping `text` itself would make the next post copy the buffer.
                if timing { kept.append((text.withUnsafeBufferPointer { Array($0) }, fields.language)) }
                ClassifyJSONL.appendOutput(
                    rawID: fields.id.map { UnsafeBufferPointer(rebasing: line[$0]) }, idIsString: fields.idIsString,
                    classification: c, details: details, to: &out)
                if out.count >= 1 << 16 {
                    StandardStreams.writeOut(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
            StandardStreams.writeOut(out)
            if timing {
                // Classify the posts again in one tight loop, timed by this thread's CPU clock.
                let started = Self.threadCPUNanoseconds()
                var checksum = 0.0
                for (text, lang) in kept {
                    checksum += text.withUnsafeBufferPointer {
                        classifier.classify(utf8: $0, language: lang, workspace: workspace).sentiment
                    }
                }
                let seconds = Double(Self.threadCPUNanoseconds() - started) / 1e9
                Terminal.note(
                    "classify: \(kept.count) posts in \(String(format: "%.3f", seconds)) s CPU = "
                        + "\(Int(Double(kept.count) / max(seconds, 1e-9))) posts/s in-process on one core "
                        + "(checksum \(String(format: "%.1f", checksum)))")
            }
            if bad > 0 && bad == lineNumber { throw ExitCode.failure }
        }

        /// CPU time of the calling thread: what one core spent, whatever else runs on the machine.
        static func threadCPUNanoseconds() -> UInt64 {
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
        }
    }
}
