// SPDX-License-Identifier: Apache-2.0
import CLibXML2
import Foundation

/// Reads a feed document with libxml2's SAX2 push parser into `XMLNode`s, safely.
///
/// Safety (see STACK.md §2): `XML_PARSE_NONET`, no `XML_PARSE_NOENT`, no entity declarations
/// registered (`entityDecl` is nil), and `getEntity` answers only the five XML entities and
/// the HTML 4 names, as single characters. So no external entity is read, no entity expands
/// into another (billion laughs, quadratic blow-up), and `&nbsp;` still reads as U+00A0.
///
/// Items (`item`, `entry`) are handed to `onItem` as they close and not kept in the tree, so
/// memory stays near the size of the parsed result, not of the document.
final class XMLTreeBuilder {
    /// The document's root element, once seen.
    private(set) var root: XMLNode?
    /// Called once for each `item`/`entry` element below the root, when it closes.
    var onItem: (XMLNode) -> Void = { _ in }
    /// Called when the root element opens, before any item.
    var onRoot: (XMLNode) -> Void = { _ in }
    /// Ill-formedness libxml2 recovered from: the first message and how many there were.
    private(set) var firstError: String?
    private(set) var errorCount = 0

    private struct Frame {
        let node: XMLNode
        var pending: [UInt8] = []
        let isItem: Bool
    }

    private var frames: [Frame] = []
    private let documentBase: URL?
    private var rootNamespace: String?
    private var context: xmlParserCtxtPtr?

    init(baseURL: URL?) {
        documentBase = baseURL
    }

