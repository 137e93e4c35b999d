// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A multinomial logistic-regression model over hashed n-gram features, trained by `failwatch train`
/// on a user's own labelled posts and combined with the rules by ``Classifier``.
///
/// Saved as plain text: a header, the class names, then one line per non-zero feature bucket
/// (`bucket w1 w2 …`), so a model can be read, diffed and versioned.
public struct LinearModel: Sendable, Equatable {
    /// Class names as they stood in the training data ("complaint", "not_complaint", "negative", …).
    public private(set) var classes: [String]
    /// Dense weights, `dimensions × classes.count`, bucket-major.
    var weights: [Float]

    static let magic = "failwatch-linear-model 1"

    init(classes: [String], weights: [Float]) {
        self.classes = classes
        self.weights = weights
    }

    /// Class scores (unnormalised log-odds) for features from ``FeatureHasher``.
    func scores(_ features: [(Int32, Float)]) -> [Float] {
        let c = classes.count
        var s = [Float](repeating: 0, count: c)
        weights.withUnsafeBufferPointer { w in
            for (index, value) in features {
                let base = Int(index) * c
                for k in 0..<c { s[k] += w[base + k] * value }
            }
        }
        return s
    }

    /// The index of the best class.
    func predict(_ features: [(Int32, Float)]) -> Int {
        let s = scores(features)
        var best = 0
        for k in 1..<s.count where s[k] > s[best] { best = k }
        return best
    }

    /// The rules' verdict corrected by the model.
    ///
    /// A model's class replaces the rules' label; a class the five labels lack keeps what the rules
    /// know beyond it: "not_complaint" drops a complaint to negative or neutral, "complaint" or
    /// "negative" keep the rules' outage, and without an "outage" class the rules' outage stands.
    func refine(_ verdict: RuleJudge.Verdict, tokens: TokenizedText, analysis: RuleAnalysis) -> RuleJudge.Verdict {
        let features = FeatureHasher.features(tokens: tokens, analysis: analysis, verdict: verdict)
        let predicted = classes[predict(features)]
        var result = verdict
        let rules = verdict.label
        switch predicted {
        case "not_complaint":
            if rules.isComplaint { result.label = verdict.compound < -0.05 ? .negative : .neutral }
        case "complaint":
            result.label = rules == .outage ? .outage : .complaint
        case "negative":
            if !rules.isComplaint { result.label = .negative }
        default:
            guard let label = Label(rawValue: predicted) else { return verdict }
            if rules == .outage && !classes.contains("outage") && (label == .complaint || label == .negative) {
                result.label = .outage
            } else {
                result.label = label
            }
        }
        result.sentiment = Double(verdict.compound)
        // A model that calls it an outage where the rules saw none still names what failed, if it can.
        result.symptom = result.label == .outage ? verdict.symptom ?? .unknown : nil
        return result
    }

    /// The model as plain text.
    public func serialized() -> String {
        let c = classes.count
        var out = "\(Self.magic)\ndimensions \(FeatureHasher.dimensions)\nclasses \(classes.joined(separator: " "))\n"
        for bucket in 0..<FeatureHasher.dimensions {
            let row = weights[(bucket * c)..<(bucket * c + c)]
            guard row.contains(where: { abs($0) >= 1e-4 }) else { continue }
            out += String(bucket)
            for w in row { out += " " + String(format: "%.4g", w) }
            out += "\n"
        }
        return out
    }

    /// Reads a model written by ``serialized()``.
    public static func parse(_ text: String) throws -> LinearModel {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        guard lines.next().map(String.init) == magic else { throw ModelError.notAModel }
        guard let dims = lines.next(), dims == "dimensions \(FeatureHasher.dimensions)" else {
            throw ModelError.malformed(line: 2, reason: "expected dimensions \(FeatureHasher.dimensions)")
        }
        guard let classLine = lines.next(), classLine.hasPrefix("classes ") else {
            throw ModelError.malformed(line: 3, reason: "expected classes")
        }
        let classes = classLine.dropFirst("classes ".count).split(separator: " ").map(String.init)
        guard classes.count >= 2 else { throw ModelError.malformed(line: 3, reason: "fewer than two classes") }
        let c = classes.count
        var weights = [Float](repeating: 0, count: FeatureHasher.dimensions * c)
        var number = 3
        while let line = lines.next() {
            number += 1
            let parts = line.split(separator: " ")
            guard parts.count == c + 1, let bucket = Int(parts[0]), bucket >= 0, bucket < FeatureHasher.dimensions
            else { throw ModelError.malformed(line: number, reason: "expected a bucket and \(c) weights") }
            for k in 0..<c {
                guard let w = Float(parts[k + 1]) else {
                    throw ModelError.malformed(line: number, reason: "not a number: \(parts[k + 1])")
                }
                weights[bucket * c + k] = w
            }
        }
        return LinearModel(classes: classes, weights: weights)
    }
}
