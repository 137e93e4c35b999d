// SPDX-License-Identifier: Apache-2.0

/// Why a body could not be read as a feed at all (a feed that was read with problems
/// carries them in `Feed.warnings` instead).
public enum FeedParseError: Error, Equatable, CustomStringConvertible {
    /// Nothing but whitespace.
    case emptyBody
    /// A web page, not a feed (a common answer from a moved feed URL or a login wall).
    case htmlPage
    /// Well-formed enough to read, but its root is not RSS, RDF or Atom.
    case unknownRoot(String)
    /// libxml2 could not find any element at all.
    case unreadableXML(String)
    /// It starts like JSON but is not a JSON Feed.
    case invalidJSON(String)

    public var description: String {
        switch self {
        case .emptyBody: "empty body"
        case .htmlPage: "not a feed: looks like an HTML page"
        case .unknownRoot(let name): "not a feed: root element <\(name)> is not rss, rdf:RDF or feed"
        case .unreadableXML(let reason): "unreadable XML: \(reason)"
        case .invalidJSON(let reason): "not a feed: \(reason)"
        }
    }
}
