// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Turns what a status page publishes (Statuspage JSON, or its RSS/Atom incident history)
/// into the provider's official statements. Pure: bytes and parsed feeds in, values out.
public enum StatusPageReader {
    /// Where the statements go: the source, its provider, and the run's time.
    public struct Origin: Sendable, Equatable {
        public var sourceName: String
        /// The provider when the source's `providers:` names exactly one, else `nil`.
        public var providerID: String?
        public var fetched: Date

        public init(sourceName: String, providerID: String?, fetched: Date) {
            self.sourceName = sourceName
            self.providerID = providerID
            self.fetched = fetched
        }
    }

    /// The documents a `statuspage` source reads for its `url:`.
    ///
    /// A full `.json`, `.rss`, `.atom` or `.xml` URL is read as it is; any other URL is a page's
    /// base, read as `api/v2/summary.json` (the current state and open incidents) and then
    /// `api/v2/incidents.json` (recent incidents, so one opened and resolved between two runs
    /// is not missed, and one that closed is seen closing).
    public static func documents(for url: URL) -> [URL] {
        let last = url.lastPathComponent.lowercased()
        if [".json", ".rss", ".atom", ".xml"].contains(where: { last.hasSuffix($0) }) { return [url] }
        let base = url.path.hasSuffix("/") ? url : url.appendingPathComponent("")
        return ["api/v2/summary.json", "api/v2/incidents.json"].compactMap { URL(string: $0, relativeTo: base)?.absoluteURL }
    }

