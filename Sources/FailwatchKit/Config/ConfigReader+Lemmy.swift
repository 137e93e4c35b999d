// SPDX-License-Identifier: Apache-2.0
import FailwatchCore

/// The keys of a `lemmy` source: `query:` (required), `type:`, `page_size:`.
extension ConfigReader {
    mutating func readLemmy(_ fields: Fields) -> LemmyQuery? {
        let query = requiredQuery(fields, example: "query: vodafone")
        var type: LemmyQuery.ContentType? = .posts
        if let scalar = text(fields, "type") {
            type = LemmyQuery.ContentType(rawValue: scalar.value.lowercased())
            if type == nil {
                report("unknown type '\(scalar.raw)' \(fields.context); hint: use posts or comments", at: scalar.mark)
            }
        }
        let pageSize = fields["page_size"] == nil ? LemmyQuery.defaultPageSize : int(fields, "page_size", in: 1...50)
        guard let query, let type, let pageSize else { return nil }
        return LemmyQuery(query: query.value, type: type, pageSize: pageSize)
    }
}
