// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import FailwatchKit
import Foundation
import Testing

/// A one-title RSS document with the given XML declaration, as bytes in `encoding`.
private func rss(title: String, declaration: String?, encoding: String.Encoding) throws -> Data {
    let prolog = declaration.map { "<?xml version=\"1.0\" encoding=\"\($0)\"?>" } ?? ""
    return try #require("\(prolog)<rss><channel><title>\(title)</title></channel></rss>".data(using: encoding))
}

@Suite struct FeedEncodingTests {
    @Test(arguments: [
        ("UTF-8", String.Encoding.utf8),
        ("ISO-8859-1", .isoLatin1),
        ("windows-1252", .windowsCP1252),
        ("UTF-16", .utf16LittleEndian),
        ("UTF-16", .utf16BigEndian),
    ])
    func readsDeclaredEncoding(_ label: String, _ encoding: String.Encoding) throws {
        var data = try rss(title: "Störung in Zürich", declaration: label, encoding: encoding)
        if encoding == .utf16LittleEndian { data = Data([0xFF, 0xFE]) + data }
        if encoding == .utf16BigEndian { data = Data([0xFE, 0xFF]) + data }
        let feed = try FeedParser.parse(data)
        #expect(feed.title == "Störung in Zürich")
        #expect(feed.warnings.isEmpty)
    }

    @Test(arguments: [String.Encoding.utf32LittleEndian, .utf32BigEndian])
    func readsUTF32WithoutByteOrderMark(_ encoding: String.Encoding) throws {
        let data = try rss(title: "Störung", declaration: nil, encoding: encoding)
        #expect(try FeedParser.parse(data).title == "Störung")
    }

    @Test func readsISO885915Euro() throws {
        var data = Data("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><rss><channel><title>".utf8)
        data.append(contentsOf: [0x35, 0x20, 0xA4])  // "5 €" in Latin-9
        data.append(contentsOf: Array("</title></channel></rss>".utf8))
        #expect(try FeedParser.parse(data).title == "5 €")
    }

    @Test func readsUTF8ByteOrderMark() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("<rss><channel><title>Grüße</title></channel></rss>".utf8)
        #expect(try FeedParser.parse(data).title == "Grüße")
    }

    @Test func trustsUTF8BytesOverLatin1Declaration() throws {
        let data = try rss(title: "Grüße", declaration: "ISO-8859-1", encoding: .utf8)
        let feed = try FeedParser.parse(data)
        #expect(feed.title == "Grüße")
        #expect(feed.warnings.contains { $0.hasPrefix("encoding: declared ISO-8859-1 but the bytes are UTF-8") })
    }

    @Test func readsInvalidUTF8DeclaredAsUTF8AsWindows1252() throws {
        let data = try rss(title: "“Grüße”", declaration: "UTF-8", encoding: .windowsCP1252)
        let feed = try FeedParser.parse(data)
        #expect(feed.title == "“Grüße”")
        #expect(feed.warnings.contains { $0.contains("not UTF-8; read as windows-1252") })
    }

    @Test func letsHTTPCharsetLabelTheBytes() throws {
        let data = try rss(title: "Café", declaration: nil, encoding: .isoLatin1)
        let feed = try FeedParser.parse(data, contentType: "application/rss+xml; charset=iso-8859-1")
        #expect(feed.title == "Café")
        #expect(feed.warnings.isEmpty)
    }

    @Test func warnsAboutUnknownEncoding() throws {
        let data = try rss(title: "x", declaration: "bogus-42", encoding: .utf8)
        let feed = try FeedParser.parse(data)
        #expect(feed.title == "x")
        #expect(feed.warnings.contains { $0.contains("unknown encoding bogus-42") })
    }

    @Test func repairsDoubleEncodedUTF8() throws {
        let feed = try parseFeed("<rss><channel><title>Wait&acirc;&#128;&brvbar;</title></channel></rss>")
        #expect(feed.title == "Wait…")
    }

    @Test func mapsC1ControlsToWindows1252() throws {
        let feed = try parseFeed("<rss><channel><title>don\u{92}t</title></channel></rss>")
        #expect(feed.title == "don’t")
    }
}
