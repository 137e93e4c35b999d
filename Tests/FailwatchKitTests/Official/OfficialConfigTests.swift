// SPDX-License-Identifier: Apache-2.0
import FailwatchKit
import Foundation
import Testing

/// feeds.yml: `kind: statuspage`, `official:` on any source, `internal:` per provider.
@Suite struct OfficialConfigTests {
    static func yaml(provider: String = "", source: String = "") -> String {
        """
        version: 1
        providers:
          - name: Vodafone
        \(provider)
        sources:
          - name: status
            url: https://status.example.com
        \(source)
        """
    }

    @Test func statusPageAndOfficialSourcesAreRead() throws {
        let config = try ConfigTestSupport.parse(
            """
            version: 1
            providers:
              - name: Vodafone
            sources:
              - name: status
                kind: statuspage
                url: https://status.example.com
                providers: vodafone
              - name: press
                url: https://example.com/press.rss
                official: true
            """)
        #expect(config.sources.map(\.kind) == [.statuspage, .feed])
        #expect(config.sources.map(\.isOfficial) == [true, true])
        #expect(config.sources.map(\.officialProviderID) == ["vodafone", nil])
    }

    @Test func internalMonitorIsReadWithSecretHeaders() throws {
        let config = try ConfigTestSupport.parse(
            Self.yaml(
                provider: """
                        internal:
                          alertmanager: http://alertmanager:9093
                          filter: ['provider="vodafone"', 'severity=~"critical|page"']
                          headers: {Authorization: "Bearer ${AM_TOKEN}"}
                          timeout: 3s
                    """), environment: ["AM_TOKEN": "t0k"])
        let monitor = try #require(config.providers.first?.internalMonitor)
        #expect(monitor.check == .alertmanager(filter: ["provider=\"vodafone\"", "severity=~\"critical|page\""]))
        #expect(monitor.headers == ["Authorization": "Bearer t0k"])
        #expect(monitor.timeout == 3)
        #expect(
            monitor.request.url.absoluteString
                == "http://alertmanager:9093/api/v2/alerts?active=true&silenced=false&inhibited=false"
                + "&filter=provider%3D%22vodafone%22&filter=severity%3D~%22critical%7Cpage%22")
    }

    @Test(arguments: [
        ("    official: yes", "", "expected true or false for 'official' in source 'status'"),
        ("", "    internal:\n      timeout: 3s", "needs alertmanager: or health:"),
        ("", "    internal:\n      health: https://a.example/h\n      alertmanager: https://b.example", "has both"),
        ("", "    internal:\n      health: https://a.example/h\n      filter: [x=\"y\"]", "only applies to alertmanager"),
        ("", "    internal:\n      health: ftp://a.example/h", "invalid url 'ftp://a.example/h'"),
        ("", "    internal:\n      helth: https://a.example/h", "did you mean 'health'"),
    ])
    func mistakesPointAtTheLine(_ source: String, _ provider: String, _ message: String) {
        let errors = ConfigTestSupport.errors(Self.yaml(provider: provider, source: source))
        #expect(errors.contains { $0.contains(message) }, "\(errors)")
    }
}
