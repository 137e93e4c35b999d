// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A post shown in a report as an example, with what a reader needs to find it again.
/// Its text is untrusted: every renderer escapes it for its format.
public struct ReportPost: Sendable, Equatable {
    public var id: Int64
    /// At most ``textLimit`` characters, cut with "…".
    public var text: String
    public var author: String?
    public var link: String?
    public var time: Date
    public var sourceName: String
    public var label: Label
    public var sentiment: Double

    /// Longest text kept: a report shows examples, not whole essays.
    public static let textLimit = 600

    public init(
        id: Int64, text: String, author: String?, link: String?, time: Date, sourceName: String, label: Label,
        sentiment: Double
    ) {
        self.id = id
        self.text = AlertText.clean(text, limit: Self.textLimit)
        self.author = author.map { AlertText.clean($0, limit: 80) }
        self.link = link.flatMap(Self.safeLink)
        self.time = time
        self.sourceName = sourceName
        self.label = label
        self.sentiment = sentiment
    }

    /// Only http(s) links survive: a `javascript:` or `data:` link from a feed must never become clickable.
    public static func safeLink(_ link: String) -> String? {
        let trimmed = link.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), trimmed.count <= 2000,
            !trimmed.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 })
        else { return nil }
        return trimmed
    }
}
