// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

/// Status page documents under `Fixtures/api/statuspage/`, each pinned by
/// `NAME.expected.json` (the statements it yields). RECORD_SNAPSHOTS=1 rewrites them.
@Suite struct StatusPageReaderTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/api/statuspage")
    static let origin = StatusPageReader.Origin(
        sourceName: "examplenet-status", providerID: "examplenet",
        fetched: Date(timeIntervalSince1970: 1_795_251_600))

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    static func read(_ name: String) throws -> [OfficialStatement] {
        let data = try fixture(name)
        if StatusPageReader.isJSON(data) { return try StatusPageReader.statements(json: data, origin: origin) }
        return StatusPageReader.statements(feed: try FeedParser.parse(data), origin: origin)
    }

    @Test(arguments: ["summary-incident.json", "summary-operational.json", "incidents.json", "history.rss", "history.atom"])
    func matchesExpectedStatements(_ name: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let actual = String(decoding: try encoder.encode(Self.read(name)), as: UTF8.self) + "\n"
        let expectedURL = Self.folder.appendingPathComponent(name + ".expected.json")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
            || !FileManager.default.fileExists(atPath: expectedURL.path)
        {
            try Data(actual.utf8).write(to: expectedURL)
            Issue.record("recorded \(expectedURL.lastPathComponent); run again to compare")
            return
        }
        #expect(actual == (try String(contentsOf: expectedURL, encoding: .utf8)), "\(name) differs from its golden")
    }

    @Test func summaryWithIncidentNamesTheOpenIncidentAndTroubledComponents() throws {
        let statements = try Self.read("summary-incident.json")
        let page = try #require(statements.first { $0.kind == .status })
        #expect(page.externalID == OfficialStatement.pageStatusID)
        #expect(page.status == "major")
        #expect(page.title == "Partial System Outage")
        // Groups repeat their members' state and are left out.
        #expect(page.components == ["DSL Berlin", "Mobile"])
        let incident = try #require(statements.first { $0.kind == .incident })
        #expect(incident.isOpen)
        #expect(incident.status == "identified")
        #expect(incident.body == "We have identified a failed <b>router</b> in Berlin and are replacing it.")
        #expect(incident.createdAt == FeedDate.parse("2026-11-21T07:31:44Z"))
        // A maintenance only scheduled is not going on.
        #expect(statements.first { $0.kind == .maintenance }?.isOpen == false)
    }

    @Test func operationalSummaryIsOnePageStatusRow() throws {
        let statements = try Self.read("summary-operational.json")
        #expect(statements.count == 1)
        #expect(statements.first?.status == "none")
        #expect(statements.first?.components == [])
    }

    @Test func historyFeedTakesTheNewestStatusAndSkipsPlainUpdates() throws {
        let rss = try Self.read("history.rss")
        #expect(rss.map(\.status) == ["identified", "resolved", "scheduled"])
        #expect(rss.map(\.kind) == [.incident, .incident, .maintenance])
        #expect(rss.map(\.isOpen) == [true, false, false])
        let atom = try Self.read("history.atom")
        #expect(atom.map(\.status) == ["resolved", "investigating"])
        #expect(atom.first?.resolvedAt == FeedDate.parse("2026-11-21T08:25:00Z"))
        #expect(atom.last?.externalID == "tag:status.examplenet.de,2005:Incident/9920002")
    }

    @Test(arguments: [
        ("<!DOCTYPE html><html><body>Maintenance</body></html>", "api: malformed response: statuspage: not JSON"),
        ("{\"page\": {\"id\": \"x\"}}", "api: unexpected response: statuspage: no status, incident, incidents or scheduled_maintenances"),
        ("{\"incidents\": {\"name\": \"no id\"}}", "api: unexpected response: statuspage: bad value at 'incidents'"),
        ("{\"incidents\": \"none\"}", "api: unexpected response: statuspage: bad value at 'incidents'"),
        ("[1, 2]", "api: unexpected response: statuspage: bad value at ''"),
    ])
    func unusableJSONIsAClearError(_ body: String, _ message: String) {
        #expect(throws: APIError.self) { try StatusPageReader.statements(json: Data(body.utf8), origin: Self.origin) }
        do {
            _ = try StatusPageReader.statements(json: Data(body.utf8), origin: Self.origin)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test(arguments: [
        ("https://status.example.com", [
            "https://status.example.com/api/v2/summary.json", "https://status.example.com/api/v2/incidents.json",
        ]),
        ("https://example.com/status/", [
            "https://example.com/status/api/v2/summary.json", "https://example.com/status/api/v2/incidents.json",
        ]),
        ("https://status.example.com/api/v2/summary.json", ["https://status.example.com/api/v2/summary.json"]),
        ("https://status.example.com/history.rss", ["https://status.example.com/history.rss"]),
        ("https://status.example.com/history.atom", ["https://status.example.com/history.atom"]),
    ])
    func baseURLReadsSummaryAndIncidents(_ url: String, _ documents: [String]) throws {
        #expect(StatusPageReader.documents(for: try #require(URL(string: url))).map(\.absoluteString) == documents)
    }
}
