// SPDX-License-Identifier: Apache-2.0
import CLibXML2
import Foundation

/// Reads a feed document with libxml2's SAX2 push parser into `XMLNode`s, safely.
///
/// Safety (see STACK.md §2): `XML_PARSE_NONET`, no `XML_PARSE_NOENT`, no entity declaration
/// is registered with libxml2, and `getEntity` answers only the five XML entities and the
/// HTML 4 names, as single characters. So no external entity is read and no entity expands
/// into another (billion laughs). Internal entities from the DOCTYPE are inserted as plain
/// text, once, within a byte budget (quadratic blow-up), and `&nbsp;` reads as U+00A0.
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

    /// Local name, prefix and namespace as libxml2's interned pointers (valid for one parse).
    private struct InternedNames: Hashable {
        let local: UnsafePointer<xmlChar>
        let prefix: UnsafePointer<xmlChar>?
        let uri: UnsafePointer<xmlChar>?

        init(_ local: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
            self.local = local
            self.prefix = prefix
            self.uri = uri
        }
    }

    private struct Frame {
        let node: XMLNode
        var pending: [UInt8] = []
        let isItem: Bool
    }

    private var frames: [Frame] = []
    private let documentBase: URL?
    private var rootNamespace: String?
    private var context: xmlParserCtxtPtr?
    private var declaredEntities: [String: String] = [:]
    private var keyCache: [InternedNames: String] = [:]
    private var attributeKeyCache: [InternedNames: String] = [:]
    /// Bytes that declared entities may still add; bounds a quadratic blow-up.
    private var expansionBudget = 0
    /// The first HTML entity (`&eacute;`) the document used although XML does not define it.
    fileprivate(set) var htmlEntity: String?
    /// True when a document used more entity text than the budget allows.
    private(set) var expansionExhausted = false

    /// How deep elements may nest. Real feeds stay below 40 (XHTML content included); a
    /// hostile item of 100,000 nested elements once overflowed the stack (releasing and
    /// reading a node chain that deep is recursive) and crashed `poll` with a segfault.
    static let maxDepth = 512
    /// Elements open below ``maxDepth``, read past without building nodes (their text is kept).
    private var ignoredDepth = 0
    /// Where the document first nested too deep, for the warning; `nil` when it never did.
    private(set) var tooDeepAtLine: Int?

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
        expansionBudget = max(64 * 1024, bytes.count)
        var handler = XMLTreeBuilder.makeHandler()
        let this = Unmanaged.passUnretained(self).toOpaque()
        // Errors raised without the parser context (iconv failing on bytes the declared encoding
        // does not allow) go to the thread's global handler, which libxml2 points at stderr: five
        // raw lines per feed in cron mail. Route them to this parse's own error record instead.
        xmlSetStructuredErrorFunc(this, handler.serror)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        cxml_silence_generic_errors()
        guard let context = xmlCreatePushParserCtxt(&handler, this, nil, 0, nil) else { return }
        self.context = context
        defer {
            xmlFreeParserCtxt(context)
            self.context = nil
        }
        var options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_NOCDATA.rawValue)
        if let encoding, let handler = xmlFindCharEncodingHandler(encoding) {
            xmlSwitchToEncoding(context, handler)
            options |= Int32(XML_PARSE_IGNORE_ENC.rawValue)
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
        guard frames.count < Self.maxDepth, ignoredDepth == 0 else {
            ignoredDepth += 1
            if tooDeepAtLine == nil { tooDeepAtLine = context.map { Int(xmlSAX2GetLineNumber($0)) } ?? 0 }
            return
        }
        if frames.isEmpty, root == nil { rootNamespace = uri.map(XMLTreeBuilder.lowercased) }
        // libxml2 interns names in its dictionary, so the three pointers identify the key.
        let names = InternedNames(localname, prefix, uri)
        let key: String
        if let cached = keyCache[names] {
            key = cached
        } else {
            key = canonicalKey(
                local: XMLTreeBuilder.lowercased(localname), prefix: prefix.map(XMLTreeBuilder.lowercased),
                namespace: uri.map(XMLTreeBuilder.lowercased))
            keyCache[names] = key
        }
        var attributeList: [(key: String, value: String)] = []
        var xmlBase: String?
        var xmlLang: String?
        if let attributes, attributeCount > 0 {
            attributeList.reserveCapacity(attributeCount)
            for index in 0..<attributeCount {
                let slot = attributes + index * 5
                guard let name = slot[0] else { continue }
                let attributeNames = InternedNames(name, slot[1], slot[2])
                let attributeKey: String
                if let cached = attributeKeyCache[attributeNames] {
                    attributeKey = cached
                } else {
                    attributeKey = canonicalAttributeKey(name: name, prefix: slot[1], uri: slot[2])
                    attributeKeyCache[attributeNames] = attributeKey
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
            let trimmed = FeedText.trim(xmlBase)
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
        if ignoredDepth > 0 {
            ignoredDepth -= 1
            return
        }
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

    /// Records what libxml2 recovered from, and puts back the text it would drop: an
    /// undefined entity stays literal (`&doesnotexist;`), an internal entity declared in the
    /// DOCTYPE is inserted once as text (never re-parsed, within a budget), and a bare `&` in
    /// a URL (`?a=1&b=2`) is kept.
    fileprivate func error(code: Int, message: String, line: Int, name: String?) {
        guard let context else { return }
        if context.pointee.inSubset != 0 { return }  // the DOCTYPE is not the feed's content
        let inContent = context.pointee.instate == XML_PARSER_CONTENT && !frames.isEmpty
        switch code {
        case Int(XML_ERR_UNDECLARED_ENTITY.rawValue), Int(XML_WAR_UNDECLARED_ENTITY.rawValue):
            guard let name else { break }
            if let value = declaredEntities[name] {
                if inContent, expansionBudget >= value.utf8.count {
                    expansionBudget -= value.utf8.count
                    frames[frames.count - 1].pending.append(contentsOf: value.utf8)
                    return
                }
                if expansionBudget < value.utf8.count { expansionExhausted = true }
            } else if inContent {
                frames[frames.count - 1].pending.append(contentsOf: "&\(name);".utf8)
            }
        case Int(XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue):
            if inContent, let literal = consumedReference(context) {
                frames[frames.count - 1].pending.append(contentsOf: literal)
            }
        case Int(XML_ERR_INVALID_DEC_CHARREF.rawValue):
            if inContent, let scalar = upperCaseHexReference(context) {
                HTMLText.appendUTF8(scalar, to: &frames[frames.count - 1].pending)
            }
        case Int(XML_ERR_NAME_REQUIRED.rawValue), Int(XML_ERR_ENTITYREF_NO_NAME.rawValue):
            if inContent, message.contains("EntityRef") { frames[frames.count - 1].pending.append(UInt8(ascii: "&")) }
        default:
            break
        }
        errorCount += 1
        if firstError == nil {
            // libxml2 quotes the input after some messages ("Comment not terminated \n <!--…"),
            // line breaks included: keep one short line.
            let words = message.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
            let trimmed = words.count > 200 ? words.prefix(199) + "…" : words
            firstError = line > 0 ? "\(trimmed) (line \(line))" : trimmed
        }
    }

    /// The `&name` libxml2 just read and rejected (it stops right after the name).
    private func consumedReference(_ context: xmlParserCtxtPtr) -> [UInt8]? {
        guard let input = context.pointee.input, let cur = input.pointee.cur, let base = input.pointee.base else {
            return nil
        }
        var start = cur
        var steps = 0
        while start > base, steps < 64 {
            start -= 1
            steps += 1
            if start.pointee == UInt8(ascii: "&") {
                return Array(UnsafeBufferPointer(start: start, count: cur - start))
            }
        }
        return nil
    }

    /// `&#X41;` (upper-case X, which XML rejects): libxml2 stops at the `X`; read the hex
    /// digits and the `;` ourselves and move the parser past them.
    private func upperCaseHexReference(_ context: xmlParserCtxtPtr) -> Unicode.Scalar? {
        guard let input = context.pointee.input, let cur = input.pointee.cur, let end = input.pointee.end,
            cur < end, cur.pointee == UInt8(ascii: "X")
        else { return nil }
        var index = 1
        var value: UInt32 = 0
        while cur + index < end, index < 9, let digit = Character(UnicodeScalar(cur[index])).hexDigitValue {
            value = value * 16 + UInt32(digit)
            index += 1
        }
        guard index > 1, cur + index < end, cur[index] == UInt8(ascii: ";"), let scalar = Unicode.Scalar(value),
            value >= 0x20 || value == 0x09 || value == 0x0A || value == 0x0D
        else { return nil }
        input.pointee.cur = cur + index + 1
        input.pointee.col += Int32(index + 1)
        return scalar
    }

    /// An internal general entity from the DOCTYPE, remembered as plain text, never registered
    /// with libxml2 (so it can never expand recursively).
    fileprivate func declare(entity name: String, content: String) {
        guard declaredEntities.count < 1000, content.utf8.count <= 64 * 1024 else { return }
        declaredEntities[name] = content
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

    /// A libxml2 name as a lower-case string, copying once (names are nearly always lower-case).
    private static func lowercased(_ name: UnsafePointer<xmlChar>) -> String {
        let bytes = UnsafeBufferPointer(start: name, count: strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)))
        if !bytes.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }

    private func canonicalAttributeKey(
        name: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?
    ) -> String {
        let local = XMLTreeBuilder.lowercased(name)
        if let uri, let known = XMLTreeBuilder.knownPrefixes[XMLTreeBuilder.lowercased(uri)] {
            return known.isEmpty ? local : known + ":" + local
        }
        if let prefix { return XMLTreeBuilder.lowercased(prefix) + ":" + local }
        return local
    }

    private func canonicalKey(local: String, prefix: String?, namespace: String?) -> String {
        guard let namespace else {
            if let prefix { return XMLTreeBuilder.prefixAliases[prefix, default: prefix] + ":" + local }
            return local
        }
        if namespace == rootNamespace || namespace.isEmpty { return local }
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
        handler.getEntity = { context, name in
            guard let name else { return nil }
            if let predefined = xmlGetPredefinedEntity(name) { return predefined }
            guard let entity = HTMLEntityTable.shared.entity(named: name) else { return nil }
            if let context {
                let builder = Unmanaged<XMLTreeBuilder>.fromOpaque(context).takeUnretainedValue()
                if builder.htmlEntity == nil { builder.htmlEntity = String(cString: name) }
            }
            return entity
        }
        handler.entityDecl = { context, name, type, _, _, content in
            guard let context, let name, let content, type == Int32(XML_INTERNAL_GENERAL_ENTITY.rawValue) else {
                return
            }
            Unmanaged<XMLTreeBuilder>.fromOpaque(context).takeUnretainedValue()
                .declare(entity: String(cString: name), content: String(cString: content))
        }
        handler.serror = { context, error in
            guard let context, let error else { return }
            let level = error.pointee.level
            let code = Int(error.pointee.code)
            guard level == XML_ERR_ERROR || level == XML_ERR_FATAL || code == Int(XML_WAR_UNDECLARED_ENTITY.rawValue)
            else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
            Unmanaged<XMLTreeBuilder>.fromOpaque(context).takeUnretainedValue()
                .error(
                    code: code, message: message, line: Int(error.pointee.line),
                    name: error.pointee.str1.map { String(cString: $0) })
        }
        return handler
    }
}
