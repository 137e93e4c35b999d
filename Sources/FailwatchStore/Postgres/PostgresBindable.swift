// SPDX-License-Identifier: Apache-2.0
import FailwatchCore
import PostgresNIO

/// A value the PostgreSQL store binds to a `?` of its SQL (see ``PostgresStore/query(_:_:)``).
protocol PostgresBindable: Sendable {
    func bind(into bindings: inout PostgresBindings) throws
}

extension String: PostgresBindable {
    func bind(into bindings: inout PostgresBindings) { bindings.append(self) }
}

extension Int64: PostgresBindable {
    func bind(into bindings: inout PostgresBindings) { bindings.append(self) }
}

extension Int: PostgresBindable {
    func bind(into bindings: inout PostgresBindings) { bindings.append(Int64(self)) }
}

extension Double: PostgresBindable {
    func bind(into bindings: inout PostgresBindings) { bindings.append(self) }
}

extension Bool: PostgresBindable {
    func bind(into bindings: inout PostgresBindings) { bindings.append(self) }
}

/// A list bound as one PostgreSQL array (`= ANY(?)`).
struct PostgresList<Element: PostgresArrayEncodable & Sendable>: PostgresBindable {
    var elements: [Element]

    init(_ elements: [Element]) { self.elements = elements }

    func bind(into bindings: inout PostgresBindings) throws { try bindings.append(elements) }
}

extension Optional: PostgresBindable where Wrapped: PostgresBindable {
    func bind(into bindings: inout PostgresBindings) throws {
        if let self { try self.bind(into: &bindings) } else { bindings.appendNull() }
    }
}

extension PostgresQuery {
    /// SQL written with `?` placeholders, as the SQLite store's, numbered for PostgreSQL (`$1`, `$2`…).
    static func portable(_ sql: String, _ arguments: [any PostgresBindable]) throws -> PostgresQuery {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments { try argument.bind(into: &bindings) }
        var numbered = ""
        var index = 0
        for character in sql {
            if character == "?" {
                index += 1
                numbered += "$\(index)"
            } else {
                numbered.append(character)
            }
        }
        return PostgresQuery(unsafeSQL: numbered, binds: bindings)
    }
}

extension PostgresRandomAccessRow {
    /// The column's value; PostgreSQL folds unquoted names to lower case.
    func value<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        let name = column.lowercased()
        guard contains(name) else { throw StoreError.failed(operation: "read row", reason: "no column \(name)") }
        return try self[name].decode(T.self)
    }
}

extension PostgresQuery {
    /// SQL with `:name` placeholders (as the SQLite store's report writes them), numbered for
    /// PostgreSQL; a name used twice is one parameter. `::type` casts are left alone.
    static func named(_ sql: String, _ arguments: [String: any PostgresBindable]) throws -> PostgresQuery {
        var bindings = PostgresBindings(capacity: arguments.count)
        var numbers: [String: Int] = [:]
        var numbered = ""
        let characters = Array(sql)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            let previous = index > 0 ? characters[index - 1] : " "
            guard character == ":", previous != ":", next != ":", next.isLetter else {
                numbered.append(character)
                index += 1
                continue
            }
            var end = index + 1
            while end < characters.count, characters[end].isLetter || characters[end].isNumber { end += 1 }
            let name = String(characters[(index + 1)..<end])
            if numbers[name] == nil, let argument = arguments[name] {
                try argument.bind(into: &bindings)
                numbers[name] = numbers.count + 1
            }
            numbered += numbers[name].map { "$\($0)" } ?? ":" + name
            index = end
        }
        return PostgresQuery(unsafeSQL: numbered, binds: bindings)
    }
}
