// SPDX-License-Identifier: Apache-2.0
@testable import FailwatchCore
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
    var c = Classification(
        label: .outage, sentiment: -0.25, language: "de",
        providers: [
            ProviderVerdict(id: "netz", label: .outage, sentiment: -0.25, symptom: .sms),
            ProviderVerdict(id: "kabel", label: .neutral, sentiment: 0),
        ])
    c.symptom = .sms
    ClassifyJSONL.appendOutput(id: "q\"1", classification: c, to: &out)
    #expect(
        String(decoding: out, as: UTF8.self)
            == #"{"id":"q\"1","label":"outage","complaint":true,"outage":true,"sentiment":-0.2500,"lang":"de","symptom":"sms","repost":false,"providers":[{"id":"netz","label":"outage","outage":true,"symptom":"sms"},{"id":"kabel","label":"neutral","outage":false,"symptom":null}]}"#
                + "\n")
}

private func read(_ line: String) -> (ClassifyJSONL.Fields, String, String?)? {
    var text: [UInt8] = []
    let bytes = Array(line.utf8)
    return bytes.withUnsafeBufferPointer { buf in
        ClassifyJSONL.read(buf, text: &text).map { fields in
            (fields, String(decoding: text, as: UTF8.self), fields.id.map { String(decoding: buf[$0], as: UTF8.self) })
        }
    }
}

@Test func readsInPlaceWithTheIdAsWritten() throws {
    let (fields, text, id) = try #require(read(#"{"x":{"y":[1,"}"]},"id":"a\"1","text":"St\u00f6rung \ud83d\ude21","lang":"de-AT"}"#))
    #expect(text == "Störung 😡")
    #expect(id == #""a\"1""#)
    #expect(fields.idIsString)
    #expect(fields.language == "de")
    let numeric = try #require(read(#"{"id":17,"text":"x","lang":"EN"}"#))
    #expect(numeric.2 == "17" && !numeric.0.idIsString && numeric.0.language == "en")
    #expect(read(#"{"id":null,"text":"x","lang":"fr"}"#)?.0 == ClassifyJSONL.Fields(id: nil, language: "other"))
}

@Test(arguments: ["not json", #"{"id":"1"}"#, #"{"text":5}"#, #"{"text":"x""#, "[]", #"{"text":"x"} trailing"#, #"{"text":"\u12"}"#])
func readRejectsWhatParseRejects(line: String) {
    #expect(read(line) == nil)
}

@Test func writesTheInputIdBack() {
    var out: [UInt8] = []
    let c = Classification(label: .positive, sentiment: 0.5, language: "en")
    let raw = Array(#""q\"1""#.utf8)
    raw.withUnsafeBufferPointer { ClassifyJSONL.appendOutput(rawID: $0, idIsString: true, classification: c, to: &out) }
    Array("42".utf8).withUnsafeBufferPointer {
        ClassifyJSONL.appendOutput(rawID: $0, idIsString: false, classification: c, to: &out)
    }
    ClassifyJSONL.appendOutput(rawID: nil, idIsString: false, classification: c, to: &out)
    let lines = String(decoding: out, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix(#"{"id":"q\"1","label":"positive""#))
    #expect(lines[1].hasPrefix(#"{"id":"42","label""#))
    #expect(lines[2].hasPrefix(#"{"id":"","label""#))
}

@Test func findsQuotesAndEscapesAtEveryPlaceInAWord() throws {
    // Strings are scanned eight bytes at a time: an escape or the closing quote may stand anywhere in a word.
    for before in 0..<17 {
        let head = String(repeating: "a", count: before)
        let (_, text, _) = try #require(read(#"{"text":"\#(head)\"q\\\#(head)é","id":"\#(head)"}"#))
        #expect(text == head + "\"q\\" + head + "é")
    }
}
