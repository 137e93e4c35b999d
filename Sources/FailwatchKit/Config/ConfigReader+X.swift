// SPDX-License-Identifier: Apache-2.0
import FailwatchCore

/// `kind: x`: `query:` or `account:` (with `account_id:`), `token:`, `max_results:` and
/// `max_posts_per_day:`.
extension ConfigReader {
    mutating func readX(_ fields: Fields) -> XQuery? {
        let query = text(fields, "query")
        let account = text(fields, "account")
        let accountID = text(fields, "account_id")
        let token = secretText(fields, "token")
        let pageSize = int(fields, "max_results", in: 5...100)
        let budget = int(fields, "max_posts_per_day", in: 1...10_000_000)
        let target: XQuery.Target
        switch (fields["query"], fields["account"]) {
        case (nil, nil):
            reportMissing(
                "query", in: fields,
                hint: "search with query: '(@LIWEST OR liwest) -is:retweet', or read an account with account: LIWEST")
            return nil
        case (.some, .some):
            report(
                "'query' and 'account' \(fields.context) exclude each other; hint: make two sources",
                at: fields.entries["account"]?.key.mark)
            return nil
        case (.some, nil):
            if let misplaced = fields.entries["account_id"] {
                report("'account_id' \(fields.context) needs 'account:', not 'query:'", at: misplaced.key.mark)
                return nil
            }
            guard let query else { return nil }
            if let pageSize, pageSize < 10 {
                report(
                    "'max_results' \(fields.context) must be between 10 and 100 for a search, found '\(pageSize)'",
                    at: fields.entries["max_results"]?.value.mark)
                return nil
            }
            target = .search(query.value)
        case (nil, .some):
            guard let account else { return nil }
            let handle = account.value.hasPrefix("@") ? String(account.value.dropFirst()) : account.value
            guard !handle.isEmpty, handle.count <= 15,
                handle.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
            else {
                report(
                    "invalid account '\(account.raw)' \(fields.context); hint: the handle as in x.com/HANDLE, e.g. LIWEST",
                    at: account.mark)
                return nil
            }
            if let accountID, !accountID.value.allSatisfy({ $0.isASCII && $0.isNumber }) {
                report("'account_id' \(fields.context) must be the numeric user id, found '\(accountID.raw)'", at: accountID.mark)
                return nil
            }
            target = .account(handle, id: accountID?.value)
        }
        let unread = [("token", !token.failed), ("max_results", pageSize != nil), ("max_posts_per_day", budget != nil)]
        if unread.contains(where: { fields[$0.0] != nil && !$0.1 }) { return nil }
        return XQuery(
            target: target, token: token.value, maxResults: pageSize ?? XQuery.defaultMaxResults, maxPostsPerDay: budget)
    }
}
