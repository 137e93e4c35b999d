// SPDX-License-Identifier: Apache-2.0
import FailwatchCore

/// `kind: bluesky`: `query:` (required), `lang:` and `token:`.
extension ConfigReader {
    mutating func readBluesky(_ fields: Fields) -> BlueskyQuery? {
        let query = text(fields, "query")
        if fields["query"] == nil {
            reportMissing("query", in: fields, hint: "the search terms, e.g. query: telekom störung")
        }
        let language = text(fields, "lang")
        let token = text(fields, "token")
        guard let query else { return nil }
        if fields["lang"] != nil && language == nil || fields["token"] != nil && token == nil { return nil }
        return BlueskyQuery(query: query.value, language: language?.value, token: token?.value)
    }
}
