// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchKit
import Testing

/// A block of posts with bad and blank lines between them, long enough to be split into pieces.
private func block(posts: Int, finalNewline: Bool) -> [UInt8] {
    let texts = [
        #"Telekom St\u00f6rung, kein Netz seit 20 min"#, "I love the new update, thanks!",
        "@united 3 hours on hold. NOT acceptable!!", #"Zug f\u00e4llt aus, danke f\u00fcr nichts"#,
    ]
    var lines: [String] = []
    for i in 0..<posts {
        lines.append(#"{"id":"p\#(i)","text":"\#(texts[i % texts.count]) \#(i)"}"#)
        if i % 97 == 5 { lines.append("not json") }
        if i % 89 == 7 { lines.append("  ") }
    }
    let text = lines.joined(separator: "\n") + (finalNewline ? "\n" : "")
    return Array(text.utf8)
}

@Test(arguments: [true, false])
func classifyingOnFourCoresWritesTheBytesOfOne(finalNewline: Bool) {
    let input = block(posts: 3000, finalNewline: finalNewline)
    #expect(input.count > 2 * ClassifyBatch.minimumPiece)  // so that it is really split
    for details in [false, true] {
        let one = ClassifyBatch(classifier: Classifier(), details: details, workers: 1).classify(input)
        let four = ClassifyBatch(classifier: Classifier(), details: details, workers: 4).classify(input)
        #expect(four == one)
        #expect(one.lines == 3000 + 31 + 34)
        #expect(one.badLines.count == 31)
        #expect(one.out.split(separator: 0x0A).count == 3000)
    }
}

@Test func badLinesAreNumberedAcrossPieces() throws {
    let input = block(posts: 3000, finalNewline: true)
    let result = ClassifyBatch(classifier: Classifier(), details: false, workers: 4).classify(input)
    let lines = input.split(separator: 0x0A, omittingEmptySubsequences: false)
    for number in result.badLines {
        #expect(String(decoding: lines[number - 1], as: UTF8.self) == "not json")
    }
}

@Test func piecesEndAtLineEndsAndCoverTheBlock() {
    let input = block(posts: 2000, finalNewline: false)
    let pieces = ClassifyBatch.pieces(of: input, count: 8, minimum: 1000)
    #expect(pieces.count > 1)
    #expect(pieces.first?.lowerBound == 0)
    #expect(pieces.last?.upperBound == input.count)
    for (a, b) in zip(pieces, pieces.dropFirst()) {
        #expect(a.upperBound == b.lowerBound)
        #expect(input[a.upperBound - 1] == 0x0A)
    }
}

@Test func piecesArriveInOrderAndAddUpToTheBlock() {
    let input = block(posts: 3000, finalNewline: true)
    let batch = ClassifyBatch(classifier: Classifier(), details: false, workers: 4)
    var joined = ClassifyBatch.Result()
    var pieces = 0
    batch.classify(input) { piece in
        pieces += 1
        joined.append(piece)
    }
    #expect(pieces > 1)
    #expect(joined == ClassifyBatch(classifier: Classifier(), details: false, workers: 1).classify(input))
}
