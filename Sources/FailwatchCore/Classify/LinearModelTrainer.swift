// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Fits a ``LinearModel`` on labelled posts: deterministic (fixed seed, fixed order of float
/// operations), so the same data always gives the same model file.
public enum LinearModelTrainer {
    /// One labelled post.
    public struct Example: Sendable, Equatable {
        public var text: String
        public var language: String?
        public var label: String

        public init(text: String, language: String? = nil, label: String) {
            self.text = text
            self.language = language
            self.label = label
        }
    }

    /// Stochastic gradient descent settings.
    public struct Options: Sendable {
        public var epochs = 30
        public var learningRate: Float = 5
        public var l2: Float = 1e-6
        public var seed: UInt64 = 0x5EED
        /// Weigh classes inversely to their frequency, so rare classes count (macro-F1).
        public var balanced = true
        /// Average the weights over all steps (averaged SGD) instead of keeping the last ones.
        public var averaged = true

        public init() {}
    }

    /// Cross-validated scores: micro-F1 (= accuracy), macro-F1 and F1 per class over all folds' predictions.
    public struct CrossValidation: Sendable {
        public var folds: Int
        public var microF1: Double
        public var macroF1: Double
        public var classF1: [(String, Double)]
    }

    static let knownLabels: Set<String> = Set(Label.allCases.map(\.rawValue)).union(["not_complaint"])

    /// Labels of outage-labelled sets that mean "no complaint": `other`, and `hard_negative` (failure
    /// words in another sense), so `train` reads them as they are.
    static let notComplaintLabels: Set<String> = ["other", "hard_negative"]

    /// Reads labelled JSONL: `{"text","label"}` with one of the five labels or `not_complaint` (also
    /// written `other` or `hard_negative`), or a boolean `complaint`; `lang` is optional.
    public static func examples(fromJSONL bytes: [UInt8]) throws -> [Example] {
        var result: [Example] = []
        var lineNumber = 0
        var problem: ModelError?
        bytes.withUnsafeBufferPointer { buf in
            var start = 0
            for i in 0...buf.count where problem == nil && (i == buf.count || buf[i] == 0x0A) {
                lineNumber += 1
                let line = UnsafeBufferPointer(rebasing: buf[start..<i])
                start = i + 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                guard let post = ClassifyJSONL.parse(line) else {
                    problem = .malformed(line: lineNumber, reason: "not a flat JSON object with a string \"text\"")
                    continue
                }
                guard let label = post.label.map({ notComplaintLabels.contains($0) ? "not_complaint" : $0 }),
                    knownLabels.contains(label)
                else {
                    problem = .unknownLabel(line: lineNumber, label: post.label ?? "")
                    continue
                }
                result.append(Example(text: String(decoding: post.text, as: UTF8.self), language: post.lang, label: label))
            }
        }
        if let problem { throw problem }
        return result
    }

    /// Trains on all examples.
    public static func train(_ examples: [Example], options: Options = Options()) throws -> LinearModel {
        let classes = Array(Set(examples.map(\.label))).sorted()
        guard classes.count >= 2 else { throw ModelError.tooFewClasses(classes) }
        let data = featurize(examples, classes: classes)
        return fit(data, classes: classes, options: options)
    }

