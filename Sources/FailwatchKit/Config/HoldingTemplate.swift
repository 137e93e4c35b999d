// SPDX-License-Identifier: Apache-2.0
import FailwatchCore

/// A suggested first statement with blanks, as feeds.yml writes it (`alerts: holding_statement:`
/// or a provider's own): `{provider}`, `{symptom}`, `{places}` and `{status_url}` are filled from
/// the incident; a part in square brackets is left out when a blank inside it has nothing to say
/// ("[ in {places}]" without places), so one template reads well with and without them.
public struct HoldingTemplate: Sendable, Equatable {
    /// The blanks a template may use.
    public static let blanks = ["provider", "symptom", "places", "status_url"]

    /// The built-in templates, per language: used where feeds.yml names none.
    public static let builtIn: [String: HoldingTemplate] = [
        "de": HoldingTemplate(
            verified:
                "Wir wissen von einer Störung bei {symptom}[ in {places}] und arbeiten mit Hochdruck an der Behebung."
                + "[ Aktuelle Infos: {status_url}]"),
        "en": HoldingTemplate(
            verified: "We are aware of a problem with {symptom}[ in {places}] and are working to fix it."
                + "[ Updates: {status_url}]"),
    ]

    /// The template as written.
    public var text: String

    private enum Part: Equatable {
        case literal(String)
        case blank(String)
        case optional([Part])
    }

    private var parts: [Part]

    /// Why a template cannot be read, for the config's one line.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unknownBlank(String)
        case unbalanced

        public var description: String {
            switch self {
            case let .unknownBlank(name):
                return "unknown blank '{\(name)}'; hint: use "
                    + HoldingTemplate.blanks.map { "{\($0)}" }.joined(separator: ", ")
            case .unbalanced:
                return "unbalanced '[' ']' or '{' '}'; hint: brackets mark a part left out when its blank is empty"
            }
        }
    }

    /// - Throws: ``Problem`` for an unknown blank or an unbalanced bracket.
    public init(_ text: String) throws(Problem) {
        self.text = text
        var index = text.startIndex
        parts = try Self.parse(text, &index, nested: false)
    }

    /// A template known to be valid (the built-ins).
    private init(verified text: String) {
        self.text = text
        var index = text.startIndex
        parts = (try? Self.parse(text, &index, nested: false)) ?? [.literal(text)]
    }

    /// The statement with every blank filled; an empty value drops the bracketed part around it.
    ///
    /// - Parameter values: blank name to its text; a missing or empty value is "nothing to say".
    public func render(_ values: [String: String]) -> String {
        Self.render(parts, values) ?? ""
    }

    private static func render(_ parts: [Part], _ values: [String: String]) -> String? {
        var text = ""
        for part in parts {
            switch part {
            case let .literal(literal): text += literal
            case let .blank(name):
                guard let value = values[name], !value.isEmpty else { return nil }
                text += value
            case let .optional(inner): text += render(inner, values) ?? ""
            }
        }
        return text
    }

    private static func parse(_ text: String, _ index: inout String.Index, nested: Bool) throws(Problem) -> [Part] {
        var parts: [Part] = []
        var literal = ""
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            switch character {
            case "{":
                guard let close = text[index...].firstIndex(of: "}") else { throw .unbalanced }
                let name = String(text[index..<close])
                guard blanks.contains(name) else { throw .unknownBlank(name) }
                if !literal.isEmpty { parts.append(.literal(literal)) }
                literal = ""
                parts.append(.blank(name))
                index = text.index(after: close)
            case "[":
                guard !nested else { throw .unbalanced }
                if !literal.isEmpty { parts.append(.literal(literal)) }
                literal = ""
                parts.append(.optional(try parse(text, &index, nested: true)))
            case "]":
                guard nested else { throw .unbalanced }
                if !literal.isEmpty { parts.append(.literal(literal)) }
                return parts
            case "}":
                throw .unbalanced
            default:
                literal.append(character)
            }
        }
        guard !nested else { throw .unbalanced }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return parts
    }
}
