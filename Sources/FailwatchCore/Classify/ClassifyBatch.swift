// SPDX-License-Identifier: Apache-2.0
import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Classifies a block of JSONL lines on several cores and writes the verdicts in input order:
/// the `classify` command's engine, so that a whole process keeps every core busy.
///
/// A block is cut into pieces at line ends; each piece is classified on its own (with its own
/// buffers) and the pieces' output is joined in order, so the bytes are those of one core.
public struct ClassifyBatch: Sendable {
    /// What one block (or piece) gave.
    public struct Result: Sendable, Equatable {
        /// Output lines (`{"id","label",…}\n`), in input order.
        public var out: [UInt8] = []
        /// Lines read, blank ones included.
        public var lines = 0
        /// Numbers (from 1, within the block) of lines that are not a flat JSON object with a string `text`.
        public var badLines: [Int] = []

        /// Appends the result of the lines after these.
        mutating func append(_ next: Result) {
            out.append(contentsOf: next.out)
            badLines += next.badLines.map { $0 + lines }
            lines += next.lines
        }
    }

    let classifier: Classifier
    let details: Bool
    let workers: Int

    /// Bytes below which a piece is not worth a core of its own.
    static let minimumPiece = 1 << 16

    /// - Parameters:
    ///   - details: also write the rules' numbers and reasons (see ``ClassifyJSONL/appendOutput(rawID:idIsString:classification:details:to:)``).
    ///   - workers: cores to use; 1 classifies in the calling thread.
    public init(classifier: Classifier, details: Bool, workers: Int) {
        self.classifier = classifier
        self.details = details
        self.workers = max(1, workers)
    }

    /// Classifies every line of `block` (lines end with `\n`; a last line without one counts too).
    public func classify(_ block: [UInt8]) -> Result {
        var total = Result()
        classify(block) { total.append($0) }
        return total
    }

    /// Classifies every line of `block` and hands over the results piece by piece, in input order
    /// (bad line numbers count from the piece's first line): the caller writes each piece's output
    /// as it is, instead of a joined copy of the whole block's.
    public func classify(_ block: [UInt8], eachPiece body: (Result) -> Void) {
        let pieces = Self.pieces(of: block, count: workers == 1 ? 1 : workers * 4, minimum: Self.minimumPiece)
        if pieces.count <= 1 {
            body(block.withUnsafeBufferPointer { classify(lines: $0) })
            return
        }
        let results = PieceResults(count: pieces.count)
        DispatchQueue.concurrentPerform(iterations: pieces.count) { k in
            let result = block.withUnsafeBufferPointer { classify(lines: UnsafeBufferPointer(rebasing: $0[pieces[k]])) }
            results.store(result, at: k)
        }
        results.forEachInOrder(body)
    }

    /// Classifies the lines of one piece in this thread.
    func classify(lines bytes: UnsafeBufferPointer<UInt8>) -> Result {
        var result = Result()
        result.out.reserveCapacity(bytes.count / 2 + 256)
        let workspace = Classifier.Workspace()
        var text: [UInt8] = []
        text.reserveCapacity(1 << 12)
        var start = 0
        while start < bytes.count {
            let end = Self.lineEnd(in: bytes, from: start)
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            start = end + 1
            result.lines += 1
            guard let fields = ClassifyJSONL.read(line, text: &text) else {
                if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { result.badLines.append(result.lines) }
                continue
            }
            let c = text.withUnsafeBufferPointer {
                details
                    ? classifier.classify(utf8: $0, language: fields.language, explain: true)
                    : classifier.classify(utf8: $0, language: fields.language, workspace: workspace)
            }
            ClassifyJSONL.appendOutput(
                rawID: fields.id.map { UnsafeBufferPointer(rebasing: line[$0]) }, idIsString: fields.idIsString,
                classification: c, details: details, to: &result.out)
        }
        return result
    }

    /// The index of the next `\n` at or after `start`, or the end: `memchr` scans many bytes per step.
    static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count,
            let found = memchr(base + start, 0x0A, bytes.count - start)
        else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Cuts `block` into about `count` ranges of whole lines, none shorter than `minimum` bytes
    /// (except the last).
    static func pieces(of block: [UInt8], count: Int, minimum: Int) -> [Range<Int>] {
        let target = max(minimum, block.count / max(1, count))
        var result: [Range<Int>] = []
        var start = 0
        while start < block.count {
            var end = min(block.count, start + target)
            while end < block.count && block[end - 1] != 0x0A { end += 1 }
            result.append(start..<end)
            start = end
        }
        return result
    }

    /// The pieces' results as workers finish them, joined in order at the end.
    ///
    /// `@unchecked Sendable`: every access to `slots` holds `lock`.
    final class PieceResults: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result?]

        init(count: Int) {
            slots = [Result?](repeating: nil, count: count)
        }

        func store(_ result: Result, at index: Int) {
            lock.lock()
            defer { lock.unlock() }
            slots[index] = result
        }

        func forEachInOrder(_ body: (Result) -> Void) {
            lock.lock()
            defer { lock.unlock() }
            for piece in slots {
                if let piece { body(piece) }
            }
        }
    }
}
