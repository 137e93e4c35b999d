// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FailwatchCore
import FailwatchKit
import Foundation

extension FailwatchCommand {
    /// Classifies JSONL posts from stdin, one JSON line out per line in, in order.
    struct Classify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Classify JSONL posts ({\"id\",\"text\",\"lang\"?}) from stdin; JSONL verdicts on stdout.",
            discussion: """
                Output per line: {"id","label","complaint","outage","sentiment","lang","symptom","repost"}; \
                "symptom" names what failed for an outage (internet, mobile_data, signal, calls, sms, tv, \
                phone, email, hosting, app, unknown), else null; "repost" marks "RT @user:" text. With \
                --config, a post naming configured providers also gets "providers": \
                [{"id","label","outage","symptom"}], the verdict for each. A line that is not a flat JSON \
                object with a string "text" gets a one-line error on stderr naming its line number and is \
                skipped; the exit status is then non-zero, after every good line was written.
                """
        )

        @OptionGroup var classifierOptions: ClassifierOptions

        @Flag(help: "Also write the rules' numbers (complaint score, lexicon compound, cue counts) and the reasons (for tuning).")
        var details = false

        @Flag(help: "Afterwards classify the posts again in memory and print the CPU time per post to stderr (benchmarks).")
        var timing = false

        func run() throws {
            let classifier = try classifierOptions.classifier()
            // Every core classifies a piece of each block; the output keeps the input's order.
            let batch = ClassifyBatch(
                classifier: classifier, details: details, workers: ProcessInfo.processInfo.activeProcessorCount)
            var lines = 0
            var bad = 0
            var kept: [UInt8] = []
            StandardStreams.forEachBlock(minimum: 1 << 22) { block in
                batch.classify(block) { piece in
                    StandardStreams.writeOut(piece.out)
                    for line in piece.badLines {
                        Terminal.note("classify: line \(lines + line): not a flat JSON object with a string \"text\"")
                    }
                    lines += piece.lines
                    bad += piece.badLines.count
                }
                if timing { kept += block }
            }
            if timing { Self.time(classifier, input: kept) }
            if bad > 0 { throw ExitCode.failure }
        }

        /// Classifies the posts again in one tight loop on one core, timed by this thread's CPU clock
        /// (the JSON is read before the clock starts).
        static func time(_ classifier: Classifier, input: [UInt8]) {
            var posts: [([UInt8], String?)] = []
            var text: [UInt8] = []
            input.withUnsafeBufferPointer { bytes in
                for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
                    if let fields = ClassifyJSONL.read(UnsafeBufferPointer(rebasing: line), text: &text) {
                        // A copy of its own size: keeping `text` itself would make the next read copy
                        // the whole reserved buffer.
                        posts.append((text.withUnsafeBufferPointer { Array($0) }, fields.language))
                    }
                }
            }
            let workspace = Classifier.Workspace()
            let started = threadCPUNanoseconds()
            var checksum = 0.0
            for (text, lang) in posts {
                checksum += text.withUnsafeBufferPointer {
                    classifier.classify(utf8: $0, language: lang, workspace: workspace).sentiment
                }
            }
            let seconds = Double(threadCPUNanoseconds() - started) / 1e9
            Terminal.note(
                "classify: \(posts.count) posts in \(String(format: "%.3f", seconds)) s CPU = "
                    + "\(Int(Double(posts.count) / max(seconds, 1e-9))) posts/s in-process on one core "
                    + "(checksum \(String(format: "%.1f", checksum)))")
        }

        /// CPU time of the calling thread: what one core spent, whatever else runs on the machine.
        static func threadCPUNanoseconds() -> UInt64 {
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
        }
    }
}
