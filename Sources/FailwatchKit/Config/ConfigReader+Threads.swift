// SPDX-License-Identifier: Apache-2.0
import FailwatchCore

/// `kind: threads`: `query:` (a keyword search) or nothing (the token's own account, with
/// `comment_window:`), and `token:`.
extension ConfigReader {
    mutating func readThreads(_ fields: Fields) -> ThreadsQuery? {
        let query = text(fields, "query")
        let token = secretText(fields, "token")
        let window = duration(fields, "comment_window", minimum: 3_600, maximum: 90 * 86_400)
        if token.failed || fields["comment_window"] != nil && window == nil { return nil }
        guard fields["query"] != nil else {
            return .account(token: token.value, commentWindow: window ?? FacebookQuery.defaultCommentWindow)
        }
        guard let query else { return nil }
        if let misplaced = fields.entries["comment_window"] {
            report(
                "'comment_window' \(fields.context) reads the account's own threads; a search (query:) has none",
                at: misplaced.key.mark)
            return nil
        }
        return .search(query.value, token: token.value)
    }
}
