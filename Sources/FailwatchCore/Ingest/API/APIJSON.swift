// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Decodes API bodies into small `Decodable` types and words a failure as an `APIError` a
/// user can act on: an HTML page, the API's own error object, or the field that is missing.
enum APIJSON {
    /// - Parameter what: the documented shape, for messages ("a list of statuses").
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, what: String) throws(APIError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            if let refusal = try? JSONDecoder().decode(APIErrorBody.self, from: data), let message = refusal.text {
                throw .refused(message)
            }
            guard let decoding = error as? DecodingError else { throw .malformed("expected \(what): \(error)") }
            switch decoding {
            case .dataCorrupted(let context) where context.codingPath.isEmpty:
                throw .malformed("expected \(what), got \(preview(data))")
            case .keyNotFound(let key, let context):
                throw .unexpectedShape("missing '\(path(context.codingPath + [key]))' in \(what)")
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                throw .unexpectedShape("unexpected value at '\(path(context.codingPath))' in \(what)")
            @unknown default:
                throw .malformed("expected \(what): \(decoding)")
            }
        }
    }

    /// The first bytes of a body that is not JSON, on one line: `'<!DOCTYPE html><html>…'`.
    static func preview(_ data: Data) -> String {
        guard !data.isEmpty else { return "an empty body" }
        let text = String(decoding: data.prefix(60), as: UTF8.self)
            .map { $0.isNewline || $0 == "\t" ? " " : $0 }
        return "'" + String(text) + (data.count > 60 ? "…'" : "'")
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            .trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
}

/// The error objects APIs send: Mastodon `{"error": "…"}`, XRPC `{"error": "…", "message": "…"}`,
/// Reddit `{"message": "Forbidden", "error": 403}`.
private struct APIErrorBody: Decodable {
    var error: String?
    var message: String?

    var text: String? {
        switch (error, message) {
        case let (error?, message?) where error != message: return "\(error): \(message)"
        case let (error?, _): return error
        case let (nil, message?): return message
        default: return nil
        }
    }

    enum CodingKeys: String, CodingKey { case error, message }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        message = try? container.decodeIfPresent(String.self, forKey: .message)
        if let text = try? container.decodeIfPresent(String.self, forKey: .error) {
            error = text
        } else if let code = try? container.decodeIfPresent(Int.self, forKey: .error) {
            error = "error \(code)"
        }
    }
}
