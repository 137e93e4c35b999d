// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A JSON array read one element at a time, so one post an API sends with every field null
/// (a deleted status, a half-indexed Bluesky post) is skipped instead of failing the page
/// and losing the valid posts beside it.
///
/// Each element decodes through `Slot`, whose own decoding never throws: the unkeyed
/// container always moves on, whatever the element holds.
public struct LenientList<Element: Decodable>: Decodable {
    /// The elements that decoded, in order.
    public var elements: [Element]
    /// Why the first skipped element could not be read (`[3].id: missing`), if any.
    var firstProblem: String?
    /// How many elements were skipped.
    var skipped: Int

    init(_ elements: [Element]) {
        self.elements = elements
        firstProblem = nil
        skipped = 0
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        elements = []
        skipped = 0
        while !container.isAtEnd {
            let index = container.currentIndex
            guard let slot = try? container.decode(Slot.self) else { break }
            switch slot.value {
            case .success(let element):
                elements.append(element)
            case .failure(let error):
                skipped += 1
                if firstProblem == nil { firstProblem = "[\(index)]" + Self.describe(error, below: slot.depth) }
            }
        }
    }

    /// One line for `Feed.warnings` / `APIPage.warnings`: `skipped 1 of 3 statuses: [1].id: null`;
    /// `nil` when nothing was skipped.
    func warning(what: String) -> String? {
        guard skipped > 0 else { return nil }
        return "skipped \(skipped) of \(skipped + elements.count) \(what): \(firstProblem ?? "unreadable")"
    }

    private struct Slot: Decodable {
        var value: Result<Element, any Error>
        /// The element's own place in the document, cut from error paths.
        var depth: Int

        init(from decoder: any Decoder) {
            value = Result { try Element(from: decoder) }
            depth = decoder.codingPath.count
        }
    }

    private static func describe(_ error: any Error, below depth: Int) -> String {
        guard let error = error as? DecodingError else { return ": unreadable" }
        func path(_ keys: [any CodingKey]) -> String {
            keys.dropFirst(depth).map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
        }
        switch error {
        case let .keyNotFound(key, context): return path(context.codingPath + [key]) + ": missing"
        case let .valueNotFound(_, context): return path(context.codingPath) + ": null"
        case let .typeMismatch(_, context): return path(context.codingPath) + ": wrong type"
        case let .dataCorrupted(context): return path(context.codingPath) + ": unreadable value"
        @unknown default: return ": unreadable"
        }
    }
}
