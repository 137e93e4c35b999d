// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

/// `env_file:` as systemd's EnvironmentFile= reads it, and how its values meet the process environment.
@Suite struct EnvironmentFileTests {
    @Test func readsKeyValueLinesCommentsAndQuotes() throws {
        let text = """
            # written by the deploy script
            ; another comment style
              SLACK_URL = https://hooks.example.org/T1/B2 \t
            PLAIN=a # not a comment
            SINGLE='keeps \\n and $HOME as written'
            DOUBLE="say \\"hi\\" for \\$5"
            MULTI="first
            second"
            JOINED=one \\
              two
            EMPTY=

            """
        let values = try EnvironmentFile.parse(text).get()

        #expect(values["SLACK_URL"] == "https://hooks.example.org/T1/B2")
        #expect(values["PLAIN"] == "a # not a comment")
        #expect(values["SINGLE"] == "keeps \\n and $HOME as written")
        #expect(values["DOUBLE"] == "say \"hi\" for $5")
        #expect(values["MULTI"] == "first\nsecond")
        #expect(values["JOINED"] == "one two")
        #expect(values["EMPTY"] == "")
        #expect(values.count == 7)
    }

    @Test func laterLinesWinAndWindowsLineEndsAreRead() throws {
        let values = try EnvironmentFile.parse("TOKEN=old\r\nTOKEN=new\r\n").get()
        #expect(values == ["TOKEN": "new"])
    }

    @Test(arguments: [
        ("just-a-secret-value\n", 1, "expected KEY=VALUE"),
        ("OK=1\n2BAD=secret\n", 2, "invalid variable name"),
        ("OK=1\nTOKEN=\"unterminated secret\n", 2, "no closing quote"),
        ("TOKEN='closed' trailing-secret\n", 1, "no closing quote or text after it"),
    ])
    func badLinesNameTheLineNeverTheValue(text: String, line: Int, message: String) {
        guard case .failure(let problem) = EnvironmentFile.parse(text) else {
            Issue.record("\(text) was accepted")
            return
        }
        #expect(problem.line == line)
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(!problem.message.contains("secret"))
    }

    @Test func configReadsTheEnvFileBesideItAndTheProcessEnvironmentWins() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fw-env-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "HOOK=https://file.example.org/x\nAGENT=from-file\n".write(
            to: folder.appendingPathComponent("failwatch.env"), atomically: true, encoding: .utf8)
        let yaml = ConfigTestSupport.minimal + """
            env_file: failwatch.env
            fetch: {user_agent: "${AGENT}"}
            sinks:
              - {name: chat, kind: slack, url: "${HOOK}"}

            """
        let fromFile = try FeedsConfig.parse(yaml: yaml, fileName: "feeds.yml", baseDirectory: folder, environment: [:])
        let overridden = try FeedsConfig.parse(
            yaml: yaml, fileName: "feeds.yml", baseDirectory: folder, environment: ["AGENT": "from-shell"])

        #expect(fromFile.sinks.first?.url.host == "file.example.org")
        #expect(fromFile.fetch.userAgent == "from-file")
        #expect(fromFile.environmentFile == folder.appendingPathComponent("failwatch.env").standardizedFileURL.path)
        #expect(overridden.fetch.userAgent == "from-shell")
    }

    @Test func aMissingEnvFileStopsPollButNotTheCommandsThatSendNothing() throws {
        let yaml = ConfigTestSupport.minimal + "env_file: nowhere.env\n"
        let errors = ConfigTestSupport.errors(yaml)
        let optional = try FeedsConfig.parse(
            yaml: yaml, fileName: "feeds.yml", baseDirectory: ConfigTestSupport.base, environment: [:],
            secrets: .optional)

        #expect(errors == ["feeds.yml:7:11: env_file 'nowhere.env' (/srv/failwatch/nowhere.env): no such file; hint: the path is relative to this file"])
        #expect(optional.unsetSecrets == ["env_file /srv/failwatch/nowhere.env: no such file"])
    }

    @Test func aSourceTokenIsASecretTooTheCommandsThatSendNothingLoadWithoutIt() throws {
        // Backtest, report and status on a copy of the store, on a machine without the API tokens.
        let yaml =
            "version: 1\nproviders: [{name: Vodafone}]\nsources:\n" + """
              - {name: x-search, kind: x, url: "https://api.x.com", query: vodafone, token: "${X_TOKEN}"}
              - {name: sky, kind: bluesky, url: "https://public.api.bsky.app", query: vodafone, token: "${SKY_TOKEN}"}
              - {name: page, kind: facebook, url: "https://graph.facebook.com/v21.0", page_id: vf, token: "${FB_TOKEN}"}
              - {name: insta, kind: instagram, url: "https://graph.facebook.com/v21.0", account_id: "17", token: "${IG_TOKEN}"}
              - {name: threads, kind: threads, url: "https://graph.threads.net/v1.0", token: "${TH_TOKEN}"}
              - {name: empty, kind: x, url: "https://api.x.com", query: vodafone, token: "  "}

            """
        let optional = ConfigTestSupport.errors(yaml, environment: [:], secrets: .optional)
        let required = ConfigTestSupport.errors(yaml)
        let loaded = try FeedsConfig.parse(
            yaml: yaml.replacingOccurrences(of: "  - {name: empty", with: "# - {name: empty"), fileName: "feeds.yml",
            baseDirectory: ConfigTestSupport.base, environment: [:], secrets: .optional)

        #expect(optional == ["feeds.yml:9:78: 'token' in source 'empty' is empty"])
        #expect(required.count == 6)
        #expect(loaded.sources.map(\.name) == ["x-search", "sky", "page", "insta", "threads"])
        #expect(loaded.sources.first?.query == .x(XQuery(target: .search("vodafone"))))
        #expect(loaded.unsetSecrets.count == 5)
        #expect(loaded.unsetSecrets.first == "X_TOKEN is not set (needed by 'token' in source 'x-search')")
    }

    @Test func optionalSecretsLeaveOutOnlyTheSinksAndHeadersThatNeedThem() throws {
        let yaml = """
            version: 1
            providers:
              - name: Vodafone
            sources:
              - name: api
                url: https://example.org/feed.xml
                headers: {Authorization: "Bearer ${API_TOKEN}", Accept: application/json}
            sinks:
              - {name: chat, kind: slack, url: "${HOOK}"}
              - {name: team, kind: mattermost, url: "https://chat.example.org/hooks/x"}

            """
        let config = try FeedsConfig.parse(
            yaml: yaml, fileName: "feeds.yml", baseDirectory: ConfigTestSupport.base, environment: [:],
            secrets: .optional)
        let required = ConfigTestSupport.errors(yaml)
        let withStoreVariable = yaml.replacingOccurrences(
            of: "version: 1\n", with: "version: 1\nstore: {path: \"${DATA}/x.sqlite\"}\n")

        #expect(config.sinks.map(\.name) == ["team"])
        #expect(config.sources.first?.headers == ["Accept": "application/json"])
        #expect(config.unsetSecrets == [
            "API_TOKEN is not set (needed by 'headers.Authorization' in source 'api')",
            "HOOK is not set (needed by 'url' in sink 'chat')",
        ])
        #expect(required.count == 2)
        // Only secrets may wait: a store path from the environment is needed by every command.
        #expect(throws: ConfigError.self) {
            try FeedsConfig.parse(
                yaml: withStoreVariable, fileName: "feeds.yml", baseDirectory: ConfigTestSupport.base,
                environment: [:], secrets: .optional)
        }
    }
}