    /// k-fold cross-validation with folds fixed by the seed.
    public static func crossValidate(_ examples: [Example], folds: Int, options: Options = Options()) throws
        -> CrossValidation
    {
        let classes = Array(Set(examples.map(\.label))).sorted()
        guard classes.count >= 2 else { throw ModelError.tooFewClasses(classes) }
        guard folds >= 2, examples.count >= folds else { throw ModelError.tooFewExamples(examples.count) }
        let data = featurize(examples, classes: classes)
        var order = Array(data.indices)
        var rng = SplitMix(seed: options.seed ^ 0xC0FF)
        rng.shuffle(&order)
        var predicted = [Int](repeating: 0, count: data.count)
        for fold in 0..<folds {
            let test = order.enumerated().filter { $0.offset % folds == fold }.map(\.element)
            let testSet = Set(test)
            let train = order.filter { !testSet.contains($0) }.map { data[$0] }
            let model = fit(train, classes: classes, options: options)
            for i in test { predicted[i] = model.predict(data[i].features) }
        }
        var f1s: [(String, Double)] = []
        var correct = 0
        for (i, d) in data.enumerated() where predicted[i] == d.label { correct += 1 }
        for (k, name) in classes.enumerated() {
            var tp = 0
            var fp = 0
            var fn = 0
            for (i, d) in data.enumerated() {
                if predicted[i] == k && d.label == k { tp += 1 }
                if predicted[i] == k && d.label != k { fp += 1 }
                if predicted[i] != k && d.label == k { fn += 1 }
            }
            let p = tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0
            let r = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0
            f1s.append((name, p + r > 0 ? 2 * p * r / (p + r) : 0))
        }
        let macro = f1s.map(\.1).reduce(0, +) / Double(f1s.count)
        return CrossValidation(
            folds: folds, microF1: Double(correct) / Double(data.count), macroF1: macro, classF1: f1s)
    }

    struct Datum {
        var features: [(Int32, Float)]
        var label: Int
    }

    static func featurize(_ examples: [Example], classes: [String]) -> [Datum] {
        let rules = Classifier()
        return examples.map { e in
            let (tokens, analysis, verdict) = rules.analyze(e.text, language: e.language)
            return Datum(
                features: FeatureHasher.features(tokens: tokens, analysis: analysis, verdict: verdict),
                label: classes.firstIndex(of: e.label) ?? 0)
        }
    }

    static func fit(_ data: [Datum], classes: [String], options: Options) -> LinearModel {
        let c = classes.count
        var w = [Float](repeating: 0, count: FeatureHasher.dimensions * c)
        var counts = [Int](repeating: 0, count: c)
        for d in data { counts[d.label] += 1 }
        let classWeight: [Float] = counts.map {
            options.balanced && $0 > 0 ? Float(data.count) / Float(c * $0) : 1
        }
        var rng = SplitMix(seed: options.seed)
        var order = Array(data.indices)
        var p = [Float](repeating: 0, count: c)
        // Averaged SGD: the mean of the weights over all steps generalises better than the last ones.
        // `u` holds the step-weighted updates, so that mean = w - u / steps without a pass per step.
        var u = [Float](repeating: 0, count: options.averaged ? w.count : 0)
        var step: Float = 1
        for epoch in 0..<options.epochs {
            rng.shuffle(&order)
            let lr = options.learningRate / (1 + Float(epoch) * 0.3)
            for i in order {
                let d = data[i]
                for k in 0..<c { p[k] = 0 }
                for (index, value) in d.features {
                    let base = Int(index) * c
                    for k in 0..<c { p[k] += w[base + k] * value }
                }
                var maxScore = p[0]
                for k in 1..<c where p[k] > maxScore { maxScore = p[k] }
                var total: Float = 0
                for k in 0..<c {
                    p[k] = Float(exp(Double(p[k] - maxScore)))
                    total += p[k]
                }
                let cw = classWeight[d.label]
                for k in 0..<c { p[k] = (p[k] / total - (k == d.label ? 1 : 0)) * cw }
                for (index, value) in d.features {
                    let base = Int(index) * c
                    for k in 0..<c {
                        let delta = lr * (p[k] * value + options.l2 * w[base + k])
                        w[base + k] -= delta
                        if options.averaged { u[base + k] -= step * delta }
                    }
                }
                step += 1
            }
        }
        if options.averaged {
            for j in w.indices { w[j] -= u[j] / step }
        }
        return LinearModel(classes: classes, weights: w)
    }

    /// A small deterministic generator (SplitMix64), so training never depends on the system's randomness.
    struct SplitMix {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            return FeatureHasher.mix(state &- 0x9E37_79B9_7F4A_7C15)
        }

        mutating func shuffle(_ a: inout [Int]) {
            guard a.count > 1 else { return }
            for i in stride(from: a.count - 1, to: 0, by: -1) {
                let j = Int(next() % UInt64(i + 1))
                a.swapAt(i, j)
            }
        }
    }
}
