// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The count model of the baseline: mean and overdispersion, so sparse and noisy providers both get honest tails.
///
/// Variance is `mean + dispersion * mean²`; dispersion 0 is Poisson. Unlike a standard deviation,
/// it does not collapse to zero when a provider is silent most hours.
public struct NegativeBinomial: Codable, Hashable, Sendable {
    public var mean: Double
    public var dispersion: Double

    public init(mean: Double, dispersion: Double) {
        self.mean = max(mean, 1e-9)
        self.dispersion = max(dispersion, 0)
    }

    public var variance: Double { mean + dispersion * mean * mean }

    private var isPoisson: Bool { dispersion < 1e-9 }

    /// Log probability of exactly `count` voices.
    public func logProbability(of count: Int) -> Double {
        let x = Double(max(count, 0))
        if isPoisson { return x * log(mean) - mean - lgamma(x + 1) }
        let size = 1 / dispersion
        return lgamma(x + size) - lgamma(size) - lgamma(x + 1)
            + size * log(size / (size + mean)) + x * log(mean / (size + mean))
    }

    /// The chance of at least `count` voices under this baseline: how unlikely the interval is.
    ///
    /// - Parameter count: the observed count (rounded up to a whole voice).
    /// - Returns: P(X ≥ count), in [0, 1].
    public func upperTail(_ count: Double) -> Double {
        let x = Int(count.rounded(.up))
        guard x > 0 else { return 1 }
        if Double(x) <= mean {
            var below = 0.0
            for j in 0..<x { below += exp(logProbability(of: j)) }
            return min(1, max(0, 1 - below))
        }
        // Sum the tail upwards; successive terms shrink geometrically beyond the mode.
        var term = exp(logProbability(of: x))
        var sum = 0.0
        var j = x
        let size = isPoisson ? Double.infinity : 1 / dispersion
        let ratio = isPoisson ? 0 : mean / (size + mean)
        while term > 0 && j < x + 1_000_000 {
            sum += term
            let next =
                isPoisson
                ? term * mean / Double(j + 1)
                : term * (Double(j) + size) / Double(j + 1) * ratio
            j += 1
            if next < sum * 1e-16 { break }
            term = next
        }
        return min(1, sum)
    }

    /// Log-likelihood ratio of `count` under a mean `ratio` times higher versus this baseline.
    ///
    /// The per-interval increment of the CUSUM: positive when the count fits the raised mean better.
    public func logLikelihoodRatio(of count: Double, ratio: Double) -> Double {
        if isPoisson { return count * log(ratio) - mean * (ratio - 1) }
        let size = 1 / dispersion
        let raised = ratio * mean
        return count * log(ratio * (mean + size) / (raised + size))
            - size * log((raised + size) / (mean + size))
    }
}
