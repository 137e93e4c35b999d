// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Any JSON document, decoded without a schema, so a `json` source can map an API that
/// failwatch has no Decodable types for.
enum JSONNode: Sendable, Equatable, Decodable {
    case string(String)
    /// A number as its shortest decimal text, so ids and cursors keep their digits.
    case number(String, Double)
    case bool(Bool)
    case array([JSONNode])
    case object([String: JSONNode])
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Most values are strings, then numbers: try them first, as each miss throws.
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .number(String(value), Double(value))
        } else if let value = try? container.decode(Double.self) {
            self = .number(value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value), value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode([String: JSONNode].self) {
            self = .object(value)
        } else if let value = try? container.decode([JSONNode].self) {
            self = .array(value)
        } else {
            // Valid JSON no Swift number holds (`1e400`): a field with no value, not a failed page.
            self = .null
        }
    }

    /// Strings as they are, numbers and booleans as their text; `nil` for null, arrays, objects.
    var text: String? {
        switch self {
        case .string(let value): return value
        case .number(let text, _): return text
        case .bool(let value): return value ? "true" : "false"
        case .array, .object, .null: return nil
        }
    }

    /// The numeric value of a number or of a string holding one.
    var number: Double? {
        switch self {
        case .number(_, let value): return value
        case .string(let value): return Double(value.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }
}
