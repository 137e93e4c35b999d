// SPDX-License-Identifier: Apache-2.0
import FailwatchStore
import Foundation
import Yams

/// feeds.yml (version 1) as typed values, read and validated once, so the rest of failwatch
/// never handles option strings and a mistake is reported with its line before any fetch.
public struct FeedsConfig: Sendable, Equatable {
    /// Schema version; always 1.
    public var version: Int
    /// Zone for day boundaries in reports and baselines (`timezone:`, default UTC).
    public var timezone: TimeZone
    /// Where the SQLite store lives.
    public var store: StoreConfig
    /// Limits for HTTP fetches.
    public var fetch: FetchSettings
    /// Who is watched.
    public var providers: [ProviderConfig]
    /// Where posts come from.
    public var sources: [SourceConfig]
    /// Where alerts go (`sinks:`, optional).
    public var sinks: [SinkConfig]
    /// `classifier: {model: path}`: a model from `failwatch train` used with the rules.
    public var classifier: ClassifierConfig
    /// `detection:` for every provider (each may override it).
    public var detection: DetectionConfig
    /// `alerts:`: what every alert carries besides the evidence.
    public var alerts: AlertsConfig
    /// `retention:`: what `prune` deletes; nothing without the section.
    public var retention = RetentionConfig()
    /// The `env_file:` read for `${VAR}`s (absolute path), if any.
    public var environmentFile: String?
    /// Loaded with ``SecretsPolicy/optional``: why sinks and headers were left out, one phrase
    /// each (`SLACK_URL is not set (needed by 'url' in sink 'slack')`, an unreadable env_file);
    /// never values.
    public var unsetSecrets: [String] = []

    public init(
        version: Int = 1, timezone: TimeZone = TimeZone(secondsFromGMT: 0) ?? .current, store: StoreConfig,
        fetch: FetchSettings = .defaults, providers: [ProviderConfig], sources: [SourceConfig],
        sinks: [SinkConfig] = [], classifier: ClassifierConfig = ClassifierConfig(),
        detection: DetectionConfig = DetectionConfig(), alerts: AlertsConfig = AlertsConfig()
    ) {
        self.version = version
        self.timezone = timezone
        self.store = store
        self.fetch = fetch
        self.providers = providers
        self.sources = sources
        self.sinks = sinks
        self.classifier = classifier
        self.detection = detection
        self.alerts = alerts
    }

    /// The detection settings of the provider `id`: its own `detection:` over the top level's.
    public func detection(for id: String) -> DetectionConfig {
        detection.overridden(by: providers.first { $0.id == id }?.detection)
    }

    /// Reads and validates the file at `path`; relative paths inside it are resolved
    /// against its directory.
    /// - Parameters:
    ///   - path: as the user gave it; it is also the file name in messages.
    ///   - environment: values for `${VAR}`; they win over `env_file:`'s.
    ///   - secrets: `.optional` for commands that neither fetch nor send: sinks and headers whose
    ///     variables are unset are left out instead of refusing the file.
    ///   - missingFileHint: what the frontend tells a user whose file is missing or unreadable (the
    ///     CLI names its flag and variable); the kit knows no command line.
    /// - Throws: ``ConfigError`` with every problem found.
    public static func load(
        path: String, environment: [String: String], secrets: SecretsPolicy = .required,
        missingFileHint: String? = nil
    ) throws(ConfigError) -> FeedsConfig {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason =
                FileManager.default.fileExists(atPath: url.path) ? "cannot read the file" : "no such file"
            throw .unreadable(file: path, reason: reason + (missingFileHint.map { "; hint: \($0)" } ?? ""))
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: path, reason: "the file is not UTF-8 text")
        }
        return try parse(
            yaml: yaml, fileName: path, baseDirectory: url.deletingLastPathComponent(), environment: environment,
            secrets: secrets)
    }

    /// Parses and validates feeds.yml text.
    /// - Parameters:
    ///   - yaml: the file's text.
    ///   - fileName: how messages name the file.
    ///   - baseDirectory: against which relative `store.path` and `file:` URLs are resolved.
    ///   - environment: values for `${VAR}`; they win over `env_file:`'s.
    ///   - secrets: whether unset variables of sinks and headers may wait (see ``load(path:environment:secrets:)``).
    /// - Throws: ``ConfigError/invalid(_:)`` with every problem, in file order.
    public static func parse(
        yaml: String, fileName: String, baseDirectory: URL, environment: [String: String],
        secrets: SecretsPolicy = .required
    ) throws(ConfigError) -> FeedsConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw .invalid([YAMLSyntaxDiagnostic.make(from: error, yaml: yaml, fileName: fileName)])
        }
        var reader = ConfigReader(
            fileName: fileName, baseDirectory: baseDirectory, environment: environment, secrets: secrets)
        let config = reader.readFeedsConfig(root)
        guard let config, reader.diagnostics.isEmpty else {
            let sorted = reader.diagnostics.enumerated().sorted {
                ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
            }
            throw .invalid(sorted.map(\.element))
        }
        return config
    }
}
