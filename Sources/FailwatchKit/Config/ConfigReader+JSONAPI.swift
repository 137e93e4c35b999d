// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import Foundation
import Yams

/// The keys of a `json` source: `items:`, `fields:`, `time_format:`, `author_prefix:`,
/// `cursor:` and `next:`; every pointer is checked here, so a typo fails at load time.
extension ConfigReader {
    static let jsonFieldKeys = ["id", "title", "text", "url", "author", "time", "language"]

    mutating func readJSONAPI(_ fields: Fields) -> JSONAPIQuery? {
        var valid = true
        let items = pointer(fields, "items", valid: &valid)
        guard let node = fields["fields"] else {
            reportMissing(
                "fields", in: fields,
                hint: "map at least text: (or title:) to a JSON pointer, e.g. fields: {id: /id, text: /body}")
            return nil
        }
        guard
            let map = self.fields(
                of: node, allowed: Self.jsonFieldKeys, context: "in 'fields' \(fields.context)",
                expected: "a mapping of post fields to JSON pointers")
        else { return nil }
        var pointers: [String: JSONPointer] = [:]
        for key in Self.jsonFieldKeys { pointers[key] = pointer(map, key, valid: &valid) }
        if map["text"] == nil && map["title"] == nil {
            valid = false
            report("'fields' \(fields.context) maps neither text nor title; hint: e.g. text: /body", at: map.mark)
        }
        let mapped = JSONAPIQuery.Fields(
            id: pointers["id"], title: pointers["title"], text: pointers["text"], url: pointers["url"],
            author: pointers["author"], time: pointers["time"], language: pointers["language"])
        let timeFormat = readTimeFormat(fields, valid: &valid)
        let authorPrefix = scalar(fields, "author_prefix", expected: "a text value")?.value ?? ""
        let cursor = readJSONCursor(fields, time: mapped.time, valid: &valid)
        let next = readJSONNext(fields, valid: &valid)
        guard valid else { return nil }
        return JSONAPIQuery(
            items: items, fields: mapped, timeFormat: timeFormat, authorPrefix: authorPrefix, cursor: cursor,
            next: next)
    }

    /// An RFC 6901 pointer; a bad one is reported with what is wrong and clears `valid`.
    private mutating func pointer(_ fields: Fields, _ key: String, valid: inout Bool) -> JSONPointer? {
        guard let scalar = scalar(fields, key, expected: "a JSON pointer like /data/id") else {
            if fields[key] != nil { valid = false }
            return nil
        }
        do {
            return try JSONPointer(parsing: scalar.value)
        } catch {
            valid = false
            let problem =
                error == .missingSlash
                ? "must start with '/'; hint: write '/\(scalar.value)'"
                : "has a '~' not followed by 0 or 1; hint: write ~0 for '~' and ~1 for '/' inside a key"
            report("JSON pointer '\(scalar.raw)' for '\(key)' \(fields.context) \(problem)", at: scalar.mark)
            return nil
        }
    }

    private mutating func readTimeFormat(_ fields: Fields, valid: inout Bool) -> JSONAPIQuery.TimeFormat {
        guard let scalar = text(fields, "time_format") else {
            if fields["time_format"] != nil { valid = false }
            return .iso8601
        }
        switch scalar.value {
        case "iso8601": return .iso8601
        case "unix": return .unixSeconds
        case "unix_ms": return .unixMilliseconds
        default:
            guard Self.isDatePattern(scalar.value) else {
                valid = false
                report(
                    "unknown time_format '\(scalar.raw)' \(fields.context); hint: use iso8601, unix, unix_ms "
                        + "or a pattern like 'yyyy-MM-dd HH:mm:ss'",
                    at: scalar.mark)
                return .iso8601
            }
            return .pattern(scalar.value)
        }
    }

    /// Whether `pattern` names a year and a day and reads back what it writes, so a typo
    /// such as `time_format: unixms` is refused rather than taken for a pattern.
    static func isDatePattern(_ pattern: String) -> Bool {
        guard pattern.contains("y"), pattern.contains("d") else { return false }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        let sample = Date(timeIntervalSince1970: 1_795_251_600)
        return formatter.date(from: formatter.string(from: sample)) != nil
    }

    private mutating func readJSONCursor(
        _ fields: Fields, time: JSONPointer?, valid: inout Bool
    ) -> JSONAPIQuery.Cursor? {
        guard let node = fields["cursor"] else { return nil }
        guard
            let map = self.fields(
                of: node, allowed: ["param", "field", "before"], context: "in 'cursor' \(fields.context)",
                expected: "a mapping with param: and field:")
        else {
            valid = false
            return nil
        }
        let parameter = text(map, "param")
        guard let field = pointer(map, "field", valid: &valid) ?? time else {
            valid = false
            report(
                "'cursor' \(fields.context) has no field and the source maps no time; hint: add field: /created",
                at: map.mark)
            return nil
        }
        return JSONAPIQuery.Cursor(parameter: parameter?.value, field: field, before: text(map, "before")?.value)
    }

    private mutating func readJSONNext(_ fields: Fields, valid: inout Bool) -> JSONAPIQuery.Next? {
        guard let node = fields["next"] else { return nil }
        guard
            let map = self.fields(
                of: node, allowed: ["url", "param", "token", "start"], context: "in 'next' \(fields.context)",
                expected: "a mapping such as {param: page} or {url: /next}")
        else {
            valid = false
            return nil
        }
        var readable = true
        let url = pointer(map, "url", valid: &readable)
        let token = pointer(map, "token", valid: &readable)
        let parameter = text(map, "param")
        let start = map["start"] == nil ? 1 : int(map, "start", in: 0...1_000_000)
        guard readable, start != nil, map["param"] == nil || parameter != nil else {
            valid = false
            return nil
        }
        switch (url, parameter, token, start) {
        case (let url?, nil, nil, _) where map["start"] == nil: return .url(url)
        case (nil, let parameter?, let token?, _) where map["start"] == nil:
            return .token(parameter: parameter.value, pointer: token)
        case (nil, let parameter?, nil, let start?): return .pageNumber(parameter: parameter.value, start: start)
        default:
            valid = false
            report(
                "'next' \(fields.context) must be one of {url: /pointer}, {param: name, token: /pointer} "
                    + "or {param: name, start: 1}",
                at: map.mark)
            return nil
        }
    }
}
