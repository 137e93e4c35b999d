// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
@testable import FailwatchKit
import Testing

private let examples: [LinearModelTrainer.Example] = {
    var result: [LinearModelTrainer.Example] = []
    let complaints = [
        "my parcel never arrived", "parcel still not here after two weeks", "where is my parcel",
        "the parcel came broken", "parcel lost again", "you lost my parcel",
    ]
    let fine = [
        "what are your opening hours", "do you ship to austria", "can I pay by card",
        "is the shop open on sunday", "do you have this in blue", "how do I change my address",
    ]
    for t in complaints { result.append(.init(text: t, language: "en", label: "complaint")) }
    for t in fine { result.append(.init(text: t, language: "en", label: "not_complaint")) }
    return result
}()

@Test func trainingIsDeterministic() throws {
    let a = try LinearModelTrainer.train(examples).serialized()
    let b = try LinearModelTrainer.train(examples).serialized()
    #expect(a == b)
    #expect(a.hasPrefix("failwatch-linear-model 1\n"))
}

@Test func savedModelReadsBackTheSame() throws {
    let model = try LinearModelTrainer.train(examples)
    let again = try LinearModel.parse(model.serialized())
    #expect(again.classes == ["complaint", "not_complaint"])
    #expect(again.serialized() == model.serialized())
}

@Test func modelLearnsWhatTheRulesMiss() throws {
    let model = try LinearModelTrainer.train(examples)
    let text = "where is my parcel"
    #expect(!Classifier().classify(text, language: "en").complaint)
    #expect(Classifier(model: model).classify(text, language: "en").complaint)
}

@Test func rejectsUnknownLabelsAndNonModels() {
    let bytes = Array(#"{"text":"x","label":"angry"}"#.utf8)
    #expect(throws: ModelError.unknownLabel(line: 1, label: "angry")) { try LinearModelTrainer.examples(fromJSONL: bytes) }
    #expect(throws: ModelError.notAModel) { try LinearModel.parse("hello") }
}

@Test func crossValidationReportsMicroAndMacro() throws {
    let cv = try LinearModelTrainer.crossValidate(examples, folds: 3)
    #expect(cv.folds == 3)
    #expect(cv.classF1.map(\.0) == ["complaint", "not_complaint"])
    #expect(cv.microF1 >= 0 && cv.microF1 <= 1 && cv.macroF1 <= cv.microF1 + 1)
}
