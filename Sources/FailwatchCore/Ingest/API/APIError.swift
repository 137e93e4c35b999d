// SPDX-License-Identifier: Apache-2.0

/// Why an API page could not be read; one line, safe to print (no tokens, no URLs with secrets).
public enum APIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The body is not JSON (or not the documented JSON), e.g. an HTML error page with status 200.
    case malformed(String)
    /// The JSON parses but lacks what the API documents, e.g. no `statuses` array.
    case unexpectedShape(String)
    /// The API answered but refused the query, with its own explanation.
    case refused(String)

    public var description: String {
        switch self {
        case let .malformed(detail): return "api: malformed response: \(detail)"
        case let .unexpectedShape(detail): return "api: unexpected response: \(detail)"
        case let .refused(detail): return "api: refused: \(detail)"
        }
    }
}
