// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One element of a feed document, as the format adapters read it.
///
/// Names are canonical keys: elements of the feed's own namespace (RSS, RSS 1.0, Atom) by
/// local name (`title`), well-known extensions by their usual prefix whatever the document
/// calls them (`dc:creator`, `content:encoded`), so adapters never deal with namespace URIs.
/// `base` and `language` are already inherited and resolved (`xml:base`, `xml:lang`).
final class XMLNode {
    /// Text and child elements in document order.
    enum Content {
        case text(String)
        case element(XMLNode)
    }

    let key: String
    let attributes: [(key: String, value: String)]
    let base: URL?
    let language: String?
    var content: [Content] = []

    init(key: String, attributes: [(key: String, value: String)], base: URL?, language: String?) {
        self.key = key
        self.attributes = attributes
        self.base = base
        self.language = language
    }

    /// The value of an attribute by canonical key (`href`, `xml:lang`, `rdf:about`).
    func attribute(_ key: String) -> String? {
        for attribute in attributes where attribute.key == key { return attribute.value }
        return nil
    }

    /// The first child element with this key.
    func child(_ key: String) -> XMLNode? {
        for case .element(let node) in content where node.key == key { return node }
        return nil
    }

    /// The child elements with this key, in order.
    func children(_ key: String) -> [XMLNode] {
        var found: [XMLNode] = []
        for case .element(let node) in content where node.key == key { found.append(node) }
        return found
    }

    /// All child elements, in order.
    var elements: [XMLNode] {
        var found: [XMLNode] = []
        for case .element(let node) in content { found.append(node) }
        return found
    }

    var hasElements: Bool {
        content.contains { part in
            if case .element = part { return true }
            return false
        }
    }

    /// The element's text with every descendant's text, block-level children separated by a
    /// space (inline XHTML or unescaped HTML in an RSS description).
    var text: String {
        if content.count == 1, case .text(let text) = content[0] { return text }
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        for part in content {
            switch part {
            case .text(let text):
                out += text
            case .element(let node):
                let local = node.key.split(separator: ":").last.map(String.init) ?? node.key
                if local == "script" || local == "style" { continue }
                let block = HTMLText.isBlock(local)
                if block { out += " " }
                node.appendText(to: &out)
                if block { out += " " }
            }
        }
    }

    /// The text of the first child with this key, or `nil` when there is none.
    func childText(_ key: String) -> String? {
        child(key)?.text
    }

    /// Resolves a link found in this element against its inherited `xml:base`.
    func resolve(_ link: String) -> String {
        FeedLink.resolve(link, against: base)
    }
}