    /// Whether a body is JSON (else it is read as a feed).
    public static func isJSON(_ data: Data) -> Bool {
        data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }
            == UInt8(ascii: "{")
    }

    /// Reads summary.json, incidents.json, status.json, incidents/<id>.json or any Statuspage v2 document.
    ///
    /// - Returns: the page status (when the document has one), then incidents, then maintenances.
    /// - Throws: `APIError` when the body is not JSON or holds none of the documented keys.
    public static func statements(json data: Data, origin: Origin) throws(APIError) -> [OfficialStatement] {
        try read(json: data, origin: origin).statements
    }

    /// Like ``statements(json:origin:)``, with one line per list that held an entry it could
    /// not read (skipped, the rest kept).
    public static func read(json data: Data, origin: Origin) throws(APIError) -> (
        statements: [OfficialStatement], warnings: [String]
    ) {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let document: StatusPageJSON
        do {
            document = try decoder.decode(StatusPageJSON.self, from: data)
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw .malformed("statuspage: not JSON")
        } catch {
            throw .unexpectedShape("statuspage: \(Self.describe(error))")
        }
        guard
            document.status != nil || document.incidents != nil || document.incident != nil
                || document.scheduledMaintenances != nil
        else {
            throw .unexpectedShape("statuspage: no status, incident, incidents or scheduled_maintenances")
        }
        var result: [OfficialStatement] = []
        if let status = document.status {
            let troubled = (document.components ?? []).filter { $0.group != true && ($0.status ?? "operational") != "operational" }
            result.append(
                OfficialStatement(
                    sourceName: origin.sourceName, providerID: origin.providerID,
                    externalID: OfficialStatement.pageStatusID, kind: .status,
                    title: status.description?.nonEmpty ?? status.indicator ?? "unknown", status: status.indicator,
                    impact: status.indicator, components: troubled.compactMap { $0.name?.nonEmpty },
                    url: document.page?.url, updatedAt: document.page?.updatedAt.flatMap(FeedDate.parse),
                    fetched: origin.fetched))
        }
        for incident in (document.incidents?.elements ?? []) + [document.incident].compactMap({ $0 }) {
            result.append(statement(incident, kind: .incident, origin: origin))
        }
        for maintenance in document.scheduledMaintenances?.elements ?? [] {
            result.append(statement(maintenance, kind: .maintenance, origin: origin))
        }
        let warnings = [
            document.incidents?.warning(what: "incidents"),
            document.scheduledMaintenances?.warning(what: "scheduled_maintenances"),
        ]
        return (result, warnings.compactMap { $0 })
    }

    private static func statement(_ incident: StatusPageJSON.Incident, kind: OfficialStatement.Kind, origin: Origin)
        -> OfficialStatement
    {
        // Statuspage lists updates newest first; sort anyway, a mirror may not.
        let newest = (incident.incidentUpdates ?? []).max {
            ($0.createdAt.flatMap(FeedDate.parse) ?? .distantPast) < ($1.createdAt.flatMap(FeedDate.parse) ?? .distantPast)
        }
        return OfficialStatement(
            sourceName: origin.sourceName, providerID: origin.providerID, externalID: incident.id, kind: kind,
            title: incident.name?.nonEmpty ?? "untitled \(kind.rawValue)", status: incident.status?.lowercased(),
            impact: incident.impact?.lowercased(),
            components: (incident.components ?? []).compactMap { $0.name?.nonEmpty },
            body: newest?.body.map { clip(HTMLText.collapsingWhitespace($0), to: bodyLimit) }, url: incident.shortlink,
            createdAt: incident.createdAt.flatMap(FeedDate.parse), updatedAt: incident.updatedAt.flatMap(FeedDate.parse),
            resolvedAt: incident.resolvedAt.flatMap(FeedDate.parse), fetched: origin.fetched)
    }

    /// Reads a status page's RSS or Atom incident history: one item per incident whose text
    /// lists its updates newest first, each as "Status - message" (Statuspage writes
    /// `<strong>Resolved</strong> - This incident has been resolved.`).
    public static func statements(feed: Feed, origin: Origin) -> [OfficialStatement] {
        feed.items.compactMap { item in
            guard let id = item.id?.nonEmpty ?? item.link?.nonEmpty else { return nil }
            let text = item.content?.nonEmpty ?? item.summary?.nonEmpty ?? ""
            let status = latestStatus(in: text)
            let kind: OfficialStatement.Kind = status.map(maintenanceStatuses.contains) == true ? .maintenance : .incident
            let closed = status.map(OfficialStatement.closedStatuses.contains) ?? false
            let created = item.published ?? item.updated
            let updated = newestUpdateTime(in: text, near: created) ?? item.updated ?? item.published
            return OfficialStatement(
                sourceName: origin.sourceName, providerID: origin.providerID, externalID: id, kind: kind,
                title: item.title?.nonEmpty ?? "untitled incident", status: status,
                body: text.isEmpty ? nil : clip(text, to: bodyLimit), url: item.link,
                createdAt: created, updatedAt: updated, resolvedAt: closed ? updated : nil,
                fetched: origin.fetched)
        }
    }

    /// The statuses a Statuspage history item can name, as written and as stored.
    static let historyStatuses: [(written: String, stored: String)] = [
        ("Investigating", "investigating"), ("Identified", "identified"), ("Monitoring", "monitoring"),
        ("Resolved", "resolved"), ("Postmortem", "postmortem"), ("Scheduled", "scheduled"),
        ("In progress", "in_progress"), ("Verifying", "verifying"), ("Completed", "completed"),
    ]
    static let maintenanceStatuses: Set<String> = ["scheduled", "in_progress", "verifying", "completed"]
    static let bodyLimit = 2000

    /// The status of the newest update: the "Status - " that comes first in the text
    /// ("Update - " only adds words, it does not change the status).
    static func latestStatus(in text: String) -> String? {
        var best: (position: String.Index, status: String)?
        for (written, stored) in historyStatuses {
            guard let range = text.range(of: written + " - ") ?? text.range(of: written + " – ") else { continue }
            if best.map({ range.lowerBound < $0.position }) ?? true { best = (range.lowerBound, stored) }
        }
        return best?.status
    }

    /// When the newest update was posted: the first "Nov 21, 07:45 UTC" in the text (the
    /// history prints updates newest first, without a year: it is taken from `near`, the
    /// item's date, and moved a year on when that puts the update well before the item).
    /// - Returns: `nil` without a UTC time (pages set to another zone print its abbreviation).
    static func newestUpdateTime(in text: String, near: Date?) -> Date? {
        guard let near,
            let match = updateTimePattern?.firstMatch(
                in: text, range: NSRange(text.startIndex..<text.endIndex, in: text))
        else { return nil }
        func group(_ index: Int) -> String? {
            Range(match.range(at: index), in: text).map { String(text[$0]) }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let month = group(1).flatMap({ months.firstIndex(of: $0) }), let day = group(2).flatMap({ Int($0) }),
            let hour = group(3).flatMap({ Int($0) }), let minute = group(4).flatMap({ Int($0) })
        else { return nil }
        let year = calendar.component(.year, from: near)
        var parts = DateComponents(year: year, month: month + 1, day: day, hour: hour, minute: minute)
        guard var date = calendar.date(from: parts) else { return nil }
        if date < near.addingTimeInterval(-2 * 86_400) {
            parts.year = year + 1
            date = calendar.date(from: parts) ?? date
        }
        return date
    }

    private static let updateTimePattern = try? NSRegularExpression(
        pattern: "\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\\d{1,2}), (\\d{1,2}):(\\d{2}) (?:UTC|GMT)\\b")

    public static func clip(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case let .keyNotFound(key, context):
            return "missing '\(path(context.codingPath + [key]))'"
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return "bad value at '\(path(context.codingPath))'"
        @unknown default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
