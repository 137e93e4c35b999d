// SPDX-License-Identifier: Apache-2.0
import FailwatchCore

/// `kind: instagram`: `account_id:` (required), `token:` and `comment_window:`.
extension ConfigReader {
    mutating func readInstagram(_ fields: Fields) -> InstagramQuery? {
        let account = text(fields, "account_id")
        if fields["account_id"] == nil {
            reportMissing(
                "account_id", in: fields,
                hint: "the Instagram professional account's id, e.g. account_id: \"17841405822304914\"")
        }
        let token = secretText(fields, "token")
        let window = duration(fields, "comment_window", minimum: 3_600, maximum: 90 * 86_400)
        guard let account else { return nil }
        guard !account.value.isEmpty, account.value.count <= 30, account.value.allSatisfy({ $0.isASCII && $0.isNumber })
        else {
            report(
                "'account_id' \(fields.context) must be the numeric Instagram account id, found '\(account.raw)';"
                    + " hint: GET /{page-id}?fields=instagram_business_account gives it",
                at: account.mark)
            return nil
        }
        if token.failed || fields["comment_window"] != nil && window == nil { return nil }
        return InstagramQuery(
            accountID: account.value, token: token.value, commentWindow: window ?? FacebookQuery.defaultCommentWindow)
    }
}
