// SPDX-License-Identifier: Apache-2.0
import FailwatchTestSupport
import Foundation
import Testing

@Test func classifyAnswersEveryGoodLineInOrderAndNamesBadOnes() async throws {
    let input = """
        {"id":"a","text":"Telekom Störung, kein Netz seit 20 min","lang":"de"}
        this is not json
        {"id":"b","text":"I love the new update, thanks!"}

        """
    let result = try await FailwatchBinary.run(["classify"], stdin: Data(input.utf8))
    // Every good line is answered, and the broken one makes the exit status say so.
    #expect(result.exitCode == 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    let first = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect(first["id"] as? String == "a")
    #expect(first["label"] as? String == "outage")
    #expect(first["complaint"] as? Bool == true)
    #expect(first["outage"] as? Bool == true)
    #expect(first["lang"] as? String == "de")
    let second = try #require(JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
    #expect(second["id"] as? String == "b")
    #expect(second["label"] as? String == "positive")
    #expect(second["lang"] as? String == "en")
    #expect((second["sentiment"] as? Double ?? 0) > 0)
    #expect(result.stderr == "classify: line 2: not a flat JSON object with a string \"text\"\n")
}

@Test func explainShowsLabelLanguageAndRules() async throws {
    let result = try await FailwatchBinary.run(["explain", "Ist Vodafone down? Bei euch auch?", "--lang", "de"])
    #expect(result.exitCode == 0)
    #expect(result.stdout.contains("label:     outage"))
    #expect(result.stdout.contains("language:  de"))
    #expect(result.stdout.contains("\"down\" as a state"))
    #expect(result.stdout.contains("bei euch auch"))
}

@Test func explainAndClassifyWithAConfigUseItsProvidersAndTheirTerms() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fw-explain-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let config = folder.appendingPathComponent("feeds.yml")
    try """
    version: 1
    providers:
      - name: Vodafone
      - name: NetCologne
        outage_terms: ["modem tanzt"]
    sources:
      - name: forum
        url: https://forum.example.org/feed.xml

    """.write(to: config, atomically: true, encoding: .utf8)
    let text = "Bei Vodafone alles ruhig, aber bei NetCologne modem tanzt seit einer Stunde"
    let plain = try await FailwatchBinary.run(["explain", text, "--lang", "de"])
    let configured = try await FailwatchBinary.run(["explain", text, "--lang", "de", "--config", config.path])

    #expect(!plain.stdout.contains("provider:"))
    #expect(configured.exitCode == 0)
    #expect(configured.stdout.contains("provider:  netcologne → outage"), "\(configured.stdout)")
    #expect(!configured.stdout.contains("vodafone → outage"), "\(configured.stdout)")
    let post = Data("{\"id\":\"1\",\"text\":\"\(text)\",\"lang\":\"de\"}\n".utf8)
    let rulesOnly = try await FailwatchBinary.run(["classify"], stdin: post)
    let asPolled = try await FailwatchBinary.run(["classify", "--config", config.path], stdin: post)
    #expect(!rulesOnly.stdout.contains("\"label\":\"outage\""), "\(rulesOnly.stdout)")
    #expect(asPolled.stdout.contains("\"label\":\"outage\""), "\(asPolled.stdout)")
    let broken = try await FailwatchBinary.run(["explain", text, "--config", folder.appendingPathComponent("nope.yml").path])
    #expect(broken.exitCode == 1)
    #expect(broken.stderr.contains("nope.yml"))
}

@Test func trainWritesTheSameModelTwiceAndClassifyUsesIt() async throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("failwatch-train-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let data = """
        {"text":"parcel never arrived","label":"complaint"}
        {"text":"parcel lost again","label":"complaint"}
        {"text":"where is my parcel","label":"complaint"}
        {"text":"opening hours please","label":"neutral"}
        {"text":"do you ship to austria","label":"neutral"}
        {"text":"can I pay by card","label":"neutral"}
        """
    let path = dir.appendingPathComponent("data.jsonl").path
    try data.write(toFile: path, atomically: true, encoding: .utf8)
    let a = dir.appendingPathComponent("a.txt").path
    let b = dir.appendingPathComponent("b.txt").path
    #expect(try await FailwatchBinary.run(["train", "--data", path, "--out", a]).exitCode == 0)
    #expect(try await FailwatchBinary.run(["train", "--data", path, "--out", b, "--cv", "3"]).stdout.contains("macro-F1="))
    #expect(try String(contentsOfFile: a, encoding: .utf8) == String(contentsOfFile: b, encoding: .utf8))
    let classified = try await FailwatchBinary.run(
        ["classify", "--model", a], stdin: Data(#"{"id":"x","text":"where is my parcel","lang":"en"}"#.utf8))
    #expect(classified.stdout.contains(#""label":"complaint""#))
    let rulesOnly = try await FailwatchBinary.run(
        ["classify"], stdin: Data(#"{"id":"x","text":"where is my parcel","lang":"en"}"#.utf8))
    #expect(!rulesOnly.stdout.contains(#""label":"complaint""#))
}
