// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

@Test(arguments: [
    (1.0, 0.0, 3.0, 1 - exp(-1) * 2.5),  // Poisson(1): P(X >= 3)
    (2.0, 1.0, 1.0, 2.0 / 3.0),  // geometric with p = 1/3: P(X >= 1) = 1 - 1/3
    (2.0, 1.0, 4.0, pow(2.0 / 3.0, 4)),  // geometric: P(X >= 4) = q^4
])
func upperTailMatchesClosedForms(mean: Double, dispersion: Double, count: Double, expected: Double) {
    let tail = NegativeBinomial(mean: mean, dispersion: dispersion).upperTail(count)
    #expect(abs(tail - expected) < 1e-9)
}

@Test func overdispersionMakesBurstsLessSurprising() {
    let poisson = NegativeBinomial(mean: 10, dispersion: 0).upperTail(30)
    let noisy = NegativeBinomial(mean: 10, dispersion: 0.5).upperTail(30)
    #expect(poisson < 1e-6)
    #expect(noisy > 0.01)
}

@Test func sparseBaselineStillGivesFiniteTinyTails() {
    let tail = NegativeBinomial(mean: 0.01, dispersion: 0.5).upperTail(30)
    #expect(tail > 0 && tail < 1e-40)
}

@Test func likelihoodRatioFavoursTheRiseOnlyAboveTheCrossover() {
    let model = NegativeBinomial(mean: 10, dispersion: 0.2)
    #expect(model.logLikelihoodRatio(of: 10, ratio: 5) < 0)
    #expect(model.logLikelihoodRatio(of: 80, ratio: 5) > 0)
}
