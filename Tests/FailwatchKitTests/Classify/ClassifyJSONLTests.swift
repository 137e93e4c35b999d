// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchKit
import Testing

private func parse(_ line: String) -> ClassifyJSONL.Post? {
    Array(line.utf8).withUnsafeBufferPointer { ClassifyJSONL.parse($0) }
}

@Test func readsIdTextLangAndDecodesEscapes() throws {
    let post = try #require(parse(#"{"id":"a1","text":"St\u00f6rung \"jetzt\"\n\ud83d\ude21","lang":"de","x":[1,{"y":2}]}"#))
    #expect(post.id == "a1")
    #expect(String(decoding: post.text, as: UTF8.self) == "Störung \"jetzt\"\n😡")
    #expect(post.lang == "de")
}

@Test func readsLabelsAndComplaintFlags() {
    #expect(parse(#"{"text":"x","label":"negative"}"#)?.label == "negative")
    #expect(parse(#"{"text":"x","complaint":true}"#)?.label == "complaint")
    #expect(parse(#"{"text":"x","complaint":false}"#)?.label == "not_complaint")
}

@Test(arguments: ["not json", #"{"id":"1"}"#, #"{"text":5}"#, #"{"text":"x""#, "[]", #"{"text":"x"} trailing"#])
func rejectsLinesWithoutAStringText(line: String) {
    #expect(parse(line) == nil)
}

@Test func writesTheHarnessContract() {
    var out: [UInt8] = []
    let c = Classification(label: .outage, sentiment: -0.25, language: "de")
    ClassifyJSONL.appendOutput(id: "q\"1", classification: c, to: &out)
    #expect(
        String(decoding: out, as: UTF8.self)
            == #"{"id":"q\"1","label":"outage","complaint":true,"outage":true,"sentiment":-0.2500,"lang":"de"}"# + "\n")
}
