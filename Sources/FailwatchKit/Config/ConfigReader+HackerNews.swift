// SPDX-License-Identifier: Apache-2.0
import FailwatchCore

/// The keys of a `hackernews` source: `query:` (required), `tags:`, `page_size:`.
extension ConfigReader {
    mutating func readHackerNews(_ fields: Fields) -> HackerNewsQuery? {
        let query = requiredQuery(fields, example: "query: vodafone")
        var tags = HackerNewsQuery.Tag.allCases
        var valid = true
        if fields["tags"] != nil {
            tags = []
            for scalar in textList(fields, "tags") {
                if let tag = HackerNewsQuery.Tag(rawValue: scalar.value) {
                    if !tags.contains(tag) { tags.append(tag) }
                } else {
                    valid = false
                    report(
                        "unknown tag '\(scalar.raw)' \(fields.context); hint: use story, comment or both",
                        at: scalar.mark)
                }
            }
            if valid && tags.isEmpty {
                valid = false
                report("'tags' \(fields.context) lists no tag; hint: use story, comment or both", at: fields["tags"]?.mark)
            }
        }
        let pageSize =
            fields["page_size"] == nil ? HackerNewsQuery.defaultPageSize : int(fields, "page_size", in: 1...1000)
        guard let query, let pageSize, valid else { return nil }
        return HackerNewsQuery(query: query.value, tags: tags, pageSize: pageSize)
    }

    /// The `query:` every search API needs; reported with an example when missing.
    mutating func requiredQuery(_ fields: Fields, example: String) -> Scalar? {
        if fields["query"] == nil {
            reportMissing("query", in: fields, hint: "the words to search for, e.g. \(example)")
        }
        return text(fields, "query")
    }
}
