// SPDX-License-Identifier: Apache-2.0

/// A provider's posts of one span (a week or a day) by label, and what follows from them.
public struct WeekFigures: Sendable, Equatable {
    /// Posts per label; every label present (zero when none).
    public var counts: [Label: Int]
    /// Sum of the per-provider sentiment scores (−1…1 each).
    public var sentimentSum: Double

    public init(counts: [Label: Int] = [:], sentimentSum: Double = 0) {
        self.counts = Dictionary(uniqueKeysWithValues: Label.allCases.map { ($0, counts[$0] ?? 0) })
        self.sentimentSum = sentimentSum
    }

    /// Every post about the provider.
    public var mentions: Int { counts.values.reduce(0, +) }
    /// Posts saying the service is down.
    public var outages: Int { counts[.outage] ?? 0 }
    /// Grievances, outages included (``Label/isComplaint``).
    public var complaints: Int { (counts[.outage] ?? 0) + (counts[.complaint] ?? 0) }
    /// Outage, complaint and other negative posts.
    public var negative: Int { complaints + (counts[.negative] ?? 0) }
    public var positive: Int { counts[.positive] ?? 0 }
    public var neutral: Int { counts[.neutral] ?? 0 }

    /// (positive − negative) / mentions × 100: −100 when everyone is unhappy; `nil` without posts.
    public var netScore: Double? { mentions == 0 ? nil : Double(positive - negative) * 100 / Double(mentions) }
    /// Shares of all mentions, 0…1; `nil` without posts.
    public var positiveShare: Double? { share(positive) }
    public var neutralShare: Double? { share(neutral) }
    public var negativeShare: Double? { share(negative) }
    /// Mean sentiment score, −1…1; `nil` without posts.
    public var meanSentiment: Double? { mentions == 0 ? nil : sentimentSum / Double(mentions) }

    private func share(_ part: Int) -> Double? { mentions == 0 ? nil : Double(part) / Double(mentions) }

    /// Adds posts of one label.
    mutating func add(_ label: Label, count: Int, sentimentSum: Double) {
        counts[label, default: 0] += count
        self.sentimentSum += sentimentSum
    }
}
