// SPDX-License-Identifier: Apache-2.0

/// A first statement the provider can post while it is still silent, in one of its languages,
/// with the incident's symptoms and places filled in; shown in the opening alert and posted by
/// `failwatch announce`.
public struct HoldingStatement: Codable, Sendable, Equatable {
    /// ISO 639-1 code (`de`).
    public var language: String
    public var text: String

    public init(language: String, text: String) {
        self.language = language
        self.text = text
    }
}
