// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchStore
import Foundation
import Yams

/// The sections of feeds.yml version 1: top level, `store`, `fetch`, `classifier`, `providers`, `sources`, `sinks`.
extension ConfigReader {
    static let topKeys = [
        "version", "timezone", "env_file", "store", "fetch", "classifier", "providers", "sources", "sinks", "detection", "alerts",
        "retention",
    ]
    static let storeKeys = ["path", "url", "lease"]
    static let classifierKeys = ["model"]
    static let fetchKeys = ["concurrency", "timeout", "max_body", "max_decompressed", "max_redirects", "user_agent"]
    static let providerKeys = [
        "id", "name", "aliases", "handles", "hashtags", "domains", "exclude", "languages", "places", "outage_terms",
        "negative_terms", "internal", "detection", "maintenance", "status_url", "holding_statement",
    ]
    static let sourceKeys = [
        "name", "kind", "url", "providers", "interval", "headers", "max_pages", "backfill", "official", "announce",
    ]

    /// Reads the whole document; `nil` when anything was reported.
    mutating func readFeedsConfig(_ root: Node?) -> FeedsConfig? {
        guard let root, !Self.isNull(root) else {
            report("the file is empty; hint: start with 'version: 1'", at: nil)
            return nil
        }
        guard
            let top = fields(
                of: root, allowed: Self.topKeys, context: "at the top level", expected: "a mapping",
                allowExtensions: true)
        else { return nil }
        let envFile = readEnvironmentFile(top)
        readVersion(top)
        let timezone = readTimeZone(top)
        let store = readStore(top)
        let fetch = top["fetch"].flatMap { readFetch($0) } ?? .defaults
        let classifier = top["classifier"].flatMap { readClassifier($0) } ?? ClassifierConfig()
        let providers = readProviders(top, timeZone: timezone)
        let sources = readSources(top, providerIDs: Set(providers.map(\.id)))
        let sinks = readSinks(top, providerIDs: Set(providers.map(\.id)))
        let detection = readDetection(top["detection"], context: "") ?? DetectionConfig()
        let alerts = readAlerts(top["alerts"])
        let retention = readRetention(top["retention"])
        guard diagnostics.isEmpty, let store else { return nil }
        var config = FeedsConfig(
            version: 1, timezone: timezone, store: store, fetch: fetch, providers: providers, sources: sources,
            sinks: sinks, classifier: classifier, detection: detection, alerts: alerts)
        config.retention = retention
        config.environmentFile = envFile
        config.unsetSecrets = unsetSecrets
        return config
    }

    private mutating func readVersion(_ top: Fields) {
        guard let node = top["version"] else {
            reportMissing("version", in: top, hint: "add 'version: 1' as the first line")
            return
        }
        guard let scalar = scalar(node, key: "version", context: top.context, expected: "a number") else { return }
        if scalar.value != "1" {
            report("unsupported version '\(scalar.raw)'; hint: this failwatch reads version 1", at: scalar.mark)
        }
    }

    private mutating func readTimeZone(_ top: Fields) -> TimeZone {
        let utc = TimeZone(secondsFromGMT: 0) ?? .current
        return timeZone(top, context: nil).flatMap { $0 } ?? utc
    }

    /// `timezone:` of `fields` as an IANA zone: `nil` when absent, `.some(nil)` when unknown (reported).
    /// - Parameter context: where it sits, for the message; `nil` at the top level.
    mutating func timeZone(_ fields: Fields, context: String?) -> TimeZone?? {
        guard let scalar = text(fields, "timezone") else { return nil }
        if let zone = TimeZone(identifier: scalar.value) { return .some(zone) }
        let guess = ConfigSuggestion.closest(to: scalar.value, among: TimeZone.knownTimeZoneIdentifiers)
        report(
            "unknown time zone '\(scalar.raw)'" + (context.map { " \($0)" } ?? "")
                + (guess.map { " (did you mean '\($0)'?)" } ?? "; hint: use an IANA name such as Europe/Berlin or UTC"),
            at: scalar.mark)
        return .some(nil)
    }

