// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Turns the facts of a ``RuleAnalysis`` into a label, for a whole post or the clauses about one provider.
enum RuleJudge {
    /// A label with the numbers behind it.
    struct Verdict: Sendable {
        var label: Label
        var sentiment: Double
        /// Raw compound sentiment before complaints pull it down.
        var compound: Float
        var complaintScore: Float
        var outageHits: Int
        /// What failed, for an outage verdict.
        var symptom: Symptom? = nil
        var reasons: [String]
        /// Cue counts behind the score: complaint, weak, problem, others-too, duration, fine, addressed,
        /// tokens, negation, asked (grievance words in yes/no questions).
        var cueCounts: [Int] = []
    }

    /// Judges the clauses for which `include` is true.
    static func judge(_ a: RuleAnalysis, wantCounts: Bool = false, include: (Int32) -> Bool) -> Verdict {
        var sum: Float = 0
        var length = 0
        for i in a.contributions.indices where include(a.clauses[i]) {
            sum += a.contributions[i]
            length += 1
        }
        // Long texts (news, forum posts) pile up words without meaning more: dilute beyond a tweet's length.
        let t = RuleThresholds.for(language: a.language)
        let dilution: Float = length <= t.longText ? 1 : powf(Float(t.longText) / Float(length), 1.5)
        sum *= dilution
        if sum != 0 {
            let ep = Float(min(a.text.exclamations, 4)) * 0.292
            let q = a.text.questions
            let qm: Float = q > 1 ? (q <= 3 ? Float(q) * 0.18 : 0.96) : 0
            sum += sum > 0 ? ep + qm : -(ep + qm)
        }
        let compound = sum / (sum * sum + 15).squareRoot()

        var lastResolved = -1
        for h in a.hits where h.hit == .resolved && include(a.clauses[h.token]) {
            lastResolved = max(lastResolved, h.token)
        }
        var failures: [Int] = []
        var problems: [Int] = []
        var over = 0
        var othersToo = 0
        var problem = 0
        var complaint = 0
        var weak = 0
        var negation = 0
        var asked = 0
        var fine = 0
        var duration = 0
        var infrastructure = 0
        for h in a.hits where include(a.clauses[h.token]) {
            switch h.hit {
            case .outage: if h.token > lastResolved { failures.append(h.token) } else { over += 1 }
            case .othersToo:
                othersToo += 1
                problems.append(h.token)
            case .problem:
                problem += 1
                problems.append(h.token)
            case .complaint: complaint += 1
            case .complaintWeak: weak += 1
            case .negation: negation += 1
            case .askedComplaint: asked += 1
            case .askedProblem:
                asked += 1
                problems.append(h.token)
            case .fine: fine += 1
            case .duration: duration += 1
            case .infrastructure: infrastructure += 1
            case .resolved: break
            }
        }
        var reasons: [String] = []
        if a.reasons != nil {
            reasons.append("compound sentiment \(RuleAnalysis.format(compound))")
            if over > 0 {
                reasons.append(
                    "outage guard: \(over) failure word(s) vetoed, the service is back (\"back up\", \"geht wieder\")")
            }
        }
        // An outage report needs a service, a failure, now and whose: the frame reads them around each
        // failure word, and around problem words in questions or "anyone else?" posts.
        // A post that says the service is back reports no outage, whatever it says about before,
        // unless a part is still out after it ("calls work again, texts still fail").
        var reading = OutageFrame.Reading()
        if !failures.isEmpty || OutageLexicon.standard.mayHoldCandidates(a.text, problems: !problems.isEmpty) {
            reading = OutageFrame(a).judge(
                failures: failures, problems: problems, othersToo: othersToo > 0, returned: lastResolved,
                explain: a.reasons != nil, include: include)
        }
        // Back, with no part still out: what failed before is over, and its vetoes are no grievances.
        if lastResolved >= 0 && !reading.outage {
            reading = OutageFrame.Reading()
            over += failures.count
        }
        reasons += reading.reasons
        let outage = reading.outage ? 1 : 0
        complaint += reading.grievances + over
        // Weak cues pile up in long texts without meaning more; they only support a real signal.
        var score = Float(complaint) * t.complaintTerm + Float(asked) * t.askedComplaint
        score += min(Float(weak) * t.complaintWeak + Float(negation) * t.negation, t.weakCap)
        score += Float(problem) * t.problem
        score += Float(othersToo) * t.othersToo + Float(duration) * t.duration - Float(fine) * t.fine
        score *= dilution
        score += max(0, -compound) * t.negativity + (a.addressed ? t.addressed : 0)
        let label: Label
        if outage > 0 {
            label = .outage
        } else if score >= t.complaint && (compound < t.complaintMaxSentiment || score >= t.complaintDespitePositive) {
            label = .complaint
        } else if compound <= t.negative {
            label = .negative
        } else if compound >= t.positive {
            label = .positive
        } else {
            label = .neutral
        }
        if a.reasons != nil {
            reasons.append("complaint score \(RuleAnalysis.format(score)) (complaint at \(t.complaint))")
        }
        // The label says what the post reports; the sentiment stays what its words say.
        var verdict = Verdict(
            label: label, sentiment: max(-1, min(1, Double(compound))), compound: compound, complaintScore: score,
            outageHits: outage, symptom: label == .outage ? reading.symptom ?? .unknown : nil, reasons: reasons)
        if wantCounts {
            verdict.cueCounts = [
                complaint, weak, problem, othersToo, duration, fine, a.addressed ? 1 : 0, a.text.tokens.count, negation,
                asked,
            ]
        }
        return verdict
    }
}
