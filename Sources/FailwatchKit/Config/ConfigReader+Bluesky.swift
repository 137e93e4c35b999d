// SPDX-License-Identifier: Apache-2.0
import FailwatchCore

/// `kind: bluesky`: `query:` (required), `lang:` and `token:`.
extension ConfigReader {
    mutating func readBluesky(_ fields: Fields) -> BlueskyQuery? {
        if let account = fields.entries["account"] {
            if fields["query"] != nil || fields["lang"] != nil {
                report(
                    "'account' \(fields.context) reads one account; 'query' and 'lang' belong to a search; hint: make two sources",
                    at: account.key.mark)
                return nil
            }
            guard let handle = text(fields, "account") else { return nil }
            let name = handle.value.hasPrefix("@") ? String(handle.value.dropFirst()) : handle.value
            guard !name.isEmpty, !name.contains(where: { $0.isWhitespace || $0 == "/" }) else {
                report(
                    "invalid account '\(handle.raw)' \(fields.context); hint: the handle as in bsky.app/profile/HANDLE",
                    at: handle.mark)
                return nil
            }
            let token = secretText(fields, "token")
            if token.failed { return nil }
            return .account(name, token: token.value)
        }
        let query = text(fields, "query")
        if fields["query"] == nil {
            reportMissing(
                "query", in: fields, hint: "the search terms, e.g. query: telekom störung, or account: HANDLE")
        }
        let language = text(fields, "lang")
        let token = secretText(fields, "token")
        guard let query else { return nil }
        if fields["lang"] != nil && language == nil || token.failed { return nil }
        return BlueskyQuery(query: query.value, language: language?.value, token: token.value)
    }
}
