// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A linear model over hashed word and character n-grams, trained by `failwatch train`.
public struct LinearModel: Sendable, Equatable {
    public var classes: [String]

    func refine(_ verdict: RuleJudge.Verdict, tokens: TokenizedText, analysis: RuleAnalysis) -> RuleJudge.Verdict {
        verdict
    }

    public static func load(path: String) throws -> LinearModel {
        LinearModel(classes: [])
    }
}
