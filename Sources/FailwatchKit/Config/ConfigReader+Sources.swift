// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import Yams

/// The `sources:` section: where posts come from, how often, and for which providers.
extension ConfigReader {
    /// Reads every source; names are unique and provider references exist.
    mutating func readSources(_ top: Fields, providerIDs: Set<String>) -> [SourceConfig] {
        let hint = "list at least one source with a 'name:' and a 'url:'"
        return uniquelyNamed(items(of: top, "sources", hint: hint), kind: "source") { reader, node, index in
            reader.readSource(node, index: index, providerIDs: providerIDs)
        }
    }

    /// Reads each item with `read` and keeps those whose name is not taken by an earlier
    /// item; a repeated name is reported with the line of its first use.
    /// - Parameter read: the item (when valid) and its name (when readable).
    mutating func uniquelyNamed<Item>(
        _ nodes: [Node], kind: String, read: (inout ConfigReader, Node, Int) -> (Item?, Scalar?)
    ) -> [Item] {
        var result: [Item] = []
        var firstLine: [String: Int] = [:]
        for (index, node) in nodes.enumerated() {
            let (item, name) = read(&self, node, index)
            guard let name else { continue }
            if let line = firstLine[name.value] {
                report("duplicate \(kind) name '\(name.raw)' (first defined on line \(line))", at: name.mark)
                continue
            }
            firstLine[name.value] = name.mark?.line ?? 1
            if let item { result.append(item) }
        }
        return result
    }

    /// - Returns: the source when valid, and its name (for the duplicate check) when readable.
    private mutating func readSource(
        _ node: Node, index: Int, providerIDs: Set<String>
    ) -> (source: SourceConfig?, name: Scalar?) {
        let context = Self.label("source", node, index: index)
        guard
            let fields = fields(
                of: node, allowed: Self.sourceKeys + SourceKind.allCases.flatMap(\.settingKeys),
                context: context, expected: "a mapping with name: and url:")
        else { return (nil, nil) }
        let name = text(fields, "name")
        if fields["name"] == nil { reportMissing("name", in: fields) }
        let kind = readKind(fields)
        let query = kind.flatMap { readQuery($0, fields) }
        let announce = readAnnounce(fields, kind: kind)
        var url: (url: URL, display: String)?
        if let scalar = text(fields, "url") {
            url = readURL(scalar, context: context)
        } else if fields["url"] == nil {
            reportMissing(
                "url", in: fields, hint: "e.g. url: https://example.org/feed.xml or url: file:examples/demo-feed.xml")
        }
        let scope = readScope(fields, providerIDs: providerIDs)
        let interval = duration(
            fields, "interval", minimum: SourceConfig.minimumInterval, maximum: 7 * 86_400)
        let maxPages = int(fields, "max_pages", in: 1...100)
        let backfill =
            fields["backfill"]?.scalar?.string == "all"
            ? TimeInterval.infinity : duration(fields, "backfill", minimum: 0, maximum: 366 * 86_400)
        let headers = headers(fields, "headers")
        let official = bool(fields, "official")
        guard let name, let query, let url, let scope else { return (nil, name) }
        var source = SourceConfig(
            name: name.value, query: query, url: url.url, providers: scope,
            interval: interval ?? SourceConfig.defaultInterval, headers: headers,
            maxPages: maxPages ?? SourceConfig.defaultMaxPages, backfill: backfill ?? SourceConfig.defaultBackfill,
            displayURL: url.display, official: official ?? false)
        source.announce = announce.config
        source.announceUnset = announce.unset
        return (source, name)
    }

    private mutating func readKind(_ fields: Fields) -> SourceKind? {
        guard let scalar = text(fields, "kind") else { return fields["kind"] == nil ? .feed : nil }
        if let kind = SourceKind(rawValue: scalar.value) { return kind }
        let kinds = SourceKind.allCases.map(\.rawValue)
        let guess = ConfigSuggestion.closest(to: scalar.value, among: kinds)
        report(
            "unknown kind '\(scalar.raw)' \(fields.context)"
                + (guess.map { " (did you mean '\($0)'?)" }
                    ?? "; hint: supported kinds are \(kinds.joined(separator: ", ")) (feed reads RSS, Atom, RDF and JSON Feed)"),
            at: scalar.mark)
        return nil
    }

