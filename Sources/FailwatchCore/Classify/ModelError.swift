// SPDX-License-Identifier: Apache-2.0

/// Why a model could not be trained, read or written.
public enum ModelError: Error, CustomStringConvertible, Equatable {
    case notAModel
    case malformed(line: Int, reason: String)
    case unreadable(path: String, reason: String)
    case tooFewClasses([String])
    case unknownLabel(line: Int, label: String)
    case tooFewExamples(Int)

    public var description: String {
        switch self {
        case .notAModel: "model: not a failwatch linear model (missing header line)"
        case .malformed(let line, let reason): "model: line \(line): \(reason)"
        case .unreadable(let path, let reason): "model: cannot read \(path): \(reason)"
        case .tooFewClasses(let classes): "train: need at least two labels, got \(classes)"
        case .unknownLabel(let line, let label):
            "train: line \(line): unknown label \"\(label)\" (use outage, complaint, negative, neutral, positive or not_complaint)"
        case .tooFewExamples(let n): "train: need at least as many examples as folds, got \(n)"
        }
    }
}
