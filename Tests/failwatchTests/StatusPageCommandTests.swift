// SPDX-License-Identifier: Apache-2.0
import FailwatchTestSupport
import Foundation
import Testing

/// `failwatch poll` reads a status page as statements and `failwatch status` shows its state.
@Suite struct StatusPageCommandTests {
    @Test func statusShowsTheProvidersStatusPage() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fw-statuspage-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = """
            {"page": {"id": "p", "name": "Vodafone", "url": "https://status.vodafone.example", "updated_at": "2026-11-21T08:52:10Z"},
             "components": [{"id": "c1", "name": "Kabel Berlin", "status": "major_outage"}],
             "incidents": [{"id": "i1", "name": "Kabelstörung Berlin", "status": "investigating", "impact": "major",
                            "created_at": "2026-11-21T08:31:44Z", "updated_at": "2026-11-21T08:31:44Z",
                            "incident_updates": [], "components": []}],
             "scheduled_maintenances": [],
             "status": {"indicator": "major", "description": "Partial System Outage"}}
            """
        try summary.write(to: folder.appendingPathComponent("summary.json"), atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("feeds.yml").path
        try """
            version: 1
            store:
              path: store.sqlite
            providers:
              - name: Vodafone
              - name: Telekom
            sources:
              - name: vodafone-status
                kind: statuspage
                url: file:summary.json
                providers: [vodafone]
            """.write(toFile: config, atomically: true, encoding: .utf8)

        let poll = try await FailwatchBinary.run(["poll", "--config", config, "--now", "2026-11-21T09:00:00Z"])
        let status = try await FailwatchBinary.run(["status", "--config", config, "--now", "2026-11-21T09:05:00Z"])

        #expect(poll.exitCode == 0, "\(poll.stderr)")
        #expect(poll.stderr.contains("0 new posts"), "\(poll.stderr)")
        #expect(status.exitCode == 0, "\(status.stderr)")
        #expect(status.stdout.contains("Status pages"))
        #expect(
            status.stdout.split(separator: "\n").contains {
                $0.hasPrefix("vodafone ") && $0.hasSuffix("Kabelstörung Berlin (investigating, major)")
            }, "\(status.stdout)")
        #expect(!status.stdout.contains("telekom "))
    }
}