    private mutating func readStore(_ top: Fields) -> StoreConfig? {
        let defaultPath = baseDirectory.appendingPathComponent("failwatch.sqlite").standardizedFileURL.path
        let override = environment["FAILWATCH_STORE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        guard let node = top["store"] else {
            guard let override else { return StoreConfig(path: defaultPath) }
            return readStoreURL(override, mark: nil).map { StoreConfig(path: defaultPath, postgres: $0) }
        }
        guard
            let store = fields(
                of: node, allowed: Self.storeKeys, context: "in 'store'",
                expected: "a mapping like {path: failwatch.sqlite} or {url: ${FAILWATCH_STORE_URL}}")
        else { return nil }
        var config = StoreConfig(path: defaultPath)
        if let path = text(store, "path") {
            if path.value.hasPrefix("~") {
                report("'~' is not expanded in 'path' in 'store'; hint: write ${HOME}/... instead", at: path.mark)
                return nil
            }
            config.path = resolve(path: path.value).path
        }
        let lease = duration(store, "lease", minimum: 10, maximum: 86_400)
        if let override {
            guard let location = readStoreURL(override, mark: nil) else { return nil }
            config.postgres = location
        } else if let url = text(store, "url") {
            if !url.usesVariables, url.value.contains("@"), PostgresLocation.redact(url.value) != url.value {
                report(
                    "a password written in 'url' in 'store'; hint: keep it in the environment, e.g. "
                        + "url: postgres://failwatch:${FAILWATCH_DB_PASSWORD}@db.example/failwatch", at: url.mark)
                return nil
            }
            guard let location = readStoreURL(url.value, mark: url.mark) else { return nil }
            config.postgres = location
        } else if store["url"] != nil {
            return nil
        }
        if let lease { config.postgres?.lease = lease }
        return config
    }

    /// A `postgres://` URL, or one line naming what is wrong (never the password).
    private mutating func readStoreURL(_ text: String, mark: Mark?) -> PostgresLocation? {
        do {
            return try PostgresLocation(url: text)
        } catch {
            let source = mark == nil ? "FAILWATCH_STORE_URL" : "'url' in 'store'"
            switch error {
            case let .cannotOpen(location, reason): report("\(source): \(location): \(reason)", at: mark)
            default: report("\(source): \(error)", at: mark)
            }
            return nil
        }
    }

    private mutating func readClassifier(_ node: Node) -> ClassifierConfig? {
        guard
            let classifier = fields(
                of: node, allowed: Self.classifierKeys, context: "in 'classifier'",
                expected: "a mapping like {model: model.txt}")
        else { return nil }
        return ClassifierConfig(modelPath: text(classifier, "model").map { resolve(path: $0.value).path })
    }

    private mutating func readFetch(_ node: Node) -> FetchSettings? {
        guard let fetch = fields(of: node, allowed: Self.fetchKeys, context: "in 'fetch'", expected: "a mapping")
        else { return nil }
        var settings = FetchSettings.defaults
        if let value = int(fetch, "concurrency", in: 1...64) { settings.concurrency = value }
        if let value = duration(fetch, "timeout", minimum: 1, maximum: 600) { settings.timeout = value }
        if let value = size(fetch, "max_body", minimum: 1024) { settings.maxBodyBytes = value }
        if let value = size(fetch, "max_decompressed", minimum: 1024) { settings.maxDecompressedBytes = value }
        if let value = int(fetch, "max_redirects", in: 0...20) { settings.maxRedirects = value }
        if let value = text(fetch, "user_agent") { settings.userAgent = value.value }
        if settings.maxDecompressedBytes < settings.maxBodyBytes, let node = fetch["max_decompressed"] {
            report("'max_decompressed' in 'fetch' must not be smaller than 'max_body'", at: node.mark)
        }
        return settings
    }

    /// `path` made absolute against the directory of feeds.yml.
    func resolve(path: String) -> URL {
        let url =
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appendingPathComponent(path)
        return url.standardizedFileURL
    }

    /// The mapping items of a required, non-empty list section.
    mutating func items(of top: Fields, _ key: String, hint: String) -> [Node] {
        guard let node = top[key] else {
            reportMissing(key, in: top, hint: hint)
            return []
        }
        guard case .sequence(let sequence) = node, !sequence.isEmpty else {
            report(
                "expected a non-empty list for '\(key)' \(top.context), found \(Self.shape(of: node)); hint: \(hint)",
                at: node.mark)
            return []
        }
        return Array(sequence)
    }

    /// How an item of a list is called in messages, by its name if it has one.
    static func label(_ kind: String, _ node: Node, index: Int) -> String {
        if let name = node.mapping?["name"]?.scalar?.string, !name.isEmpty { return "in \(kind) '\(name)'" }
        return "in \(kind) #\(index + 1)"
    }
}
