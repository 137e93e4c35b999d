// SPDX-License-Identifier: Apache-2.0
import CLibXML2

/// libxml2 entity records for the HTML 4 names, so `&nbsp;` in a feed (undefined in XML)
/// reads as U+00A0 instead of an error that drops it.
///
/// Each record is of the predefined kind: libxml2 inserts its text as characters and never
/// parses it, so no reference can expand into another. Built once, read-only afterwards.
final class HTMLEntityTable: @unchecked Sendable {
    static let shared = HTMLEntityTable()

    private let entities: [String: xmlEntityPtr]

    private init() {
        var entities: [String: xmlEntityPtr] = [:]
        for (name, value) in HTMLEntities.scalars {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let entity = String(Character(scalar)).withCString { content in
                name.withCString { cName in
                    content.withMemoryRebound(to: xmlChar.self, capacity: 8) { xmlContent in
                        cName.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { xmlName in
                            xmlNewEntity(nil, xmlName, Int32(XML_INTERNAL_PREDEFINED_ENTITY.rawValue), nil, nil, xmlContent)
                        }
                    }
                }
            }
            if let entity { entities[name] = entity }
        }
        self.entities = entities
    }

    /// The record for an HTML entity name, or `nil` when HTML 4 does not define it.
    func entity(named name: UnsafePointer<xmlChar>) -> xmlEntityPtr? {
        entities[String(cString: name)]
    }
}
