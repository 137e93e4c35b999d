// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Decodes an API body into its Decodable shape, telling a body that is not JSON at all (an
/// HTML error page behind a 200) apart from JSON that lacks what the API documents.
enum APIDecoding {
    /// - Parameters:
    ///   - type: the documented response shape; unknown fields are ignored.
    ///   - body: the body as fetched.
    ///   - api: names the API in messages, e.g. `hackernews`.
    /// - Throws: `APIError.malformed` for non-JSON, `.unexpectedShape` for JSON of another shape.
    static func decode<T: Decodable>(_ type: T.Type, from body: FetchedBody, api: String) throws(APIError) -> T {
        do {
            return try JSONDecoder().decode(type, from: body.data)
        } catch let error as DecodingError {
            switch error {
            case .dataCorrupted(let context) where context.codingPath.isEmpty:
                throw .malformed("\(api): not JSON (\(preview(body.data)))")
            case .keyNotFound(let key, let context):
                throw .unexpectedShape("\(api): missing '\(path(context.codingPath + [key]))'")
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                throw .unexpectedShape("\(api): wrong type at '\(path(context.codingPath))'")
            @unknown default:
                throw .unexpectedShape("\(api): \(error)")
            }
        } catch {
            throw .malformed("\(api): \(error)")
        }
    }

    /// The first bytes of a body, one line, for messages: an HTML page shows its doctype.
    static func preview(_ data: Data) -> String {
        let text = String(decoding: data.prefix(40), as: UTF8.self)
            .map { $0.isNewline ? " " : $0 }
        return data.isEmpty ? "empty body" : "starts with '\(String(text))'"
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
