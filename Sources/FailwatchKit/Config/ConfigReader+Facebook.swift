// SPDX-License-Identifier: Apache-2.0
import FailwatchCore

/// `kind: facebook`: `page_id:` (required), `token:` and `comment_window:`.
extension ConfigReader {
    mutating func readFacebook(_ fields: Fields) -> FacebookQuery? {
        let page = text(fields, "page_id")
        if fields["page_id"] == nil {
            reportMissing("page_id", in: fields, hint: "the page's id or username, e.g. page_id: liwest")
        }
        let token = secretText(fields, "token")
        let window = duration(fields, "comment_window", minimum: 3_600, maximum: 90 * 86_400)
        guard let page else { return nil }
        guard page.value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") })
        else {
            report(
                "invalid page_id '\(page.raw)' \(fields.context); hint: the number or name in facebook.com/NAME",
                at: page.mark)
            return nil
        }
        if token.failed || fields["comment_window"] != nil && window == nil { return nil }
        return FacebookQuery(
            pageID: page.value, token: token.value, commentWindow: window ?? FacebookQuery.defaultCommentWindow)
    }
}