    /// The kind's own settings; a key that belongs to another kind is reported, so a typo
    /// in `kind:` does not silently drop the settings.
    private mutating func readQuery(_ kind: SourceKind, _ fields: Fields) -> SourceQuery? {
        let foreign = SourceKind.allCases.flatMap(\.settingKeys).filter { !kind.settingKeys.contains($0) }
        var valid = true
        for key in Set(foreign) where fields.entries[key] != nil {
            valid = false
            let owners = SourceKind.allCases.filter { $0.settingKeys.contains(key) }.map(\.rawValue)
            report(
                "key '\(key)' \(fields.context) is not used by kind '\(kind.rawValue)'; hint: it belongs to "
                    + owners.joined(separator: ", "),
                at: fields.entries[key]?.key.mark)
        }
        guard valid else { return nil }
        switch kind {
        case .feed: return .feed
        case .mastodon: return readMastodon(fields).map(SourceQuery.mastodon)
        case .bluesky: return readBluesky(fields).map(SourceQuery.bluesky)
        case .reddit: return readReddit(fields).map(SourceQuery.reddit)
        case .statuspage: return .statuspage
        case .hackernews: return readHackerNews(fields).map(SourceQuery.hackernews)
        case .lemmy: return readLemmy(fields).map(SourceQuery.lemmy)
        case .json: return readJSONAPI(fields).map(SourceQuery.json)
        case .x: return readX(fields).map(SourceQuery.x)
        case .facebook: return readFacebook(fields).map(SourceQuery.facebook)
        case .instagram: return readInstagram(fields).map(SourceQuery.instagram)
        case .threads: return readThreads(fields).map(SourceQuery.threads)
        }
    }

    /// `any`, one provider id, or a list of ids that all exist.
    mutating func readScope(_ fields: Fields, providerIDs: Set<String>) -> ProviderScope? {
        guard let node = fields["providers"] else { return .any }
        if case .scalar(let scalar) = node, scalar.string == "any" { return .any }
        let ids = textList(fields, "providers")
        guard !ids.isEmpty else {
            report(
                "'providers' \(fields.context) lists no provider; hint: write 'providers: any' or a list of ids",
                at: node.mark)
            return nil
        }
        var valid = true
        for id in ids where !providerIDs.contains(id.value) {
            valid = false
            let guess = ConfigSuggestion.closest(to: id.value, among: providerIDs.sorted())
            report(
                "unknown provider '\(id.raw)' \(fields.context)"
                    + (guess.map { " (did you mean '\($0)'?)" }
                        ?? "; hint: known ids are \(providerIDs.sorted().joined(separator: ", "))"),
                at: id.mark)
        }
        return valid ? .only(ids.map(\.value)) : nil
    }

    /// An http(s) URL, or a `file:` URL made absolute against the directory of feeds.yml.
    /// Messages quote the URL as written, so no expanded secret is printed.
    private mutating func readURL(_ scalar: Scalar, context: String) -> (url: URL, display: String)? {
        let text = scalar.value
        func display(_ url: URL) -> String { scalar.usesVariables ? scalar.raw : url.absoluteString }
        if text.lowercased().hasPrefix("file:") {
            let rest = text.dropFirst("file:".count)
            var path = String(rest)
            if rest.hasPrefix("//") {
                guard let url = URL(string: text), (url.host ?? "").isEmpty || url.host == "localhost" else {
                    report(
                        "invalid file url '\(scalar.raw)' \(context); hint: write file:///absolute/path or file:relative/path",
                        at: scalar.mark)
                    return nil
                }
                path = url.path
            }
            guard !path.isEmpty else {
                report("file url '\(scalar.raw)' \(context) names no file", at: scalar.mark)
                return nil
            }
            let url = resolve(path: path)
            return (url, display(url))
        }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else {
            let hint =
                text.contains("://")
                ? "check the URL for spaces or stray characters"
                : "write https://... for the web or file:path/to/feed.xml for a local file"
            report("invalid url '\(scalar.raw)' \(context); hint: \(hint)", at: scalar.mark)
            return nil
        }
        guard scheme == "http" || scheme == "https" else {
            report("unsupported url scheme '\(scheme)' \(context); hint: use http, https or file", at: scalar.mark)
            return nil
        }
        guard let host = url.host, !host.isEmpty else {
            report("url '\(scalar.raw)' \(context) has no host", at: scalar.mark)
            return nil
        }
        return (url, display(url))
    }
}