    /// Parses the whole body; afterwards `root` holds the channel-level tree.
    /// - Parameters:
    ///   - bytes: UTF-8, unless `encoding` names what libxml2 should decode.
    ///   - encoding: an encoding for libxml2/iconv, or `nil` for UTF-8 (the document's own
    ///     label is then ignored: it was already weighed against the bytes).
    func parse(_ bytes: Data, encoding: String?) {
        XMLTreeBuilder.initializeOnce()
        var handler = XMLTreeBuilder.makeHandler()
        let this = Unmanaged.passUnretained(self).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&handler, this, nil, 0, nil) else { return }
        self.context = context
        defer {
            xmlFreeParserCtxt(context)
            self.context = nil
        }
        var options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_NOCDATA.rawValue)
        if let encoding {
            xmlSwitchEncoding(context, xmlParseCharEncoding(encoding))
        } else {
            xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
            options |= Int32(XML_PARSE_IGNORE_ENC.rawValue)
        }
        xmlCtxtUseOptions(context, options)
        let chunkSize = 256 * 1024
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else {
                xmlParseChunk(context, nil, 0, 1)
                return
            }
            var offset = 0
            while offset < raw.count {
                let length = min(chunkSize, raw.count - offset)
                xmlParseChunk(context, base + offset, Int32(length), 0)
                offset += length
            }
            xmlParseChunk(context, nil, 0, 1)
        }
        // A truncated body leaves elements open: close them so partial items still count.
        while !frames.isEmpty { close() }
    }

    // MARK: - Events

    fileprivate func start(
        localname: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?,
        attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        clearIllFormedMark()
        let local = String(cString: localname)
        let namespace = uri.map { String(cString: $0) }
        if frames.isEmpty, root == nil { rootNamespace = namespace }
        let key = canonicalKey(local: local, prefix: prefix.map { String(cString: $0) }, namespace: namespace)
        var attributeList: [(key: String, value: String)] = []
        var xmlBase: String?
        var xmlLang: String?
        if let attributes, attributeCount > 0 {
            attributeList.reserveCapacity(attributeCount)
            for index in 0..<attributeCount {
                let slot = attributes + index * 5
                guard let name = slot[0] else { continue }
                let attributeNamespace = slot[2].map { String(cString: $0) }
                var attributeKey = String(cString: name)
                if let attributeNamespace {
                    if let prefix = XMLTreeBuilder.knownPrefixes[attributeNamespace] {
                        if !prefix.isEmpty { attributeKey = prefix + ":" + attributeKey }
                    } else if attributeNamespace == "http://www.w3.org/XML/1998/namespace" {
                        attributeKey = "xml:" + attributeKey
                    }
                }
                var value = ""
                if let start = slot[3], let end = slot[4] {
                    value = attributeValue(UnsafeBufferPointer(start: start, count: end - start))
                }
                if attributeKey == "xml:base" { xmlBase = value }
                if attributeKey == "xml:lang" { xmlLang = value }
                attributeList.append((attributeKey, value))
            }
        }
        let parent = frames.last?.node
        var base = parent?.base ?? documentBase
        if let xmlBase {
            let trimmed = xmlBase.trimmingCharacters(in: .whitespacesAndNewlines)
            base = URL(string: trimmed, relativeTo: base)?.absoluteURL ?? base
        }
        var language = parent?.language
        if let xmlLang { language = xmlLang.isEmpty ? nil : xmlLang }
        let node = XMLNode(key: key, attributes: attributeList, base: base, language: language)
        if !frames.isEmpty { flushText(of: frames.count - 1) }
        let isItem = !frames.isEmpty && (key == "item" || key == "entry")
            && !frames.contains(where: { $0.isItem })
        frames.append(Frame(node: node, isItem: isItem))
        if root == nil {
            root = node
            onRoot(node)
        }
    }

    fileprivate func text(_ bytes: UnsafePointer<xmlChar>, count: Int) {
        guard !frames.isEmpty else { return }
        clearIllFormedMark()
        frames[frames.count - 1].pending.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    fileprivate func close() {
        guard !frames.isEmpty else { return }
        clearIllFormedMark()
        flushText(of: frames.count - 1)
        let frame = frames.removeLast()
        if frame.isItem {
            onItem(frame.node)
        } else if let parent = frames.last {
            parent.node.content.append(.element(frame.node))
        }
    }

    fileprivate func error(_ message: String, line: Int) {
        errorCount += 1
        if firstError == nil {
            let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
            firstError = "\(trimmed) (line \(line))"
        }
    }

    /// libxml2 drops every entity reference (even `&amp;`) once a document is marked
    /// ill-formed; recovery should keep them, so the mark is cleared at the next event
    /// (libxml2 sets it after the error callback returns).
    private func clearIllFormedMark() {
        if let context, context.pointee.wellFormed == 0 { context.pointee.wellFormed = 1 }
    }

    private func flushText(of index: Int) {
        guard !frames[index].pending.isEmpty else { return }
        let text = String(decoding: frames[index].pending, as: UTF8.self)
        frames[index].pending.removeAll(keepingCapacity: true)
        let node = frames[index].node
        if case .text(let previous) = node.content.last {
            node.content[node.content.count - 1] = .text(previous + text)
        } else {
            node.content.append(.text(text))
        }
    }

    /// Attribute values keep `&#38;` for `&amp;` when entities are not substituted; undo that.
    private func attributeValue(_ bytes: UnsafeBufferPointer<xmlChar>) -> String {
        let value = String(decoding: bytes, as: UTF8.self)
        guard value.utf8.contains(UInt8(ascii: "&")) else { return value }
        return value.replacingOccurrences(of: "&#38;", with: "&")
    }

    private func canonicalKey(local: String, prefix: String?, namespace: String?) -> String {
        guard let namespace else {
            if let prefix { return XMLTreeBuilder.prefixAliases[prefix, default: prefix] + ":" + local }
            return local
        }
        if namespace == rootNamespace { return local }
        if let known = XMLTreeBuilder.knownPrefixes[namespace] {
            return known.isEmpty ? local : known + ":" + local
        }
        if let prefix { return prefix + ":" + local }
        return local
    }

    // MARK: - libxml2 wiring

    /// Namespaces mapped to the key prefix adapters use; "" means the feed's own vocabulary.
    static let knownPrefixes: [String: String] = [
        "http://purl.org/rss/1.0/": "",
        "http://my.netscape.com/rdf/simple/0.9/": "",
        "http://backend.userland.com/rss2": "",
        "http://blogs.law.harvard.edu/tech/rss": "",
        "http://backend.userland.com/rss": "",
        "http://www.w3.org/2005/Atom": "atom",
        "http://purl.org/atom/ns#": "atom03",
        "http://purl.org/dc/elements/1.1/": "dc",
        "http://purl.org/dc/terms/": "dcterms",
        "http://purl.org/rss/1.0/modules/content/": "content",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
        "http://www.w3.org/1999/xhtml": "xhtml",
        "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes",
        "http://search.yahoo.com/mrss/": "media",
        "http://search.yahoo.com/mrss": "media",
        "http://www.w3.org/XML/1998/namespace": "xml",
    ]

    /// Undeclared prefixes feeds use anyway.
    static let prefixAliases: [String: String] = ["dcterms": "dcterms", "dc": "dc", "content": "content"]

    private static let initialized: Bool = {
        xmlInitParser()
        _ = HTMLEntityTable.shared
        return true
    }()

    private static func initializeOnce() {
        _ = initialized
    }

    private static func makeHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localname, prefix, uri, _, _, attributeCount, _, attributes in
            guard let context, let localname else { return }
            let builder = Unmanaged<XMLTreeBuilder>.fromOpaque(context).takeUnretainedValue()
            builder.start(
                localname: localname, prefix: prefix, uri: uri, attributeCount: Int(attributeCount),
                attributes: attributes)
        }
        handler.endElementNs = { context, _, _, _ in
            guard let context else { return }
            Unmanaged<XMLTreeBuilder>.fromOpaque(context).takeUnretainedValue().close()
        }
        let characters: charactersSAXFunc = { context, bytes, count in
            guard let context, let bytes, count > 0 else { return }
            Unmanaged<XMLTreeBuilder>.fromOpaque(context).takeUnretainedValue().text(bytes, count: Int(count))
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = characters
        handler.getEntity = { _, name in
            guard let name else { return nil }
            if let predefined = xmlGetPredefinedEntity(name) { return predefined }
            return HTMLEntityTable.shared.entity(named: name)
        }
        handler.entityDecl = nil
        handler.serror = { context, error in
            guard let context, let error else { return }
            let level = error.pointee.level
            guard level == XML_ERR_ERROR || level == XML_ERR_FATAL else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
            Unmanaged<XMLTreeBuilder>.fromOpaque(context).takeUnretainedValue()
                .error(message, line: Int(error.pointee.line))
        }
        return handler
    }
}
